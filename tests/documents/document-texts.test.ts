import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blur, decodeGrey, encodePng, turn, type GreyPage } from '../../native/ocr/page-ops.ts';
import { renderPage } from '../../bench/ocr-pages.ts';
import { sha256Hex } from '../../main/services/intake/evidence-store.ts';
import type { Actor } from '../../main/services/sessions.ts';
import type { Workstation } from '../../main/services/workstation.ts';
import { call, seedUsers, testWorkstation } from '../helpers/workstation.ts';
import { tesseractHas } from '../helpers/tesseract.ts';

const installed = tesseractHas('rus');

describe.skipIf(!installed)('recognised text of evidence documents', () => {
  let ws: Workstation;
  let dispose: () => void;
  let expert: Actor;
  let caseId: string;
  let evidenceId: string;
  let evidenceSha256: string;
  let clients: Record<'expert' | 'judge' | 'clerk' | 'administrator', string>;
  const events: Array<{ clientKey: string; evidenceId: string; done: number; total: number }> = [];
  beforeAll(async () => {
    ({ ws, dispose } = testWorkstation({ demoModels: true, onDocumentProgress: (clientKey, event) => events.push({ clientKey, ...event }) }));
    clients = await seedUsers(ws);
    const user = ws.sessions.peek(clients.expert)!.user;
    expert = { userId: user.id, username: user.username, role: user.role };
    caseId = (await call(ws, clients.expert, 'cases.create', { number: 'D-16', venue: 'Алматы', caseType: 'criminal', parties: '' })).id;
    const page = await renderPage('Обвинительный акт. Иванов обвиняется по ч. 2 ст. 188 УК РК: тайно похитил ноутбук стоимостью 400 000 тенге.');
    const added = ws.evidence.add(caseId, 'indictment.png', encodePng(page), expert);
    evidenceId = added.evidence.id;
    evidenceSha256 = added.evidence.sha256;
  }, 60_000);
  afterAll(() => dispose());

  it('stores the text with the item, its own hash and provenance, audit-logged, and finds it by stem', async () => {
    const progress: Array<[number, number]> = [];
    const stored = await ws.documents.recognise(evidenceId, expert, { language: 'rus', onProgress: (done, total) => progress.push([done, total]) });
    expect(progress).toEqual([
      [0, 1],
      [1, 1],
    ]);
    expect(stored.evidenceSha256).toBe(evidenceSha256);
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.sha256).not.toBe(evidenceSha256);
    expect(stored.result.pages[0]!.text).toContain('ноутбук');
    expect(stored.result.provenance.inputSha256).toBe(evidenceSha256);
    expect(ws.documents.latest(evidenceId)?.sha256).toBe(stored.sha256);
    // "ноутбука" and "похитила" find the page through their stems.
    const hits = ws.documents.search(caseId, 'ноутбука похитила');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ evidenceId, page: 1 });
    expect(ws.documents.search(caseId, 'велосипед')).toEqual([]);
    const entry = ws.audit.list({ caseId }).map((r) => JSON.parse(new TextDecoder().decode(r.bytes)) as { action: string; inputs?: Record<string, string>; outputs?: Record<string, string> }).find((e) => e.action === 'documents.recognised')!;
    expect(entry.inputs).toEqual({ evidence: evidenceSha256 });
    expect(entry.outputs).toEqual({ text: stored.sha256 });
    expect(sha256Hex(new TextEncoder().encode(JSON.stringify(stored.result)))).toBe(stored.sha256);
  }, 120_000);

  it('proposes facts from the stored text with the words to highlight, through the channels a judge uses', async () => {
    const text = await call(ws, clients.judge, 'documents.text', { evidenceId });
    expect(text?.sha256).toBe(ws.documents.latest(evidenceId)!.sha256);
    const proposed = await call(ws, clients.judge, 'documents.facts', { evidenceId, caseType: 'kz-criminal' });
    expect(proposed.textSha256).toBe(text!.sha256);
    const article = proposed.facts.find((f) => f.field === 'article')!;
    expect(article).toMatchObject({ value: '188', page: 1 });
    expect(article.quote).toContain('ст. 188');
    expect(article.boxes.length).toBeGreaterThanOrEqual(3);
    const damage = proposed.facts.find((f) => f.field === 'damageKzt')!;
    expect(damage.value).toBe(400000);
    // The text names no category: the statutes give it for part 2 of art. 188 (medium gravity), quoted from the citation.
    const category = proposed.facts.find((f) => f.field === 'offenceCategory')!;
    expect(category).toMatchObject({ value: 'medium', page: 1 });
    expect(category.quote).toContain('ч. 2');
    const hits = await call(ws, clients.judge, 'documents.search', { caseId, query: 'ноутбук' });
    expect(hits.map((h) => h.evidenceId)).toEqual([evidenceId]);
    const refused = await ws.dispatcher.invoke(clients.clerk, 'documents.recognise', { evidenceId, language: 'rus' });
    expect(refused.ok).toBe(false);
  }, 60_000);

  it('lists the case\'s read documents, and a consultation records which facts came from which document text', async () => {
    const listed = await call(ws, clients.judge, 'documents.list', { caseId });
    expect(listed).toEqual([expect.objectContaining({ evidenceId, fileName: 'indictment.png', textSha256: ws.documents.latest(evidenceId)!.sha256, pages: 1 })]);
    const model = (await call(ws, clients.judge, 'decision.models', {})).find((m) => m.caseType === 'kz-criminal' && m.outcome === 'punishment')!;
    const facts = { article: '188', part: 2, offenceCategory: 'medium', damageMrp: 100, priorConvictions: 0, recidivism: 'none', guiltyPlea: true, proceduralAgreement: false, damageCompensated: 'none', mitigating: [], aggravating: [], defendantMinor: false };
    const fromDocument = { kind: 'document' as const, evidenceId, textSha256: listed[0]!.textSha256 };
    const answer = await call(ws, clients.judge, 'decision.predict', { modelSha256: model.sha256, facts, caseId, factSources: { article: fromDocument, part: fromDocument, guiltyPlea: { kind: 'question' } } });
    const entry = ws.audit.list({ caseId }).map((r) => JSON.parse(new TextDecoder().decode(r.bytes)) as { seq: number; action: string; details?: { factSources?: Record<string, unknown> } }).find((e) => e.seq === answer.auditSeq)!;
    expect(entry.action).toBe('decision.consulted');
    expect(entry.details?.factSources).toMatchObject({ article: fromDocument, part: fromDocument, guiltyPlea: { kind: 'question' }, damageMrp: { kind: 'typed' }, recidivism: { kind: 'typed' } });
    expect(Object.keys(entry.details!.factSources!).sort()).toEqual(Object.keys(facts).sort());

    const otherCase = (await call(ws, clients.expert, 'cases.create', { number: 'D-17', venue: 'Алматы', caseType: 'criminal', parties: '' })).id;
    const refusals = [
      { caseId: otherCase, factSources: { article: fromDocument } },
      { caseId, factSources: { article: { ...fromDocument, textSha256: 'ab'.repeat(32) } } },
      { factSources: { article: fromDocument } },
      { caseId, factSources: { notAFact: { kind: 'typed' as const } } },
    ];
    for (const refused of refusals) {
      const result = await ws.dispatcher.invoke(clients.judge, 'decision.predict', { modelSha256: model.sha256, facts, ...refused });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('BAD_INPUT');
    }
  }, 60_000);

  it('shows a page as it was read (turned upright) so that a fact\'s word boxes fall on its words', async () => {
    const upsideDown = turn(await renderPage('Обвинительный акт. Петров обвиняется по ч. 1 ст. 190 УК РК: путём обмана завладел деньгами.'), 180);
    const item = ws.evidence.add(caseId, 'upside-down.png', encodePng(upsideDown), expert).evidence;
    const stored = await ws.documents.recognise(item.id, expert, { language: 'rus' });
    expect(stored.result.pages[0]!.rotation).toBe(180);
    const article = (await call(ws, clients.judge, 'documents.facts', { evidenceId: item.id, caseType: 'kz-criminal' })).facts.find((f) => f.field === 'article')!;
    expect(article.value).toBe('190');
    const image = await call(ws, clients.judge, 'documents.pageImage', { evidenceId: item.id, page: 1 });
    expect(image).toMatchObject({ evidenceId: item.id, textSha256: stored.sha256, page: 1, width: stored.result.pages[0]!.width, height: stored.result.pages[0]!.height });
    const png = decodeGrey(image.png, 'page.png');
    expect(Math.max(png.width, png.height)).toBeLessThanOrEqual(1600);
    const scale = png.width / image.width;
    expect(png.height / image.height).toBeCloseTo(scale, 2);
    // Mean grey under the boxes, and under the same boxes mirrored through the centre (where the words were before turning).
    const meanUnder = (page: GreyPage, boxes: typeof article.boxes, mirrored: boolean) => {
      let sum = 0;
      let count = 0;
      for (const b of boxes) {
        const [left, top] = mirrored ? [image.width - b.left - b.width, image.height - b.top - b.height] : [b.left, b.top];
        for (let y = Math.floor(top * scale); y < Math.ceil((top + b.height) * scale); y += 1) {
          for (let x = Math.floor(left * scale); x < Math.ceil((left + b.width) * scale); x += 1) {
            sum += page.data[y * page.width + x]!;
            count += 1;
          }
        }
      }
      return sum / count;
    };
    expect(meanUnder(png, article.boxes, false)).toBeLessThan(215);
    expect(meanUnder(png, article.boxes, true)).toBeGreaterThan(250);
    const missing = await ws.dispatcher.invoke(clients.judge, 'documents.pageImage', { evidenceId: item.id, page: 2 });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.message).toContain('upside-down.png');
  }, 120_000);

  it('pushes each page read to the reading client, and a reading cancelled through the channel stores nothing', async () => {
    events.length = 0;
    const again = await call(ws, clients.judge, 'documents.recognise', { evidenceId, language: 'rus' });
    expect(events).toEqual([
      { clientKey: clients.judge, evidenceId, done: 0, total: 1 },
      { clientKey: clients.judge, evidenceId, done: 1, total: 1 },
    ]);
    events.length = 0;
    const reading = ws.dispatcher.invoke(clients.expert, 'documents.recognise', { evidenceId, language: 'rus' });
    for (let waited = 0; events.length === 0 && waited < 20_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events[0]).toEqual({ clientKey: clients.expert, evidenceId, done: 0, total: 1 });
    const twice = await ws.dispatcher.invoke(clients.judge, 'documents.recognise', { evidenceId, language: 'rus' });
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.error.code).toBe('CONFLICT');
    expect(await call(ws, clients.judge, 'documents.cancel', { evidenceId })).toEqual({ cancelled: true });
    const cancelled = await reading;
    expect(cancelled.ok).toBe(false);
    if (!cancelled.ok) expect(cancelled.error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/cancel/i), params: { reasonCode: 'cancelled' } });
    expect(events).toHaveLength(1);
    expect(ws.documents.latest(evidenceId)!.id).toBe(again.id);
    expect(await call(ws, clients.judge, 'documents.cancel', { evidenceId })).toEqual({ cancelled: false });
    expect((await ws.dispatcher.invoke(clients.clerk, 'documents.cancel', { evidenceId })).ok).toBe(false);
  }, 120_000);

  it('refuses an empty page, a photo of nothing and a ZIP named .pdf with the file named, storing nothing', async () => {
    const blank = ws.evidence.add(caseId, 'blank-scan.png', encodePng({ width: 1200, height: 1600, data: new Uint8Array(1200 * 1600).fill(250) }), expert).evidence;
    const noise = new Uint8Array(800 * 600);
    let seed = 11;
    for (let i = 0; i < noise.length; i += 1) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      noise[i] = seed >>> 24;
    }
    const photo = ws.evidence.add(caseId, 'wall-photo.png', encodePng(blur({ width: 800, height: 600, data: noise }, 6)), expert).evidence;
    const entriesBefore = ws.audit.list({ caseId }).length;
    for (const [item, reasonCode] of [[blank, 'empty-page'], [photo, 'no-text']] as const) {
      const refused = await ws.dispatcher.invoke(clients.expert, 'documents.recognise', { evidenceId: item.id, language: 'auto' });
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.error).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining(item.originalName), params: { file: item.originalName, reasonCode } });
      expect(await call(ws, clients.judge, 'documents.text', { evidenceId: item.id })).toBeNull();
    }
    expect(ws.audit.list({ caseId })).toHaveLength(entriesBefore);
    expect((await call(ws, clients.judge, 'documents.list', { caseId })).map((d) => d.evidenceId)).not.toContain(blank.id);
    // A ZIP named .pdf never becomes evidence to read: intake refuses it, naming the file.
    const items = ws.evidence.list(caseId).length;
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60)]);
    expect(() => ws.evidence.add(caseId, 'scan.pdf', zip, expert)).toThrow(/scan\.pdf/);
    expect(ws.evidence.list(caseId)).toHaveLength(items);
  }, 120_000);

  it('stores nothing when the run is cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const before = ws.documents.latest(evidenceId)!.id;
    await expect(ws.documents.recognise(evidenceId, expert, { signal: controller.signal })).rejects.toThrow(/cancel/i);
    expect(ws.documents.latest(evidenceId)!.id).toBe(before);
  }, 60_000);
});
