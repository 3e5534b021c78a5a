/**
 * Analysis runs of any forensic module: an expert starts a method on evidence of a case; the method checks its domain
 * and builds the job; the job runs off the main thread with progress and cancel; the method turns its output into the
 * full result (content store), findings (findings store) and an audit summary; every step is audit-logged (start,
 * then finish, failure or cancel, with input hashes, parameters, algorithm and result hash). Nothing here knows which
 * modules exist: it asks the registry.
 */
import { randomUUID } from 'node:crypto';
import type { AnalysisRun, EventOf, ModuleResult, ParsedRequestOf } from '../../contract/index.ts';
import { AnalysisRunSchema } from '../../contract/index.ts';
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { CaseService } from '../cases.ts';
import { isoAt, type Clock } from '../clock.ts';
import { badInput, DalelError } from '../errors.ts';
import type { EvidenceService } from '../evidence.ts';
import type { FindingSink } from '../findings/finding-draft.ts';
import type { MethodInput } from '../forensics/module.ts';
import type { AnalysisJob, ForensicRegistry } from '../forensics/registry.ts';
import type { EvidenceStore } from '../intake/evidence-store.ts';
import { sha256Hex } from '../intake/evidence-store.ts';
import type { Actor } from '../sessions.ts';
import type { AnalysisRunner, RunningJob } from './analysis-runner.ts';
import { auditSafe } from './audit-values.ts';

/** An 'analysis.progress' event. */
export type AnalysisProgressEvent = EventOf<'analysis.progress'>;

/** What the analysis service needs. */
export interface AnalysisServiceDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly store: EvidenceStore;
  readonly cases: CaseService;
  readonly evidence: EvidenceService;
  readonly audit: AuditLog;
  readonly sink: FindingSink;
  readonly runner: AnalysisRunner;
  /** The modules whose methods can be started. */
  readonly registry: ForensicRegistry;
  /** Refuses work on a case that is signed (or otherwise frozen), before anything is queued. */
  readonly reviews: { requireEditable(caseId: string, what: string): unknown };
  /** Told of each run's progress, with the client that started it (transports push it as 'analysis.progress'). */
  readonly onProgress?: (clientKey: string, event: AnalysisProgressEvent) => void;
  /** Runs at once; more wait as 'queued' (each run takes a CPU core). */
  readonly maxConcurrent?: number;
}

interface RunRow {
  id: string;
  case_id: string;
  module: string;
  evidence_ids: string;
  parameters: string;
  state: AnalysisRun['state'];
  progress: number;
  error_code: string | null;
  error_message: string | null;
  error_params: string | null;
  started_by_name: string;
  started_at: string;
  finished_at: string | null;
  result_sha256: string | null;
  finding_ids: string;
}

/** Why a run ended without a result, as stored with it and in its audit entry. */
type RunError = NonNullable<AnalysisRun['error']>;

const selectRun = `SELECT r.*, u.username AS started_by_name FROM analysis_runs r JOIN users u ON u.id = r.started_by`;

function toRun(row: RunRow): AnalysisRun {
  return AnalysisRunSchema.parse({
    id: row.id,
    caseId: row.case_id,
    module: row.module,
    evidenceIds: JSON.parse(row.evidence_ids),
    parameters: JSON.parse(row.parameters),
    state: row.state,
    progress: row.progress,
    error: row.error_code ? { code: row.error_code, message: row.error_message ?? '', ...(row.error_params ? { params: JSON.parse(row.error_params) as unknown } : {}) } : null,
    startedBy: row.started_by_name,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    findingIds: JSON.parse(row.finding_ids),
    resultSha256: row.result_sha256,
  });
}

interface Pending {
  readonly runId: string;
  readonly caseId: string;
  readonly clientKey: string;
  readonly actor: Actor;
  readonly job: AnalysisJob;
  /** The method id (the run's `module`). */
  readonly method: string;
  readonly inputs: readonly MethodInput[];
  running: RunningJob | null;
  lastProgress: number;
  readonly settled: Promise<void>;
  resolveSettled(): void;
}

const terminal = new Set<AnalysisRun['state']>(['done', 'failed', 'cancelled']);

