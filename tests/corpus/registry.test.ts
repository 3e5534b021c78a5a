import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../main/db/database.ts';
import { AuditLog } from '../../main/services/audit/audit-log.ts';
import { CorpusStore } from '../../main/services/corpus/ingest.ts';
import { ModelRegistry, type RegisteredModel } from '../../main/services/corpus/registry.ts';
import { readPrecedentCorpus } from '../../main/services/decision/precedents.ts';
import { StatutoryBoundsService } from '../../main/services/decision/statutory-bounds.ts';
import { findCaseType, loadCaseTypes } from '../../models/cases/case-type.ts';
import { seededRandom } from '../../models/ebm/random.ts';
import { syntheticCorpusCsv } from '../../scripts/synthetic/corpus-file.ts';
import { tempDir } from '../helpers/workstation.ts';
import { corpusStores } from '../helpers/corpus-stores.ts';

const caseType = findCaseType(loadCaseTypes(), 'kz-criminal');
const statutes = StatutoryBoundsService.open(null);
const admin = { userId: 'u-admin', username: 'admin', role: 'administrator' as const };

/** A generated file whose training-period terms are scrambled (the latest period, 2024 on, left true). */
function corrupted(n: number, seed: number): string {
  const random = seededRandom(seed);
  const lines = syntheticCorpusCsv(statutes, n, seed, 0.5).csv.split('\n');
  const header = lines[0]!.split(',');
  const term = header.indexOf('termMonths');
  const decided = header.indexOf('decidedOn');
  return lines
    .map((line, i) => {
      if (i === 0 || line === '') return line;
      const cells = line.split(',');
      // Only well-formed rows whose court is quoted once: the court column is the first, quoted.
      if (cells.length !== header.length || cells[term] === '' || (cells[decided] ?? '') >= '2024-01-01') return line;
      cells[term] = String(1 + Math.floor(random() * 120));
      return cells.join(',');
    })
    .join('\n');
}

describe('model registry and the promotion gate', () => {
  let db: Db;
  let dir: string;
  let cleanup: () => void;
  let corpus: CorpusStore;
  let registry: ModelRegistry;
  let audit: AuditLog;
  const bytes = (text: string) => new TextEncoder().encode(text);
  let first: RegisteredModel | undefined;
  let second: RegisteredModel | undefined;

  beforeAll(() => {
    ({ dir, cleanup } = tempDir());
    const stores = corpusStores();
    ({ db, audit, corpus } = stores);
    registry = new ModelRegistry(db, stores.clock, audit, corpus, join(dir, 'models'), join(dir, 'registry'));
  });
  afterAll(() => {
    db.close();
    cleanup();
  });

  it('registers a first retrain as a candidate that passes (nothing active) and promotes it with a reason', () => {
    corpus.importFile({ caseType, fileName: 'a.csv', bytes: bytes(syntheticCorpusCsv(statutes, 2500, 21).csv), actor: admin });
    [first] = registry.retrain(caseType, admin, { outcome: 'term-months', seed: 1 });
    expect(first).toMatchObject({ status: 'candidate', origin: 'retrained', caseType: 'kz-criminal', caseTypeVersion: caseType.version, outcome: 'term-months', dataRecords: expect.any(Number) });
    expect(first!.gate).toMatchObject({ passed: true, comparedWith: null });
    expect(first!.dataSnapshotSha256).toMatch(/^[0-9a-f]{64}$/);
    // Its training cases (those the outcome applies to: prison terms) go with it, each named by its court and date
    // (the corpus keeps no case number).
    const precedents = readPrecedentCorpus(join(dir, 'registry', first!.sha256));
    expect(precedents?.cases.length).toBeGreaterThan(first!.dataRecords! / 4);
    expect(precedents!.cases.length).toBeLessThanOrEqual(first!.dataRecords!);
    const court = precedents!.cases[0]!.caseRef;
    expect(court).toMatch(/, \d{4}-\d{2}-\d{2}$/);
    expect(court).not.toMatch(/line-/);
    expect(() => registry.promote(first!.sha256, '', admin)).toThrow(/reason/);
    expect(registry.promote(first!.sha256, 'first model on the court corpus', admin)).toMatchObject({ status: 'active' });
    expect(readdirSync(join(dir, 'models'))).toEqual([`kz-criminal-term-months-${first!.sha256.slice(0, 12)}`]);
  }, 240_000);

  it('promotes a retrain on more good cases, and a rollback restores the previous active model', () => {
    corpus.importFile({ caseType, fileName: 'b.csv', bytes: bytes(syntheticCorpusCsv(statutes, 2500, 22).csv), actor: admin });
    [second] = registry.retrain(caseType, admin, { outcome: 'term-months', seed: 1 });
    expect(second!.gate).toMatchObject({ comparedWith: first!.sha256 });
    expect(second!.gate!.reasons).toEqual([]);
    registry.promote(second!.sha256, 'more cases', admin);
    expect(registry.get(first!.sha256).status).toBe('retired');
    const restored = registry.rollback('kz-criminal', 'term-months', 'judges reported odd terms', admin);
    expect(restored.sha256).toBe(first!.sha256);
    expect(registry.get(first!.sha256)).toMatchObject({ status: 'active', statusReason: 'judges reported odd terms' });
    expect(registry.get(second!.sha256).status).toBe('retired');
    expect(readdirSync(join(dir, 'models'))).toEqual([`kz-criminal-term-months-${first!.sha256.slice(0, 12)}`]);
    expect(existsSync(join(dir, 'registry', second!.sha256))).toBe(true);
  }, 240_000);

  it('does not promote a retrain on a corrupted corpus, and says why; all of it is in the audit log', () => {
    corpus.importFile({ caseType, fileName: 'corrupted.csv', bytes: bytes(corrupted(6000, 23)), actor: admin });
    const [worse] = registry.retrain(caseType, admin, { outcome: 'term-months', seed: 1 });
    expect(worse!.gate!.passed).toBe(false);
    expect(worse!.gate!.reasons.join(' ')).toMatch(/worse than the active model/);
    expect(worse!.gate!.details.map((d) => d.code)).toContain('gate-mae-worse');
    expect(registry.get(worse!.sha256).gate!.details).toEqual(worse!.gate!.details);
    expect(worse!.status).toBe('candidate');
    expect(() => registry.promote(worse!.sha256, 'try anyway', admin)).toThrow(/did not pass the promotion gate/);
    expect(registry.get(first!.sha256).status).toBe('active');
    const actions = audit.list({ action: 'models.' }).map((e) => e.action);
    expect(actions).toEqual(['models.retrained', 'models.promoted', 'models.retrained', 'models.promoted', 'models.rolled-back', 'models.retrained']);
  }, 240_000);
});

