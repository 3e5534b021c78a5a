import { copyFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../main/db/database.ts';
import { AuditLog } from '../../main/services/audit/audit-log.ts';
import { maxDecisionBytes } from '../../main/services/corpus/decision-text.ts';
import { CorpusInbox } from '../../main/services/corpus/inbox.ts';
import { DecisionTextIngest } from '../../main/services/corpus/text-ingest.ts';
import { StatutoryBoundsService } from '../../main/services/decision/statutory-bounds.ts';
import { loadCaseTypes } from '../../models/cases/case-type.ts';
import { syntheticCorpusCsv } from '../../scripts/synthetic/corpus-file.ts';
import { ManualClock, tempDir } from '../helpers/workstation.ts';
import { corpusStores } from '../helpers/corpus-stores.ts';

describe('the watched corpus inbox', () => {
  let db: Db;
  let dir: string;
  let cleanup: () => void;
  let clock: ManualClock;
  let inbox: CorpusInbox;
  let audit: AuditLog;
  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
    const stores = corpusStores();
    ({ db, clock, audit } = stores);
    const { corpus } = stores;
    const book = StatutoryBoundsService.open(null).book;
    const texts = new DecisionTextIngest(db, clock, audit, corpus, (a, p) => book.articles[a]?.parts[String(p)]?.category ?? null);
    inbox = new CorpusInbox(db, clock, audit, corpus, texts, loadCaseTypes());
  });
  afterEach(() => {
    db.close();
    cleanup();
  });

  it('imports each file once on the schedule, structured files and decision texts alike, keeping each report', () => {
    expect(inbox.scanIfDue()).toBeNull();
    inbox.configure({ dir, caseType: 'kz-criminal', everyMinutes: 60 }, null);
    writeFileSync(join(dir, 'cases.csv'), syntheticCorpusCsv(StatutoryBoundsService.open(null), 300, 9).csv);
    copyFileSync(new URL('./fixtures/prigovor-1.txt', import.meta.url), join(dir, 'prigovor-1.txt'));
    writeFileSync(join(dir, 'notes.bin'), 'ignored: not a corpus file');
    writeFileSync(join(dir, 'broken.txt'), new Uint8Array([0xff, 0xfe, 0x81]));
    const first = inbox.scanIfDue()!;
    expect(first.map((r) => [r.fileName, r.outcome])).toEqual([
      ['broken.txt', 'refused'],
      ['cases.csv', '297 accepted, 3 quarantined, 0 duplicates'],
      ['prigovor-1.txt', 'accepted'],
    ]);
    expect(first[0]!.error).toMatch(/broken.txt: neither a PDF/);
    const kept = inbox.files();
    expect(kept.map((f) => [f.fileName, f.format, f.accepted, f.quarantined, f.duplicates, f.inReview, f.errorCode]).sort()).toEqual([
      ['broken.txt', null, 0, 0, 0, 0, 'not-utf8'],
      ['cases.csv', 'csv', 297, 3, 0, 0, null],
      ['prigovor-1.txt', 'text', 1, 0, 0, 0, null],
    ]);
    expect(kept.find((f) => f.fileName === 'broken.txt')!.error).toMatch(/broken.txt: neither a PDF/);
    expect(inbox.scanIfDue()).toBeNull();
    clock.advance(61 * 60_000);
    expect(inbox.scanIfDue()).toEqual([]);
    copyFileSync(join(dir, 'cases.csv'), join(dir, 'cases-again.csv'));
    expect(inbox.scan(null)).toEqual([]);
    expect(audit.list({ action: 'corpus.inbox' }).map((e) => e.action)).toEqual(['corpus.inbox-configured', 'corpus.inbox-scanned', 'corpus.inbox-scanned', 'corpus.inbox-scanned']);
    expect(() => inbox.configure({ dir: join(dir, 'none'), caseType: 'kz-criminal', everyMinutes: 5 }, null)).toThrow(/not a folder/);
  });

  it('refuses a file past the import limit without reading it whole, keeps its figures, and reads it no more', () => {
    inbox.configure({ dir, caseType: 'kz-criminal', everyMinutes: 0 }, null);
    // A sparse file: its size is past the decision-text limit, its blocks cost nothing.
    const huge = join(dir, 'huge.txt');
    writeFileSync(huge, '');
    truncateSync(huge, maxDecisionBytes + 1);
    const [result] = inbox.scan(null);
    expect(result).toMatchObject({ fileName: 'huge.txt', outcome: 'refused', error: `huge.txt: the file is ${maxDecisionBytes + 1} bytes, larger than the limit of ${maxDecisionBytes} bytes` });
    expect(inbox.files()[0]).toMatchObject({ errorCode: 'too-large', errorParams: { file: 'huge.txt', reasonCode: 'too-large', size: maxDecisionBytes + 1, limit: maxDecisionBytes } });
    expect(inbox.scan(null)).toEqual([]);
  });
});