/** Starts, follows, cancels and lists analysis runs. */
export class AnalysisService {
  private readonly pending = new Map<string, Pending>();
  private readonly queue: Pending[] = [];
  private active = 0;
  private closed = false;

  constructor(private readonly deps: AnalysisServiceDeps) {
    this.failInterrupted();
  }

  /**
   * Refuses up front what cannot run (a signed case, an unknown method, the wrong number of items, items of another
   * case, evidence outside the method's domain), then records the run and queues it.
   */
  start(request: ParsedRequestOf<'analysis.start'>, actor: Actor, clientKey: string): AnalysisRun {
    const { db, evidence, clock, audit, registry } = this.deps;
    this.deps.cases.get(request.caseId);
    this.deps.reviews.requireEditable(request.caseId, 'start an analysis');
    const { method, module } = registry.method(request.module);
    const n = request.evidenceIds.length;
    if (n < method.arity.min || n > method.arity.max) {
      const wanted = method.arity.min === method.arity.max ? `exactly ${method.arity.min}` : `${method.arity.min} to ${method.arity.max}`;
      throw new DalelError('VALIDATION', `The method ${method.id} takes ${wanted} evidence items.`, { field: 'evidenceIds', min: method.arity.min, max: method.arity.max });
    }
    if (new Set(request.evidenceIds).size !== n) throw new DalelError('VALIDATION', 'An item cannot be compared with itself.', { field: 'evidenceIds' });
    const inputs: MethodInput[] = request.evidenceIds.map((evidenceId) => {
      const item = evidence.get(evidenceId);
      if (item.caseId !== request.caseId) throw badInput(item.originalName, 'other-case', 'this evidence item belongs to another case');
      return {
        evidenceId,
        name: item.originalName,
        sha256: item.sha256,
        format: item.kind,
        category: item.category,
        pixelUm: request.pixelUm?.[evidenceId] ?? item.pixelUm,
        bytes: evidence.read(evidenceId),
      };
    });
    const options = {
      ...(request.methodOptions ?? {}),
      ...(request.parameters ? { parameters: request.parameters } : {}),
      ...(request.bulletASize !== undefined ? { bulletASize: request.bulletASize } : {}),
      ...(request.script !== undefined ? { script: request.script } : {}),
    };
    const prepared = method.prepare(inputs, options);
    const job: AnalysisJob = { module: module.id, type: method.id, payload: prepared.payload };
    const algorithm = method.algorithm;
    const id = randomUUID();
    const storedParameters = { ...prepared.parameters };
    db.transaction(() => {
      db.prepare(
        `INSERT INTO analysis_runs (id, case_id, module, evidence_ids, parameters, state, progress, started_by, started_at)
         VALUES (?, ?, ?, ?, ?, 'queued', 0, ?, ?)`,
      ).run(id, request.caseId, request.module, JSON.stringify(request.evidenceIds), JSON.stringify(storedParameters), actor.userId, isoAt(clock.now()));
      audit.append({
        action: 'analysis.started',
        actor,
        subjects: { caseId: request.caseId, runId: id },
        inputs: Object.fromEntries(inputs.map((s) => [s.evidenceId!, s.sha256])),
        algorithm: { name: algorithm.name, version: algorithm.version, parameters: auditSafe(storedParameters) },
        details: { module: request.module, categories: inputs.map((i) => i.category) },
      });
    }).immediate();
    let resolveSettled = () => undefined as void;
    const settled = new Promise<void>((resolve) => (resolveSettled = resolve));
    const entry: Pending = { runId: id, caseId: request.caseId, clientKey, actor, job, method: method.id, inputs, running: null, lastProgress: 0, settled, resolveSettled };
    this.pending.set(id, entry);
    this.queue.push(entry);
    this.emit(entry, 'queued', 0, 'queued');
    this.pump();
    return this.get(id);
  }

  /** Stops a queued or running run: the child process is killed, the run is 'cancelled', nothing else is stored. */
  cancel(runId: string, actor: Actor): AnalysisRun {
    const run = this.get(runId);
    const entry = this.pending.get(runId);
    if (!entry || terminal.has(run.state)) throw new DalelError('CONFLICT', `The run is already ${run.state}.`, { state: run.state });
    const queued = this.queue.indexOf(entry);
    if (queued >= 0) this.queue.splice(queued, 1);
    entry.running?.cancel();
    this.finishAs(entry, 'cancelled', null, actor);
    return this.get(runId);
  }

