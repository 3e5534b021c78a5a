import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalText } from '../../../core/canonical-json.ts';
import { renderTrailPdf, type TrailScope } from '../../../main/services/audit/trail-pdf.ts';
import { TrailCollector } from '../../../main/services/audit/trail-summary.ts';
import type { TrailLanguage } from '../../../main/services/audit/trail-words.ts';
import { auditedWorkstation } from '../../helpers/audit.ts';
import { call, tempDir } from '../../helpers/workstation.ts';

/** Entries as the services append them: actions, roles, a signature's meaning, an amendment, a role change. */
const kinds = [
  { action: 'case.consulted', role: 'judge', extra: {} },
  { action: 'evidence.received', role: 'expert', extra: { inputs: { file: 'a'.repeat(64) }, details: { fileName: 'айғақ.png' } } },
  { action: 'review.signed', role: 'expert', extra: { meaning: 'approved' } },
  { action: 'finding.reviewed', role: 'expert', extra: { supersedes: 3, outputs: { amendment: 'b'.repeat(64) } } },
  { action: 'user.role-changed', role: 'administrator', extra: { details: { username: 'Һәкім', to: 'judge' } } },
  { action: 'audit.exported', role: 'clerk', extra: {} },
] as const;
const codes = kinds.map((k) => k.action);

function collect(n: number): TrailCollector {
  const trail = new TrailCollector();
  for (let i = 0; i < n; i += 1) {
    const kind = kinds[i % kinds.length]!;
    const at = new Date(Date.UTC(2026, 0, 30) + i * 3_600_000).toISOString();
    // The actor's name carries every Kazakh letter, so the font and the text layer are checked for all of them.
    const text = canonicalText({ v: 1, seq: i, at, action: kind.action, actor: { role: kind.role, userId: 'u', username: 'Әғқңөұүһі' }, subjects: { caseId: `c-${i}` }, ...kind.extra });
    trail.add(Buffer.from(text), i.toString(16).padStart(64, '0'), kind.action, at);
  }
  return trail;
}

async function pdfText(language: TrailLanguage, n: number, scope: TrailScope): Promise<string> {
  const { rows, summary } = collect(n).result();
  const pdf = await renderTrailPdf({ language, origin: 'Almaty-lab-1/audit/x', scope, checkpoint: `Almaty-lab-1/audit/x\n${n}\nroot=\n`, fingerprint: 'ff'.repeat(32), rows, summary, total: n });
  const work = tempDir('dalel-trail-pdf-');
  try {
    const file = join(work.dir, 'trail.pdf');
    writeFileSync(file, pdf);
    // In drawing order, so a cell's wrapped lines follow each other; whitespace collapsed to join them again.
    return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    work.cleanup();
  }
}

/** Words of the English PDF that must not appear in another language's (file names aside). */
const english = /\b(Audit trail|Selection|Summary|Entries|entries|entry|First|Last|Latest|Signed|checkpoint|fingerprint|Hashes|Actor|Action|Time|About|Seq|page|of|input|output|supersedes|Case|File|Account|workstation|clerk|judge|expert|administrator|approved|Opened|Received)\b/;

function withoutFileNames(text: string): string {
  return text.replace(/entries\.(jsonl|csv)/g, '');
}

const hasPdftotext = spawnSync('sh', ['-c', 'command -v pdftotext']).status === 0;

describe.skipIf(!hasPdftotext)("the clerk's trail.pdf speaks the exporting user's language", () => {
  it.each([
    ['kk', 'list', 30],
    ['kk', 'summary', 3000],
    ['ru', 'list', 30],
    ['ru', 'summary', 3000],
  ] as const)('%s, %s: labels, actions and roles in words, no English and no codes', async (language, _form, n) => {
    const text = await pdfText(language, n, { scope: 'case', caseNumber: 'А-1/2026' });
    for (const letter of 'әғқңөұүһі') expect(text, letter).toContain(letter);
    expect(withoutFileNames(text)).not.toMatch(english);
    for (const code of codes) expect(text, code).not.toContain(code);
    expect(text).not.toMatch(/\b(clerk|judge|expert|administrator|approved)\b/);
    if (language === 'kk') {
      expect(text).toContain('Аудит журналы');
      expect(text).toContain('Істі ашты');
      expect(text).toContain('Судья');
      expect(text).toContain('№ А-1/2026 іс');
      if (n > 1000) {
        expect(text).toContain('Қорытынды');
        expect(text).toContain('Әрекеттер бойынша жазбалар');
        expect(text).toContain('Айлар бойынша жазбалар (UTC)');
        expect(text).toContain('Соңғы 50 жазба');
        expect(text).toMatch(/Істі ашты: 500/);
      } else {
        expect(text).toContain('бекітілді');
        expect(text).toContain('Файл: айғақ.png');
      }
    } else {
      expect(text).toContain('Журнал аудита');
      expect(text).toContain('Открыл дело');
      expect(text).toContain('Дело № А-1/2026');
      expect(text).toContain('Подписанная контрольная точка');
      if (n > 1000) {
        expect(text).toContain('Сводка');
        expect(text).toContain('Записи по действиям');
        expect(text).toContain('Записи по месяцам (UTC)');
        expect(text).toContain('Последние 50 записей');
        expect(text).toMatch(/Открыл дело: 500/);
      } else {
        expect(text).toContain('утверждено');
        expect(text).toContain('заменяет запись № 3');
      }
    }
  });

  it('keeps English for an English-speaking user', async () => {
    const text = await pdfText('en', 30, { scope: 'all' });
    expect(text).toContain('Audit trail');
    expect(text).toContain('Opened a case');
    expect(text).toContain('Meaning of the signature: approved');
    expect(text).toContain('supersedes entry 3');
    for (const code of codes) expect(text, code).not.toContain(code);
  });

  it('through audit.export: a case exported in Russian names the case, the people and the files, never their ids', async () => {
    const ctx = await auditedWorkstation();
    try {
      const { ws } = ctx.env;
      const result = await call(ws, ctx.clients.clerk, 'audit.export', { scope: 'case', caseId: ctx.theCase.id, language: 'ru' });
      const file = join(ws.dataDir, 'exports', result.name, 'trail.pdf');
      const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain('Выборка: Дело № A-1/2026');
      expect(text).toContain('Принял файл доказательства');
      expect(text).toContain('Файл: a.png');
      expect(text).toContain('A expert (Судебный эксперт)');
      expect(text).not.toContain(ctx.theCase.id);
      expect(text).not.toContain('evidence.received');
      // A caller that names no language (an older client) still gets a PDF, in English.
      const plain = await call(ws, ctx.clients.clerk, 'audit.export', { scope: 'case', caseId: ctx.theCase.id });
      const english = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', join(ws.dataDir, 'exports', plain.name, 'trail.pdf'), '-'], { encoding: 'utf8' });
      expect(english).toContain('Audit trail');
    } finally {
      ctx.env.dispose();
    }
  });
});
