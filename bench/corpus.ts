/**
 * Structured corpus import [issue 15: 100 000 rows ≤ 30 s with 1 % malformed rows quarantined with reasons; a
 * re-import adds nothing]: a generated kz-criminal file imported into a fresh workstation database on disk (WAL,
 * synchronous=FULL as in production), next to the baseline of parsing the same file with csv-parse alone.
 * Options: --rows N (100000).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { openDatabase } from '../main/db/database.ts';
import { AuditLog } from '../main/services/audit/audit-log.ts';
import { systemClock } from '../main/services/clock.ts';
import { CorpusStore } from '../main/services/corpus/ingest.ts';
import { StatutoryBoundsService } from '../main/services/decision/statutory-bounds.ts';
import { findCaseType, loadCaseTypes } from '../models/cases/case-type.ts';
import { syntheticCorpusCsv } from '../scripts/synthetic/corpus-file.ts';
import { numberOption } from './options.ts';
import { seconds } from './measure.ts';

/** Runs the suite. */
export async function run(args: string[]): Promise<void> {
  const rows = numberOption(args, 'rows', 100_000);
  const file = syntheticCorpusCsv(StatutoryBoundsService.open(null), rows, 15);
  const bytes = new TextEncoder().encode(file.csv);
  console.log(`corpus import: ${rows} rows (${(bytes.length / 1e6).toFixed(1)} MB), ${file.malformedLines.length} malformed`);
  let t = process.hrtime.bigint();
  parse(file.csv, { relax_column_count: true });
  console.log(`  baseline, csv-parse alone: ${seconds(t).toFixed(2)} s`);
  const dir = mkdtempSync(join(tmpdir(), 'dalel-bench-corpus-'));
  try {
    const db = openDatabase(join(dir, 'dalel.sqlite'));
    const store = new CorpusStore(db, systemClock, new AuditLog(db, systemClock, 'bench'));
    const caseType = findCaseType(loadCaseTypes(), 'kz-criminal');
    t = process.hrtime.bigint();
    const first = store.importFile({ caseType, fileName: 'bench.csv', bytes, actor: null });
    console.log(`  import: ${seconds(t).toFixed(2)} s [≤ 30 s] — ${first.accepted} accepted, ${first.quarantined} quarantined (expected ${file.malformedLines.length}), ${first.duplicates} duplicates`);
    t = process.hrtime.bigint();
    const again = store.importFile({ caseType, fileName: 'bench.csv', bytes, actor: null });
    console.log(`  re-import: ${seconds(t).toFixed(2)} s — ${again.accepted} accepted, ${again.duplicates} duplicates [adds nothing]`);
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