  /** The runs of a case, newest first. */
  list(caseId: string): AnalysisRun[] {
    this.deps.cases.get(caseId);
    return (this.deps.db.prepare(`${selectRun} WHERE r.case_id = ? ORDER BY r.started_at DESC, r.rowid DESC`).all(caseId) as RunRow[]).map(toRun);
  }

  /** One run, or NOT_FOUND. */
  get(runId: string): AnalysisRun {
    const row = this.deps.db.prepare(`${selectRun} WHERE r.id = ?`).get(runId) as RunRow | undefined;
    if (!row) throw new DalelError('NOT_FOUND', 'No such analysis run.', { runId });
    return toRun(row);
  }

  /** A finished run's full result, read back from the content store (checked against its hash and its method's schema). */
  result(runId: string): ModuleResult {
    const run = this.get(runId);
    if (!run.resultSha256) throw new DalelError('CONFLICT', `The run is ${run.state}; it has no result.`, { state: run.state });
    const { method } = this.deps.registry.method(run.module);
    return method.resultSchema.parse(JSON.parse(new TextDecoder().decode(this.deps.store.read(run.resultSha256)))) as ModuleResult;
  }

  /** Reads a blob a run stored (a processed surface), for the module that draws it. */
  readBlob(sha256: string): Uint8Array {
    return this.deps.store.read(sha256);
  }

  /** Resolves once the run has ended (done, failed or cancelled); for the CLI and tests. */
  async waitFor(runId: string): Promise<AnalysisRun> {
    await this.pending.get(runId)?.settled;
    return this.get(runId);
  }

  /** Cancels whatever is queued or running (the workstation is closing). */
  close(): void {
    this.closed = true;
    this.queue.length = 0;
    for (const entry of [...this.pending.values()]) {
      entry.running?.cancel();
      this.finishAs(entry, 'cancelled', { code: 'INTERNAL', message: 'The workstation closed during the analysis.', params: { reasonCode: 'workstation-closed' } }, null);
    }
  }

  private pump(): void {
    const limit = this.deps.maxConcurrent ?? 1;
    while (!this.closed && this.active < limit && this.queue.length) {
      const entry = this.queue.shift()!;
      this.active++;
      this.deps.db.prepare("UPDATE analysis_runs SET state = 'running' WHERE id = ?").run(entry.runId);
      this.emit(entry, 'running', 0, 'starting');
      entry.running = this.deps.runner.start(entry.job, (progress, stage) => this.progress(entry, progress, stage));
      entry.running.done.then(
        (output) => {
          if (!this.pending.has(entry.runId)) return;
          try {
            this.complete(entry, output);
          } catch (error) {
            const info: RunError = error instanceof DalelError ? error.toInfo() : { code: 'INTERNAL', message: `Storing the result failed: ${(error as Error).message}` };
            if (!(error instanceof DalelError)) console.error('[dalel] analysis result could not be stored:', error);
            this.finishAs(entry, 'failed', info, entry.actor);
          }
        },
        (error: unknown) => {
          if (!this.pending.has(entry.runId)) return;
          const info: RunError = error instanceof DalelError ? error.toInfo() : { code: 'INTERNAL', message: String(error) };
          this.finishAs(entry, 'failed', info, entry.actor);
        },
      );
    }
  }

  private progress(entry: Pending, progress: number, stage: string): void {
    if (!this.pending.has(entry.runId)) return;
    const p = Math.max(entry.lastProgress, Math.min(1, progress));
    entry.lastProgress = p;
    this.deps.db.prepare("UPDATE analysis_runs SET progress = ? WHERE id = ? AND state = 'running'").run(p, entry.runId);
    this.emit(entry, 'running', p, stage);
  }