describe('scheduled retraining', () => {
  it('retrains a scheduled case type when due and only when its corpus changed, and keeps the schedule in the audit log', () => {
    const { dir, cleanup } = tempDir();
    const { db, clock, audit, corpus } = corpusStores();
    try {
      const registry = new ModelRegistry(db, clock, audit, corpus, join(dir, 'models'), join(dir, 'registry'));
      const bytes = (text: string) => new TextEncoder().encode(text);
      corpus.importFile({ caseType, fileName: 'a.csv', bytes: bytes(syntheticCorpusCsv(statutes, 2500, 31).csv), actor: admin });
      expect(registry.retrainIfDue([caseType])).toEqual([]);
      expect(() => registry.setRetrainSchedule(caseType, 400, admin)).toThrow(/whole number of days/);
      expect(registry.setRetrainSchedule(caseType, 7, admin)).toEqual({ 'kz-criminal': 7 });
      const made = registry.retrainIfDue([caseType]);
      expect(made.map((m) => m.outcome).sort()).toEqual(caseType.meta.outcomes.map((o) => o.name).sort());
      expect(made.every((m) => m.status === 'candidate' && m.origin === 'retrained')).toBe(true);
      // Not due yet; then due, but the corpus is the same, so nothing is trained again.
      expect(registry.retrainIfDue([caseType])).toEqual([]);
      clock.advance(8 * 86_400_000);
      expect(registry.retrainIfDue([caseType])).toEqual([]);
      corpus.importFile({ caseType, fileName: 'b.csv', bytes: bytes(syntheticCorpusCsv(statutes, 500, 32).csv), actor: admin });
      expect(registry.retrainIfDue([caseType])).toHaveLength(made.length);
      expect(registry.setRetrainSchedule(caseType, 0, admin)).toEqual({});
      clock.advance(30 * 86_400_000);
      corpus.importFile({ caseType, fileName: 'c.csv', bytes: bytes(syntheticCorpusCsv(statutes, 300, 33).csv), actor: admin });
      expect(registry.retrainIfDue([caseType])).toEqual([]);
      expect(audit.list({ action: 'models.schedule-set' })).toHaveLength(2);
    } finally {
      db.close();
      cleanup();
    }
  }, 240_000);
});
