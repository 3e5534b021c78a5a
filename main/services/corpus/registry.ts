/**
 * The model registry and retraining behind a promotion gate. A retrain trains a case type's model on the corpus
 * (through the existing trainer, models/ebm/train-case-type.ts) and registers it as a candidate with its hash, the
 * training data's snapshot hash, the case-type version and its card. The gate compares it with the active model
 * on the same latest period (the trainer's held-out, most recent cases): it passes only if it is not worse than the
 * active model beyond a stated tolerance, its 80 % interval coverage is within bounds overall and in every group
 * of the disparity report, and its card is complete. An administrator promotes a passing candidate, or rolls back
 * to the model active before, each with a reason; each step is an audit entry. The active model is the one
 * installed under <dataDir>/models, where consultations find it; every registered model's files stay under
 * <dataDir>/registry.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../db/database.ts';
import type { ModelCard } from '../../contract/index.ts';
import { outcomeOf, type CaseType } from '../../../models/cases/case-type.ts';
import { evaluateModel } from '../../../models/ebm/evaluate.ts';
import { trainingLawfulRanges } from '../decision/lawful-ranges.ts';
import type { StatutoryBoundsService } from '../decision/statutory-bounds.ts';
import { trainCaseType, type CaseTypeTraining } from '../../../models/ebm/train-case-type.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { isoAt, type Clock } from '../clock.ts';
import { listModelFolders, readModelFolder, writeModelFolder } from '../decision/model-store.ts';
import { precedentCorpus } from '../decision/precedents.ts';
import { DalelError } from '../errors.ts';
import type { Actor } from '../sessions.ts';
import type { CorpusStore } from './ingest.ts';
import { readReason, reason, reasonText, type Reason } from './reasons.ts';

/** The gate's bounds: a candidate may be at most this much worse than the active model on the latest period. */
export const promotionPolicy = {
  /** Regression: mean absolute error at most 5 % above the active model's. */
  maeTolerance: 0.05,
  /** Classification: accuracy at most 1 point below the active model's. */
  accuracyTolerance: 0.01,
  /**
   * 80 % interval coverage, overall and in each group of the disparity report with at least `minGroupCases` test
   * cases: within 3 standard errors of 80 % for the number of cases (sampling alone moves it that much), and never
   * held tighter than ±5 points.
   */
  nominalCoverage: 0.8,
  coverageStandardErrors: 3,
  minCoverageSlack: 0.05,
  minGroupCases: 30,
  /** Cases the corpus must hold before a retrain. */
  minCases: 200,
} as const;

/** The gate's verdict on a candidate, with each reason it failed and the figures compared. */
export interface GateResult {
  readonly passed: boolean;
  readonly reasons: string[];
  /** The same reasons as codes with their figures (the screens translate them). */
  readonly details: Reason[];
  readonly comparedWith: string | null;
  readonly candidate: Record<string, number>;
  readonly active: Record<string, number> | null;
}

/** A registered model as listed. */
export interface RegisteredModel {
  readonly sha256: string;
  readonly caseType: string;
  readonly caseTypeVersion: string;
  readonly outcome: string;
  readonly status: 'candidate' | 'active' | 'retired';
  readonly statusReason: string;
  readonly statusAt: string;
  readonly trainedAt: string;
  readonly dataSnapshotSha256: string | null;
  readonly dataRecords: number | null;
  readonly origin: 'retrained' | 'installed';
  readonly gate: GateResult | null;
}

interface RegistryRow {
  sha256: string;
  case_type: string;
  case_type_version: string;
  outcome: string;
  data_snapshot_sha256: string | null;
  data_records: number | null;
  card: string;
  trained_at: string;
  gate: string | null;
  origin: 'retrained' | 'installed';
  status: 'candidate' | 'active' | 'retired';
  reason: string;
  at: string;
}

