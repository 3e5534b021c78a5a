import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZipWriter } from '../../native/codecs/zip/zip-write.ts';
import type { Db } from '../../main/db/database.ts';
import { AuditLog } from '../../main/services/audit/audit-log.ts';
import { CorpusStore } from '../../main/services/corpus/ingest.ts';
import { DecisionTextIngest } from '../../main/services/corpus/text-ingest.ts';
import { maxDecisionBytes } from '../../main/services/corpus/decision-text.ts';
import { loadStatuteBook } from '../../main/services/decision/statutory-bounds.ts';
import { findCaseType, loadCaseTypes } from '../../models/cases/case-type.ts';
import { tempDir } from '../helpers/workstation.ts';
import { corpusStores } from '../helpers/corpus-stores.ts';

const caseType = findCaseType(loadCaseTypes(), 'kz-criminal');
const book = loadStatuteBook();
const categoryOf = (article: string, part: number) => book.articles[article]?.parts[String(part)]?.category ?? null;
const decision = readFileSync(new URL('./fixtures/prigovor-1.txt', import.meta.url), 'utf8');
const bytes = (text: string) => new TextEncoder().encode(text);

/** The decision as a Word document: one paragraph a line. */
function docx(text: string, dir: string): Uint8Array {
  const path = join(dir, 'decision.docx');
  const zip = new ZipWriter(path);
  const body = text
    .split('\n')
    .map((line) => `<w:p><w:r><w:t xml:space="preserve">${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</w:t></w:r></w:p>`)
    .join('');
  zip.add('[Content_Types].xml', bytes('<?xml version="1.0"?><Types/>'));
  zip.add('word/document.xml', bytes(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`));
  zip.close();
  return new Uint8Array(readFileSync(path));
}

describe('decision texts into the corpus', () => {
  let db: Db;
  let corpus: CorpusStore;
  let ingest: DecisionTextIngest;
  let audit: AuditLog;
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
    const stores = corpusStores();
    ({ db, audit, corpus } = stores);
    ingest = new DecisionTextIngest(db, stores.clock, audit, corpus, categoryOf);
  });
  afterEach(() => {
    db.close();
    cleanup();
  });

  it('anonymises a verdict, reads its facts with spans, stores it, and recognises the same case in a .docx', () => {
    const result = ingest.importText({ caseType, fileName: 'prigovor-1.txt', bytes: bytes(decision), actor: null });
    expect(result.reasons).toEqual([]);
    expect(result.outcome).toBe('accepted');
    expect(result.facts).toMatchObject({ article: { value: '188' }, part: { value: 2 }, offenceCategory: { value: 'medium' }, termMonths: { value: 30 }, decidedOn: { value: '2024-03-15' } });
    const stored = db.prepare('SELECT * FROM corpus_records').all() as { facts: string; court: string; dedup_key: string }[];
    expect(stored).toHaveLength(1);
    expect(JSON.parse(stored[0]!.facts)).toMatchObject({ article: '188', part: 2, priorConvictions: 0, guiltyPlea: true, damageCompensated: 'full' });
    // Nothing identifying is stored: no names, IIN, address or the case number.
    const everything = JSON.stringify(db.prepare('SELECT * FROM corpus_records').all()) + JSON.stringify(db.prepare('SELECT * FROM corpus_imports').all());
    for (const secret of ['Серікбаев', '900312300123', 'Абая', 'Иванов', '1-245/2024']) expect(everything).not.toContain(secret);
    const again = ingest.importText({ caseType, fileName: 'prigovor-1.docx', bytes: docx(decision, dir), actor: null });
    expect(again.outcome).toBe('duplicate');
  });

  it('queues a decision whose facts are unsure, and the clerk\'s corrected facts join the corpus', () => {
    const vague = decision.replace(/п\. 3 ч\. 2 ст\. 188 УК РК/g, 'статьёй 188 УК РК').replace('№ 1-245/2024', '№ 1-246/2024');
    const result = ingest.importText({ caseType, fileName: 'vague.txt', bytes: bytes(vague), actor: null });
    expect(result.outcome).toBe('review');
    const [item] = ingest.pending();
    expect(item).toMatchObject({ id: result.reviewId, fileName: 'vague.txt' });
    expect(item!.text).not.toContain('Серікбаев');
    expect(item!.text).toContain('[ПОДСУДИМЫЙ-1]');
    const span = item!.proposed.article!;
    expect(item!.text.slice(span.start, span.end)).toMatch(/188/);
    expect(() => ingest.decide({ reviewId: item!.id, caseType, decision: 'accepted', facts: { article: '188' }, actor: null })).toThrow(/part|offenceCategory/);
    expect(ingest.decide({ reviewId: item!.id, caseType, decision: 'accepted', facts: { article: '188', part: 2, offenceCategory: 'medium', termMonths: 30, punishment: 'imprisonment' }, actor: null })).toEqual({ stored: true });
    expect(ingest.pending()).toEqual([]);
    expect(() => ingest.decide({ reviewId: item!.id, caseType, decision: 'rejected', actor: null })).toThrow(/already accepted/);
    expect(audit.list({ action: 'corpus.' }).map((e) => e.action)).toEqual(['corpus.text-imported', 'corpus.reviewed']);
  });

  it('refuses a PDF without a text layer and a file that is not text, naming the file', () => {
    expect(() => ingest.importText({ caseType, fileName: 'scan.pdf', bytes: bytes('%PDF-1.4\nnot really'), actor: null })).toThrow(/scan.pdf: /);
    expect(() => ingest.importText({ caseType, fileName: 'x.bin', bytes: new Uint8Array([0xff, 0xfe, 0x00, 0x81]), actor: null })).toThrow(/x.bin: neither a PDF/);
  });

  it('refuses an empty file, blank text and a file whose content is not what its name says, storing nothing', () => {
    const refusal = (fileName: string, content: Uint8Array) => {
      try {
        ingest.importText({ caseType, fileName, bytes: content, actor: null });
      } catch (error) {
        return { message: (error as Error).message, params: (error as { params?: unknown }).params };
      }
      return null;
    };
    expect(refusal('empty.txt', new Uint8Array())).toEqual({ message: expect.stringMatching(/^empty\.txt: /), params: expect.objectContaining({ reasonCode: 'empty-file' }) });
    expect(refusal('blank.txt', bytes(' \n\t\n'))).toEqual({ message: expect.stringMatching(/^blank\.txt: /), params: expect.objectContaining({ reasonCode: 'blank-text' }) });
    expect(refusal('notes.pdf', bytes('a note saved under the wrong name'))).toEqual({
      message: expect.stringMatching(/^notes\.pdf: /),
      params: expect.objectContaining({ reasonCode: 'name-mismatch', extension: 'pdf', expected: 'pdf', detected: 'unknown' }),
    });
    expect(refusal('decision.docx', bytes(decision))).toEqual({ message: expect.stringMatching(/^decision\.docx: /), params: expect.objectContaining({ reasonCode: 'not-docx' }) });
    expect(refusal('huge.txt', new Uint8Array(maxDecisionBytes + 1))).toEqual({
      message: expect.stringMatching(/^huge\.txt: the file is 67108865 bytes/),
      params: expect.objectContaining({ reasonCode: 'too-large', size: maxDecisionBytes + 1, limit: maxDecisionBytes }),
    });
    expect(db.prepare('SELECT COUNT(*) AS n FROM corpus_imports').get()).toEqual({ n: 0 });
    expect(ingest.pending()).toEqual([]);
  });

  it('reads every document a civil decision names into the checklist, not one item as a string', () => {
    const civil = findCaseType(loadCaseTypes(), 'kz-civil-contract');
    const text = [
      'РЕШЕНИЕ ИМЕНЕМ РЕСПУБЛИКИ КАЗАХСТАН',
      'Специализированный межрайонный экономический суд города Алматы, 12 марта 2025 года, дело № 2-555/2025.',
      'Истец просит взыскать основной долг 2 400 000 тенге и неустойку 600 000 тенге, всего 3 000 000 тенге.',
      'В подтверждение представлены договор поставки, счет-фактура и акт приема-передачи.',
    ].join('\n');
    const result = ingest.importText({ caseType: civil, fileName: 'reshenie.txt', bytes: bytes(text), actor: null });
    expect(result.facts.documents?.value).toEqual(['contract', 'invoice', 'acceptance-act']);
    expect(result.facts.claimAmountKzt?.value).toBe(3_000_000);
    expect(result.reasons.join(' ')).not.toMatch(/documents/);
  });
});
