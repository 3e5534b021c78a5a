import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../main/db/database.ts';
import { AuditLog } from '../../main/services/audit/audit-log.ts';
import { CorpusStore, maxCorpusFileBytes } from '../../main/services/corpus/ingest.ts';
import { StatutoryBoundsService } from '../../main/services/decision/statutory-bounds.ts';
import { findCaseType, loadCaseTypes } from '../../models/cases/case-type.ts';
import { syntheticCorpusCsv } from '../../scripts/synthetic/corpus-file.ts';
import { corpusStores } from '../helpers/corpus-stores.ts';

const caseType = findCaseType(loadCaseTypes(), 'kz-criminal');
const statutes = StatutoryBoundsService.open(null);
const bytes = (text: string) => new TextEncoder().encode(text);

describe('structured corpus import', () => {
  let db: Db;
  let audit: AuditLog;
  let store: CorpusStore;
  beforeEach(() => ({ db, audit, corpus: store } = corpusStores()));
  afterEach(() => db.close());

  it('quarantines each bad row with line, column and reason, stores the rest, and a re-import adds nothing', () => {
    const file = syntheticCorpusCsv(statutes, 1000, 4);
    const report = store.importFile({ caseType, fileName: 'cases.csv', bytes: bytes(file.csv), actor: null });
    expect(report).toMatchObject({ format: 'csv', rows: 1000, accepted: 990, quarantined: 10, duplicates: 0 });
    expect(report.problems.map((p) => p.line)).toEqual(file.malformedLines);
    const byLine = new Map(report.problems.map((p) => [p.line, p]));
    expect(byLine.get(file.malformedLines[0]!)).toMatchObject({ column: 'offenceCategory' });
    expect(byLine.get(file.malformedLines[1]!)).toMatchObject({ column: 'priorConvictions' });
    expect(byLine.get(file.malformedLines[2]!)).toMatchObject({ column: 'court', reason: 'the court is missing' });
    expect(byLine.get(file.malformedLines[3]!)).toMatchObject({ column: null, reason: expect.stringMatching(/fields where the header has/) });
    // Each reason also carries a code and figures that the screens translate; they survive storage.
    expect(byLine.get(file.malformedLines[2]!)).toMatchObject({ code: 'court-missing', params: {} });
    expect(byLine.get(file.malformedLines[3]!)).toMatchObject({ code: 'field-count', params: { expected: expect.any(Number) } });
    expect(report.problems.every((p) => p.code !== 'text')).toBe(true);
    const again = store.importFile({ caseType, fileName: 'cases-copy.csv', bytes: bytes(file.csv), actor: null });
    expect(again).toMatchObject({ accepted: 0, duplicates: 990, quarantined: 10 });
    expect(store.status()).toMatchObject([{ caseType: 'kz-criminal', records: 990, imports: 2 }]);
    expect(store.quarantine(report.id)).toEqual(report.problems.slice(0, 10));
    expect((db.prepare('SELECT COUNT(*) AS n FROM corpus_quarantine').get() as { n: number }).n).toBe(10);
    const entries = audit.list({ action: 'corpus.' });
    expect(entries).toHaveLength(2);
    expect(JSON.parse(new TextDecoder().decode(entries[0]!.bytes))).toMatchObject({ inputs: { file: report.fileSha256 }, details: { accepted: 990, quarantined: 10, duplicates: 0 } });
  });

  it('recognises the same case by court and case number whatever the spacing or case, without storing the number', () => {
    const header = 'court,caseNumber,article,part,offenceCategory';
    const first = `${header}\n"Есильский районный суд",1-77/2024,188,1,minor\n`;
    const second = `${header}\n"есильский  районный суд ",1-77/2024,188,2,medium\n"Есильский районный суд",1-78/2024,188,1,minor\n`;
    store.importFile({ caseType, fileName: 'a.csv', bytes: bytes(first), actor: null });
    const report = store.importFile({ caseType, fileName: 'b.csv', bytes: bytes(second), actor: null });
    expect(report).toMatchObject({ accepted: 1, duplicates: 1 });
    const stored = JSON.stringify(db.prepare('SELECT * FROM corpus_records').all());
    expect(stored).not.toContain('1-77/2024');
  });

  it('reads a spreadsheet’s semicolon CSV with decimal commas and grouped digits, as Russian and Kazakh locales save it', () => {
    const civil = findCaseType(loadCaseTypes(), 'kz-civil-contract');
    const csv = 'court;caseNumber;claimAmountKzt;penaltyClaimedKzt;documents;monthsSinceBreach;satisfaction;awardFraction\n"Суд; г. Астана";2-1/2025;2 400 000,50;600000;contract|invoice;8;partial;0,75\n';
    const report = store.importFile({ caseType: civil, fileName: 'выгрузка.csv', bytes: bytes(csv), actor: null });
    expect(report).toMatchObject({ rows: 1, accepted: 1, quarantined: 0 });
    const [stored] = db.prepare('SELECT facts, court FROM corpus_records').all() as { facts: string; court: string }[];
    expect(stored!.court).toBe('Суд; г. Астана');
    expect(JSON.parse(stored!.facts)).toMatchObject({ claimAmountKzt: 2_400_000.5, penaltyClaimedKzt: 600_000, documents: ['contract', 'invoice'], awardFraction: 0.75 });
  });

  it('reads a decimal comma only in a semicolon file: in a comma file "1,234" is not one and a bit', () => {
    const civil = findCaseType(loadCaseTypes(), 'kz-civil-contract');
    const semicolon = 'court;caseNumber;claimAmountKzt;satisfaction\nСуд;2-2/2025;1234,5;full\n';
    expect(store.importFile({ caseType: civil, fileName: 'a.csv', bytes: bytes(semicolon), actor: null })).toMatchObject({ accepted: 1 });
    const comma = 'court,caseNumber,claimAmountKzt,satisfaction\nСуд,2-3/2025,"1,234",full\nСуд,2-4/2025,2 400 000,full\n';
    const report = store.importFile({ caseType: civil, fileName: 'b.csv', bytes: bytes(comma), actor: null });
    expect(report).toMatchObject({ accepted: 1, quarantined: 1 });
    expect(report.problems).toEqual([expect.objectContaining({ line: 2, column: 'claimAmountKzt' })]);
    const amounts = (db.prepare('SELECT facts FROM corpus_records ORDER BY rowid').all() as { facts: string }[]).map((r) => (JSON.parse(r.facts) as { claimAmountKzt: number }).claimAmountKzt);
    expect(amounts).toEqual([1234.5, 2_400_000]);
  });

  it('refuses a file whose header lacks the court or case number once, naming the file and the columns, storing nothing', () => {
    const attempt = () => store.importFile({ caseType, fileName: 'export.csv', bytes: bytes('article,part,offenceCategory\n188,1,minor\n'), actor: null });
    expect(attempt).toThrow(/^export\.csv: the header has no column court, caseNumber$/);
    try {
      attempt();
    } catch (error) {
      expect((error as { params?: unknown }).params).toMatchObject({ file: 'export.csv', reasonCode: 'missing-columns', columns: 'court, caseNumber' });
    }
    expect(store.status()).toEqual([]);
    expect(audit.list({ action: 'corpus.' })).toEqual([]);
  });

  it('stops a gzip that unpacks past the limit while unpacking, naming the file, storing nothing', () => {
    // 300 gzip members of 1 MiB of zeros each: 315 kB that would unpack to 300 MiB.
    const member = gzipSync(new Uint8Array(1024 * 1024));
    const bomb = new Uint8Array(Buffer.concat(Array.from({ length: 300 }, () => member)));
    const attempt = () => store.importFile({ caseType, fileName: 'cases.csv.gz', bytes: bomb, actor: null });
    expect(attempt).toThrow(/^cases\.csv\.gz: unpacks to more than 268435456 bytes$/);
    try {
      attempt();
    } catch (error) {
      expect((error as { params?: unknown }).params).toMatchObject({ reasonCode: 'unpacks-too-large', limit: maxCorpusFileBytes });
    }
    expect(store.status()).toEqual([]);
  });

  it('reads JSONL, refusing lines that are not objects or carry fields the case type does not have', () => {
    const jsonl = [
      JSON.stringify({ court: 'Суд', caseNumber: '1', article: '188', part: 1, offenceCategory: 'minor' }),
      '{not json',
      JSON.stringify({ court: 'Суд', caseNumber: '2', article: '188', part: 1, offenceCategory: 'minor', defendantName: 'Иванов' }),
      '[1,2]',
    ].join('\n');
    const report = store.importFile({ caseType, fileName: 'cases.jsonl', bytes: bytes(jsonl), actor: null });
    expect(report).toMatchObject({ format: 'jsonl', rows: 4, accepted: 1, quarantined: 3 });
    expect(report.problems.map((p) => p.line)).toEqual([2, 3, 4]);
    expect(report.problems[1]!.reason).toMatch(/defendantName|Unrecognized/);
    expect(report.problems.map((p) => p.code)).toEqual(['not-json', 'facts-unknown-field', 'not-object']);
    expect(report.problems[1]!.params).toEqual({ field: 'defendantName' });
  });
});