const cell = (v: unknown) => {
  if (v === null || v === undefined) return '';
  const text = Array.isArray(v) ? v.join(';') : String(v);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** A check of an observed coverage on `cases` test cases: the problem in words, or null when within bounds. */
function coverageBounds(cases: number): (coverage: number) => Record<string, string | number> | null {
  const p = promotionPolicy.nominalCoverage;
  const slack = Math.max(promotionPolicy.minCoverageSlack, promotionPolicy.coverageStandardErrors * Math.sqrt((p * (1 - p)) / Math.max(cases, 1)));
  const [lo, hi] = [p - slack, p + slack];
  const pct = (v: number) => (v * 100).toFixed(1);
  return (coverage) => (coverage < lo || coverage > hi ? { coverage: pct(coverage), low: pct(lo), high: pct(hi), cases } : null);
}

/** A stored verdict; one stored before reasons had codes gets them as plain sentences. */
function storedGate(json: string): GateResult {
  const gate = JSON.parse(json) as Omit<GateResult, 'details'> & { details?: unknown[] };
  return { ...gate, details: (gate.details ?? gate.reasons).map(readReason) };
}

/** Figures the gate compares, from a validation block. */
function figures(validation: ModelCard['validation']): Record<string, number> {
  if (validation.regression) return { meanAbsoluteError: validation.regression.meanAbsoluteError, coverage80: validation.regression.intervals.coverage80 };
  if (validation.classification) return { accuracy: validation.classification.accuracy };
  return {};
}

/** The registry over a workstation's database and data folder. */
export class ModelRegistry {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly corpus: CorpusStore,
    private readonly modelsDir: string,
    private readonly registryDir: string,
    /** The statutes data, so a retrained term model's card judges its answers as consultations will. */
    private readonly statutes: StatutoryBoundsService | null = null,
  ) {}

  /** Every registered model with its current status, newest first. */
  list(caseType?: string): RegisteredModel[] {
    this.adoptInstalled();
    const rows = this.db
      .prepare(
        `SELECT r.*, s.status, s.reason, s.at FROM model_registry r
           JOIN model_status s ON s.id = (SELECT MAX(id) FROM model_status WHERE sha256 = r.sha256)
          ${caseType ? 'WHERE r.case_type = ?' : ''} ORDER BY r.registered_at DESC, r.rowid DESC`,
      )
      .all(...(caseType ? [caseType] : [])) as RegistryRow[];
    return rows.map((r) => ({
      sha256: r.sha256,
      caseType: r.case_type,
      caseTypeVersion: r.case_type_version,
      outcome: r.outcome,
      status: r.status,
      statusReason: r.reason,
      statusAt: r.at,
      trainedAt: r.trained_at,
      dataSnapshotSha256: r.data_snapshot_sha256,
      dataRecords: r.data_records,
      origin: r.origin,
      gate: r.gate ? storedGate(r.gate) : null,
    }));
  }

  /** Retrains a case type's model(s) on the corpus; each becomes a candidate with the gate's verdict. */
  retrain(caseType: CaseType, actor: Actor | null, options: { outcome?: string; seed?: number } = {}): RegisteredModel[] {
    this.adoptInstalled();
    const snapshot = this.corpus.snapshotSha256(caseType.id);
    if (snapshot.records < promotionPolicy.minCases) {
      throw new DalelError('CONFLICT', `The ${caseType.id} corpus holds ${snapshot.records} cases; a retrain needs at least ${promotionPolicy.minCases}.`);
    }
    const outcomes = options.outcome ? [outcomeOf(caseType, options.outcome)] : caseType.meta.outcomes;
    const work = mkdtempSync(join(tmpdir(), 'dalel-retrain-'));
    try {
      const file = join(work, `${caseType.id}-corpus.csv`);
      const columns = caseType.fields.map((f) => f.name);
      const records = this.corpus.records(caseType.id);
      const lines = [columns.join(','), ...records.map((r) => columns.map((c) => cell(r.facts[c])).join(','))];
      writeFileSync(file, `${lines.join('\n')}\n`);
      // A precedent is named by its court and date: the corpus keeps no case number (only a keyed hash of it). Line n
      // of the file is record n − 2 only while no cell spans lines; otherwise precedents keep their line numbers.
      const oneLineEach = lines.every((line) => !line.includes('\n'));
      const refOf = (line: number) => {
        const record = oneLineEach ? records[line - 2] : undefined;
        return record ? [record.court, record.decidedOn].filter((part) => part).join(', ') || undefined : undefined;
      };
      return outcomes.map((outcome) => {
        const trained = trainCaseType({ caseType, file, outcome: outcome.name, options: options.seed !== undefined ? { seed: options.seed } : {}, lawfulRanges: trainingLawfulRanges(caseType, this.statutes) });
        return this.registerCandidate(caseType, trained, snapshot, actor, refOf);
      });
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }

  private registerCandidate(caseType: CaseType, trained: CaseTypeTraining, snapshot: { sha256: string; records: number }, actor: Actor | null, refOf?: (line: number) => string | undefined): RegisteredModel {
    const at = isoAt(this.clock.now());
    const dir = join(this.registryDir, trained.sha256);
    if (!existsSync(dir)) writeModelFolder(dir, trained.model, trained.onnx, trained.card, precedentCorpus(caseType, trained.data, refOf));
    const gate = this.gate(caseType, trained);
    const known = this.db.prepare('SELECT 1 FROM model_registry WHERE sha256 = ?').get(trained.sha256);
    this.db.transaction(() => {
      if (!known) {
        this.db
          .prepare(
            "INSERT INTO model_registry (sha256, case_type, case_type_version, outcome, data_snapshot_sha256, data_records, card, trained_at, gate, origin, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'retrained', ?)",
          )
          .run(trained.sha256, caseType.id, caseType.version, trained.card.outcome.name, snapshot.sha256, snapshot.records, JSON.stringify(trained.card), trained.card.createdAt, JSON.stringify(gate), at);
        this.setStatus(trained.sha256, 'candidate', gate.passed ? 'passed the promotion gate' : `not promotable: ${gate.reasons.join('; ')}`, actor, at);
      }
      this.audit.append({
        action: 'models.retrained',
        actor,
        inputs: { corpus: snapshot.sha256 },
        outputs: { model: trained.sha256 },
        algorithm: { name: 'dalel-ebm', version: trained.card.format, modelSha256: trained.sha256 },
        details: { caseType: caseType.id, caseTypeVersion: caseType.version, outcome: trained.card.outcome.name, records: snapshot.records, gatePassed: gate.passed, reasons: gate.reasons, comparedWith: gate.comparedWith },
      });
    })();
    return this.list(caseType.id).find((m) => m.sha256 === trained.sha256)!;
  }

  /** The promotion gate: not worse than the active model on the latest period, coverage in bounds, a complete card. */
  gate(caseType: CaseType, trained: CaseTypeTraining): GateResult {
    const details: Reason[] = [];
    const card = trained.card;
    const candidate = figures(card.validation);
    const regression = card.validation.regression;
    if (regression) {
      const outside = coverageBounds(trained.test.length);
      const overall = outside(regression.intervals.coverage80);
      if (overall) details.push(reason('gate-coverage', overall));
      for (const attribute of card.disparity ?? []) {
        for (const group of attribute.groups) {
          if (group.cases < promotionPolicy.minGroupCases || group.coverage80 === undefined) continue;
          const problem = coverageBounds(group.cases)(group.coverage80);
          if (problem) details.push(reason('gate-group-coverage', { attribute: attribute.attribute, group: group.value, ...problem }));
        }
      }
    }
    const missing = [
      ['intended use', card.intendedUse],
      ['limitations', card.limitations.length > 0],
      ['data hash', card.data.sha256],
      ['validation', regression ?? card.validation.classification],
      ['period', card.data.period],
    ].filter(([, v]) => !v).map(([name]) => name);
    if (missing.length) details.push(reason('gate-card-incomplete', { missing: missing.join(', ') }));
    const active = this.activeModel(caseType.id, card.outcome.name);
    let activeFigures: Record<string, number> | null = null;
    if (active) {
      const folder = readModelFolder(active.dir);
      // The active model on the candidate's held-out cases: the same, latest period for both.
      const evaluation = evaluateModel(folder.model, caseType, trained.train, trained.test);
      activeFigures = figures({ ...card.validation, ...evaluation.validation } as ModelCard['validation']);
      if (regression && activeFigures.meanAbsoluteError !== undefined) {
        const limit = activeFigures.meanAbsoluteError * (1 + promotionPolicy.maeTolerance);
        if (regression.meanAbsoluteError > limit) {
          details.push(reason('gate-mae-worse', { candidate: regression.meanAbsoluteError.toFixed(2), active: activeFigures.meanAbsoluteError.toFixed(2), tolerance: promotionPolicy.maeTolerance * 100 }));
        }
      }
      const classification = card.validation.classification;
      if (classification && activeFigures.accuracy !== undefined && classification.accuracy < activeFigures.accuracy - promotionPolicy.accuracyTolerance) {
        details.push(reason('gate-accuracy-worse', { candidate: (classification.accuracy * 100).toFixed(1), active: (activeFigures.accuracy * 100).toFixed(1), tolerance: promotionPolicy.accuracyTolerance * 100 }));
      }
    }
    return { passed: details.length === 0, reasons: details.map(reasonText), details, comparedWith: active?.sha256 ?? null, candidate, active: activeFigures };
  }

  /** Promotes a candidate that passed the gate: it is installed and the active model of its outcome retired. */
  promote(sha256: string, reason: string, actor: Actor | null): RegisteredModel {
    const model = this.get(sha256);
    if (model.status !== 'candidate') throw new DalelError('CONFLICT', `Model ${sha256.slice(0, 12)}… is ${model.status}, not a candidate.`);
    if (!model.gate?.passed) throw new DalelError('CONFLICT', `Model ${sha256.slice(0, 12)}… did not pass the promotion gate: ${model.gate?.reasons.join('; ') ?? 'no verdict'}.`);
    return this.activate(model, reason, actor, 'models.promoted');
  }

  /** Rolls back: the active model of a case type's outcome is retired and the one active before it restored. */
  rollback(caseType: string, outcome: string, reason: string, actor: Actor | null): RegisteredModel {
    const current = this.activeModel(caseType, outcome);
    if (!current) throw new DalelError('CONFLICT', `No ${caseType} ${outcome} model is active.`);
    const previous = this.db
      .prepare(
        `SELECT s.sha256 FROM model_status s JOIN model_registry r ON r.sha256 = s.sha256
          WHERE r.case_type = ? AND r.outcome = ? AND s.status = 'active' AND s.sha256 <> ? ORDER BY s.id DESC LIMIT 1`,
      )
      .get(caseType, outcome, current.sha256) as { sha256: string } | undefined;
    if (!previous) throw new DalelError('CONFLICT', `No earlier ${caseType} ${outcome} model to roll back to.`);
    return this.activate(this.get(previous.sha256), reason, actor, 'models.rolled-back');
  }

  private activate(model: RegisteredModel, reason: string, actor: Actor | null, action: 'models.promoted' | 'models.rolled-back'): RegisteredModel {
    if (reason.trim() === '') throw new DalelError('VALIDATION', 'Give a reason.');
    const current = this.activeModel(model.caseType, model.outcome);
    const at = isoAt(this.clock.now());
    const source = join(this.registryDir, model.sha256);
    if (!existsSync(source)) throw new DalelError('NOT_FOUND', `The files of model ${model.sha256.slice(0, 12)}… are missing from ${this.registryDir}.`);
    const target = join(this.modelsDir, `${model.caseType}-${model.outcome}-${model.sha256.slice(0, 12)}`);
    mkdirSync(this.modelsDir, { recursive: true });
    cpSync(source, `${target}.partial`, { recursive: true });
    rmSync(target, { recursive: true, force: true });
    cpSync(`${target}.partial`, target, { recursive: true });
    rmSync(`${target}.partial`, { recursive: true, force: true });
    if (current) rmSync(current.dir, { recursive: true, force: true });
    this.db.transaction(() => {
      if (current) this.setStatus(current.sha256, 'retired', `${action === 'models.promoted' ? 'replaced' : 'rolled back'}: ${reason}`, actor, at);
      this.setStatus(model.sha256, 'active', reason, actor, at);
      this.audit.append({
        action,
        actor,
        outputs: { model: model.sha256 },
        details: { caseType: model.caseType, outcome: model.outcome, reason, replaced: current?.sha256 ?? null },
      });
    })();
    return this.get(model.sha256);
  }

  /** How often each case type's models are retrained on the corpus, in days (a case type not named: only when asked). */
  retrainSchedule(): Record<string, number> {
    const row = this.db.prepare("SELECT value FROM workstation WHERE key = 'model-retrain-schedule'").get() as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as Record<string, number>) : {};
  }

  /** Sets how often a case type is retrained (0 days: only when asked); an administrator's decision, audit-logged. */
  setRetrainSchedule(caseType: CaseType, everyDays: number, actor: Actor | null): Record<string, number> {
    if (!Number.isInteger(everyDays) || everyDays < 0 || everyDays > 365) throw new DalelError('VALIDATION', 'The retraining schedule is a whole number of days from 0 (only when asked) to 365.', { field: 'everyDays' });
    const schedule = { ...this.retrainSchedule(), [caseType.id]: everyDays };
    if (everyDays === 0) delete schedule[caseType.id];
    this.db.prepare("INSERT INTO workstation (key, value) VALUES ('model-retrain-schedule', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(JSON.stringify(schedule));
    this.audit.append({ action: 'models.schedule-set', actor, details: { caseType: caseType.id, everyDays } });
    return schedule;
  }

  /**
   * Retrains each scheduled case type whose last retrain is older than its schedule (the app's timer calls this);
   * a corpus unchanged since the last candidate, or too small, is left alone until it changes or grows.
   */
  retrainIfDue(caseTypes: readonly CaseType[]): RegisteredModel[] {
    const now = this.clock.now();
    const made: RegisteredModel[] = [];
    for (const [id, everyDays] of Object.entries(this.retrainSchedule())) {
      const caseType = caseTypes.find((c) => c.id === id);
      if (!caseType || everyDays <= 0) continue;
      const attempts = this.retrainAttempts();
      const last = this.db.prepare("SELECT data_snapshot_sha256 AS snapshot FROM model_registry WHERE case_type = ? AND origin = 'retrained' ORDER BY registered_at DESC, rowid DESC LIMIT 1").get(id) as { snapshot: string | null } | undefined;
      const lastAttempt = attempts[id];
      if (lastAttempt !== undefined && now - Date.parse(lastAttempt) < everyDays * 86_400_000) continue;
      const snapshot = this.corpus.snapshotSha256(id);
      if (snapshot.records < promotionPolicy.minCases || snapshot.sha256 === last?.snapshot) continue;
      // The attempt is kept before training, so a retrain that fails waits for the next due time, not the next minute.
      this.db.prepare("INSERT INTO workstation (key, value) VALUES ('model-retrain-attempts', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(JSON.stringify({ ...attempts, [id]: isoAt(now) }));
      try {
        made.push(...this.retrain(caseType, null));
      } catch (error) {
        // One case type's failure must not hold back the others; the next due time tries it again.
        console.error(`[dalel] scheduled retraining of ${id} failed:`, error);
      }
    }
    return made;
  }

  private retrainAttempts(): Record<string, string> {
    const row = this.db.prepare("SELECT value FROM workstation WHERE key = 'model-retrain-attempts'").get() as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as Record<string, string>) : {};
  }

  /** One registered model. */
  get(sha256: string): RegisteredModel {
    const found = this.list().find((m) => m.sha256 === sha256 || (sha256.length >= 8 && m.sha256.startsWith(sha256)));
    if (!found) throw new DalelError('NOT_FOUND', `No registered model ${sha256.slice(0, 12)}…`);
    return found;
  }

  /** The installed (active) model of a case type's outcome, if any. */
  private activeModel(caseType: string, outcome: string): { sha256: string; dir: string } | null {
    for (const entry of listModelFolders(this.modelsDir)) {
      if ('folder' in entry && entry.folder.model.caseType.id === caseType && entry.folder.model.outcome.name === outcome) return { sha256: entry.folder.sha256, dir: entry.folder.dir };
    }
    return null;
  }

  /** Installed models the registry has not seen (shipped demos, copied folders) are registered as active. */
  private adoptInstalled(): void {
    const at = isoAt(this.clock.now());
    for (const entry of listModelFolders(this.modelsDir)) {
      if (!('folder' in entry)) continue;
      const { folder } = entry;
      if (this.db.prepare('SELECT 1 FROM model_registry WHERE sha256 = ?').get(folder.sha256)) continue;
      const keep = join(this.registryDir, folder.sha256);
      if (!existsSync(keep)) cpSync(folder.dir, keep, { recursive: true });
      this.db.transaction(() => {
        this.db
          .prepare(
            "INSERT INTO model_registry (sha256, case_type, case_type_version, outcome, data_snapshot_sha256, data_records, card, trained_at, gate, origin, registered_at) VALUES (?, ?, ?, ?, NULL, ?, ?, ?, NULL, 'installed', ?)",
          )
          .run(folder.sha256, folder.model.caseType.id, folder.model.caseType.version, folder.model.outcome.name, folder.card.data.cases, JSON.stringify(folder.card), folder.card.createdAt, at);
        this.setStatus(folder.sha256, 'active', 'found installed', null, at);
      })();
    }
  }

  private setStatus(sha256: string, status: RegisteredModel['status'], reason: string, actor: Actor | null, at: string): void {
    this.db.prepare('INSERT INTO model_status (sha256, status, reason, actor, at) VALUES (?, ?, ?, ?, ?)').run(sha256, status, reason, actor?.username ?? null, at);
  }
}
