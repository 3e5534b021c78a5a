// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { CustodyEvent } from '../../../main/contract/index.ts';
import { CustodyTable } from '../../../renderer/src/evidence/custody-table.tsx';
import { cleanup, fakeApi, need, render } from '../expert-harness.tsx';

afterEach(cleanup);

const sha = 'ab'.repeat(32);
const event = (n: number, details: CustodyEvent['details'], action = details?.action ?? 'received', note = 'stored English note'): CustodyEvent => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  evidenceId: '00000000-0000-4000-8000-000000000100',
  action,
  actor: 'expert',
  actorRole: 'expert',
  at: '2026-12-04T10:00:00.000Z',
  note,
  details,
});

const events: CustodyEvent[] = [
  event(1, { action: 'received', fileName: 'cassette.png', bytes: 1234567, sha256: sha, category: 'other', pixelUm: null }),
  event(2, { action: 'kind-declared', category: 'ballistics.cartridge-case', pixelUm: 2.5, previousCategory: 'other' }),
  event(3, { action: 'received-again', fileName: 'copy.png' }),
  event(4, { action: 'analysed', runId: 'run-1', method: 'handwriting.writer-comparison', findings: 2 }),
  event(5, { action: 'reported', fileName: 'report-K-1.pdf', sha256: sha, checkpointSize: 12345 }),
];

// Grouping uses the locale's (no-break) spaces; compared as plain ones.
const cell = (action: string, column: number) => need(`custody-event-${action}`).querySelectorAll('td')[column]!.textContent.replace(/[\u00a0\u202f]/g, ' ');

describe('the chain of custody in the user\'s language', () => {
  it('says in Russian what each event recorded, with kinds by name and numbers grouped', async () => {
    await render(fakeApi({}).api, <CustodyTable events={events} />, 'ru');
    expect(cell('received', 3)).toBe(`cassette.png, 1 234 567 байт, SHA-256 ${sha}; вид доказательства: Прочее доказательство`);
    expect(cell('kind-declared', 1)).toBe('Заявлен вид доказательства');
    expect(cell('kind-declared', 3)).toBe('Вид доказательства: Гильза (след патронного упора), размер пикселя 2,5 мкм (был: Прочее доказательство)');
    expect(cell('received-again', 3)).toBe('То же содержимое подано повторно под именем «copy.png»');
    expect(cell('analysed', 3)).toBe('Почерк: образцы и исследуемая страница; записано выводов: 2');
    expect(cell('reported', 3)).toBe(`Отчёт лаборатории report-K-1.pdf, SHA-256 ${sha}; контрольная точка журнала аудита: записей 12 345`);
  });

  it('speaks Kazakh and English too, and never shows a kind or action code', async () => {
    for (const language of ['kk', 'en'] as const) {
      await render(fakeApi({}).api, <CustodyTable events={events} />, language);
      const text = need('custody-table').textContent ?? '';
      expect(text, language).not.toMatch(/ballistics\.|cartridge-case|kind-declared|declared as other|stored English note/);
      cleanup();
    }
    await render(fakeApi({}).api, <CustodyTable events={events} />, 'kk');
    expect(cell('kind-declared', 3)).toBe('Дәлел түрі: Гильза (патрон тірегінің ізі), пиксель өлшемі 2,5 мкм (бұрын: Басқа дәлел)');
  });

  it('shows an event recorded before details were kept with the note it was stored with', async () => {
    await render(fakeApi({}).api, <CustodyTable events={[event(6, null, 'received', 'scan.x3p, 10 bytes, declared as other')]} />, 'ru');
    expect(cell('received', 3)).toBe('scan.x3p, 10 bytes, declared as other');
  });
});