  /** Stores the result and surfaces (content store, idempotent), then findings, run and audit entry in one transaction. */
  private complete(entry: Pending, output: unknown): void {
    const { db, store, sink, audit, clock, registry } = this.deps;
    const record = registry.method(entry.method).method.record(output);
    const { result } = record;
    for (const blob of record.blobs) store.put(blob.bytes, blob.sha256);
    const json = new TextEncoder().encode(JSON.stringify(result));
    const resultSha256 = store.put(json, sha256Hex(json));
    db.transaction(() => {
      const findings = sink.addModelFindings(entry.caseId, entry.runId, record.drafts, entry.actor);
      db.prepare(
        "UPDATE analysis_runs SET state = 'done', progress = 1, finished_at = ?, result_sha256 = ?, finding_ids = ? WHERE id = ? AND state = 'running'",
      ).run(isoAt(clock.now()), resultSha256, JSON.stringify(findings.map((f) => f.id)), entry.runId);
      audit.append({
        action: 'analysis.finished',
        actor: entry.actor,
        subjects: { caseId: entry.caseId, runId: entry.runId },
        inputs: Object.fromEntries(record.provenance.inputs.map((i) => [i.evidenceId ?? i.name, i.sha256])),
        outputs: { result: resultSha256, ...record.outputs },
        algorithm: { name: record.provenance.algorithm, version: record.provenance.version, parameters: auditSafe(record.provenance.parameters) },
        details: {
          ...record.summary,
          ...(record.warnings.length ? { warnings: [...record.warnings] } : {}),
          findingIds: findings.map((f) => f.id),
          software: { ...record.provenance.software },
        },
      });
    }).immediate();
    this.settle(entry);
    this.emit(entry, 'done', 1, 'done');
  }

  /** Ends a run without a result: failed with its error, or cancelled. Nothing but the run row and the audit entry. */
  private finishAs(entry: Pending, state: 'failed' | 'cancelled', error: RunError | null, actor: Actor | null): void {
    const { db, audit, clock } = this.deps;
    const runState = db.prepare('SELECT state FROM analysis_runs WHERE id = ?').pluck().get(entry.runId) as AnalysisRun['state'];
    // An error without parameters (a bare DalelError) stores none, as runs recorded before they were kept.
    const params = error?.params && Object.keys(error.params).length > 0 ? error.params : null;
    if (!terminal.has(runState)) {
      db.transaction(() => {
        db.prepare('UPDATE analysis_runs SET state = ?, error_code = ?, error_message = ?, error_params = ?, finished_at = ? WHERE id = ?').run(
          state,
          error?.code ?? null,
          error?.message ?? null,
          params ? JSON.stringify(params) : null,
          isoAt(clock.now()),
          entry.runId,
        );
        audit.append({
          action: state === 'failed' ? 'analysis.failed' : 'analysis.cancelled',
          actor,
          subjects: { caseId: entry.caseId, runId: entry.runId },
          inputs: Object.fromEntries(entry.inputs.map((s) => [s.evidenceId ?? s.name, s.sha256])),
          details: error ? { code: error.code, message: error.message, ...(params ? { params } : {}) } : undefined,
        });
      }).immediate();
    }
    this.settle(entry);
    this.emit(entry, state, entry.lastProgress, state);
  }

  private settle(entry: Pending): void {
    if (!this.pending.delete(entry.runId)) return;
    if (entry.running) this.active--;
    entry.resolveSettled();
    this.pump();
  }

  private emit(entry: Pending, state: AnalysisRun['state'], progress: number, stage: string): void {
    this.deps.onProgress?.(entry.clientKey, { runId: entry.runId, caseId: entry.caseId, state, progress, stage });
  }

  /** Runs left queued or running by a process that ended (crash, power loss) are failed, with an audit entry each. */
  private failInterrupted(): void {
    const { db, audit, clock } = this.deps;
    const stale = db.prepare("SELECT id, case_id FROM analysis_runs WHERE state IN ('queued','running')").all() as Array<{ id: string; case_id: string }>;
    if (!stale.length) return;
    db.transaction(() => {
      for (const run of stale) {
        const message = 'The workstation stopped during the analysis; start it again.';
        const params = { reasonCode: 'workstation-stopped' };
        db.prepare("UPDATE analysis_runs SET state = 'failed', error_code = 'INTERNAL', error_message = ?, error_params = ?, finished_at = ? WHERE id = ?").run(message, JSON.stringify(params), isoAt(clock.now()), run.id);
        audit.append({ action: 'analysis.failed', actor: null, subjects: { caseId: run.case_id, runId: run.id }, details: { code: 'INTERNAL', message, params } });
      }
    }).immediate();
  }
}
