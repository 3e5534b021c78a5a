import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type Db } from '../db/database.ts';
import { toCheckpointInfo } from './audit/audit-handlers.ts';
import { AuditLog } from './audit/audit-log.ts';
import { CheckpointService } from './audit/checkpoints.ts';
import { TrailLabels } from './audit/trail-labels.ts';
import { AnalysisService, type AnalysisProgressEvent } from './analysis/analysis-service.ts';
import { childProcessRunner, type AnalysisRunner } from './analysis/analysis-runner.ts';
import { LibraryService } from './forensics/ballistics/library-service.ts';
import type { ForensicModule } from './forensics/module.ts';
import { shippedModules } from './forensics/modules.ts';
import { ForensicRegistry } from './forensics/registry.ts';
import { AuditKeyring, auditOrigin, type NamedSealer } from './audit/keyring.ts';
import { CaseService } from './cases.ts';
import { systemClock, type Clock } from './clock.ts';
import { CustodyLog } from './custody.ts';
import { DecisionService } from './decision/decision-service.ts';
import { installDemoModels } from './decision/demo-install.ts';
import { StatutoryBoundsService } from './decision/statutory-bounds.ts';
import { ProceduralAdviceService } from './decision/procedural-advice.ts';
import { VerdictService } from './decision/verdicts.ts';
import { LawStore } from './laws/law-store.ts';
import { DocumentTextService } from './documents/document-texts.ts';
import { shippedCitingAssets } from './laws/citing-assets.ts';
import { CorpusStore } from './corpus/ingest.ts';
import { ModelRegistry } from './corpus/registry.ts';
import { DecisionTextIngest } from './corpus/text-ingest.ts';
import { CorpusInbox } from './corpus/inbox.ts';
import { loadCaseTypes } from '../../models/cases/case-type.ts';
import { sharedLegalDir } from './decision/statute-text.ts';
import { Dispatcher } from './dispatcher.ts';
import { EvidenceService } from './evidence.ts';
import { CaseReviewService } from './findings/case-review.ts';
import { FindingsService } from './findings/findings-service.ts';
import type { DocumentProgressSink } from './documents/documents-handlers.ts';
import { createHandlers } from './handlers.ts';
import { EvidenceStore } from './intake/evidence-store.ts';
import { UploadStore } from './uploads.ts';
import { defaultIntakeLimits, type IntakeLimits } from './intake/sniff.ts';
import type { ScryptParams } from './passwords.ts';
import { ReportService } from './reports/report-service.ts';
import { defaultSessionPolicy, SessionManager, type SessionPolicy } from './sessions.ts';
import { SettingsService } from './settings.ts';
import { defaultLockoutPolicy, UserService, type LockoutPolicy } from './users.ts';

/** Settings for opening a workstation; everything but the data folder has a production default. */
export interface WorkstationOptions {
  /** Check every answer against the contract's response schema (the tests do; a mismatch is an INTERNAL bug). */
  readonly checkResponses?: boolean;
  readonly dataDir: string;
  readonly clock?: Clock;
  readonly sessionPolicy?: SessionPolicy;
  readonly lockoutPolicy?: LockoutPolicy;
  readonly intakeLimits?: IntakeLimits;
  readonly scryptParams?: ScryptParams;
  readonly onSessionChanged?: (clientKey: string) => void;
  /** Told of export progress, so transports can push it to the client that asked. */
  readonly onExportProgress?: (clientKey: string, done: number, total: number) => void;
  /** Told how far a bundle's verification is, for the client that asked. */
  readonly onVerifyProgress?: (clientKey: string, done: number, total: number) => void;
  /** Told of analysis progress, so transports can push 'analysis.progress' to the client that started the run. */
  readonly onAnalysisProgress?: (clientKey: string, event: AnalysisProgressEvent) => void;
  /** Told of each page read of a document, so transports can push 'documents.progress' to the client reading it. */
  readonly onDocumentProgress?: DocumentProgressSink;
  /**
   * Where analysis jobs run (default: a child process per job, running the shipped modules); given a registry, a
   * runner is made for it (tests pass inProcessRunner for modules the child process does not ship).
   */
  readonly analysisRunner?: AnalysisRunner | ((registry: ForensicRegistry) => AnalysisRunner);
  /** The forensic modules (default: the shipped ones, forensics/modules.ts); tests add their own. */
  readonly modules?: readonly ForensicModule[];
  /** Opens the audit signing key at start (Electron's OS keystore, or a passphrase given to the CLI or browser mode). */
  readonly keySealer?: NamedSealer;
  /** scrypt cost of passphrase-sealed keys (tests lower it). */
  readonly sealerScryptParams?: ScryptParams;
  /** Sign a checkpoint every minute while entries arrive (long-running app processes; not the CLI). */
  readonly periodicCheckpoints?: boolean;
  /** Install the shipped demo decision models (synthetic data) into an empty models folder (default: yes). */
  readonly demoModels?: boolean;
}

/** One workstation's services over one data folder (database + evidence store), wired to one dispatcher. */
export interface Workstation {
  readonly dataDir: string;
  readonly id: string;
  readonly db: Db;
  readonly users: UserService;
  readonly sessions: SessionManager;
  readonly cases: CaseService;
  readonly evidence: EvidenceService;
  readonly custody: CustodyLog;
  readonly audit: AuditLog;
  readonly keyring: AuditKeyring;
  readonly checkpoints: CheckpointService;
  /** Decision support over the models installed under `<dataDir>/models`. */
  readonly decision: DecisionService;
  /** The forensic modules this workstation runs with. */
  readonly registry: ForensicRegistry;
  /** Analysis runs of every module (off the main thread). */
  readonly analysis: AnalysisService;
  /** The ballistics reference library. */
  readonly library: LibraryService;
  /** The findings store: analysis modules record through it (it is their FindingSink); experts review through it. */
  readonly findings: FindingsService;
  /** The case-level review state machine and sign-off. */
  readonly reviews: CaseReviewService;
  /** The AI summary and the lab report. */
  readonly reports: ReportService;
  /** Final verdicts, discrepancies with consultations, and notices to judges. */
  readonly verdicts: VerdictService;
  /** What the laboratory or court set for everyone (technical review, clerks and verdicts, research case types). */
  readonly settings: SettingsService;
  /** The legal-acts store: codes by version, searchable; citations open their stored text. */
  readonly laws: LawStore;
  /** The verdict corpus: structured imports of decided cases. */
  readonly corpus: CorpusStore;
  /** Models by version: candidates from retraining, the active one per outcome, retired ones; promotion and rollback. */
  readonly modelRegistry: ModelRegistry;
  /** Recognised text of evidence documents (OCR), stored with the item and searchable. */
  readonly documents: DocumentTextService;
  readonly dispatcher: Dispatcher;
  /** Browser-mode uploads staged on disk until a request uses them. */
  readonly uploads: UploadStore;
  close(): void;
}

/** How often the periodic checkpoint timer looks whether a checkpoint is due (it signs at most once a minute). */
const checkpointPollMs = 10_000;

/** Runs a background task, logging its failure (`[dalel] <what> failed:`) instead of throwing it out of a timer or close(). */
function logFailure(what: string, task: () => void): void {
  try {
    task();
  } catch (error) {
    console.error(`[dalel] ${what} failed:`, error);
  }
}

function workstationId(db: Db): string {
  const ensure = db.transaction(() => {
    const row = db.prepare("SELECT value FROM workstation WHERE key = 'id'").get() as { value: string } | undefined;
    if (row) return row.value;
    const id = randomUUID();
    db.prepare("INSERT INTO workstation (key, value) VALUES ('id', ?)").run(id);
    return id;
  });
  return ensure.immediate();
}

/** Opens the data folder (creating it on first launch), runs migrations and wires the services. */
export function openWorkstation(options: WorkstationOptions): Workstation {
  const clock = options.clock ?? systemClock;
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const db = openDatabase(join(options.dataDir, 'dalel.sqlite'));
  const id = workstationId(db);
  const store = new EvidenceStore(join(options.dataDir, 'evidence'));
  const intakeLimits = options.intakeLimits ?? defaultIntakeLimits;

  const audit = new AuditLog(db, clock, id);
  const settings = new SettingsService(db, audit, clock);
  const keyring = new AuditKeyring(db, clock, () => auditOrigin(settings.get().workstationName, id));
  const checkpoints = new CheckpointService(db, audit, keyring, clock);
  const users = new UserService(db, clock, audit, options.lockoutPolicy ?? defaultLockoutPolicy, options.scryptParams);
  const sessions = new SessionManager(clock, options.sessionPolicy ?? defaultSessionPolicy);
  // Beside the store, on the same filesystem, so that an upload enters it by rename; emptied of a crash's leftovers.
  const uploads = new UploadStore(join(options.dataDir, 'evidence', 'uploads'), {
    maxBytes: intakeLimits.maxBytes,
    hasSession: (clientKey) => sessions.peek(clientKey) !== null,
  });
  const cases = new CaseService(db, clock, audit);
  const custody = new CustodyLog(db, clock, audit);
  const registry = new ForensicRegistry(options.modules ?? shippedModules);
  const reviews = new CaseReviewService(db, cases, audit, clock, settings);
  const evidence = new EvidenceService(db, store, cases, custody, clock, registry, reviews, intakeLimits);
  const legalDir = sharedLegalDir();
  const decision = new DecisionService(join(options.dataDir, 'models'), audit, StatutoryBoundsService.open(legalDir), ProceduralAdviceService.open(legalDir), () => settings.get().researchCaseTypes);
  if (options.demoModels ?? true) installDemoModels(join(options.dataDir, 'models'));
  const verdicts = new VerdictService(db, clock, audit, cases, loadCaseTypes(), { clerksMayRecordVerdicts: () => settings.get().clerksMayRecordVerdicts });
  const laws = new LawStore(db, clock, audit);
  const corpus = new CorpusStore(db, clock, audit);
  const statutes = StatutoryBoundsService.open(null);
  const statuteBook = statutes.book;
  const categoryOf = (article: string, part: number) => statuteBook.articles[article]?.parts[String(part)]?.category ?? null;
  const decisionTexts = new DecisionTextIngest(db, clock, audit, corpus, categoryOf);
  const corpusCaseTypes = loadCaseTypes();
  const inbox = new CorpusInbox(db, clock, audit, corpus, decisionTexts, corpusCaseTypes);
  const modelRegistry = new ModelRegistry(db, clock, audit, corpus, join(options.dataDir, 'models'), join(options.dataDir, 'registry'), statutes);
  const findings = new FindingsService(db, store, cases, custody, reviews, audit, clock, registry);
  const reports = new ReportService(
    {
      case: (caseId) => cases.get(caseId),
      evidence: (caseId) => evidence.list(caseId),
      thumbnail: (evidenceId) => evidence.thumbnail(evidenceId),
      findings: (caseId) => findings.list(caseId),
      overlay: (findingId, sha256) => findings.readOverlay(findingId, sha256),
      review: (caseId) => reviews.get(caseId),
      coverage: (caseId) => reviews.coverage(caseId),
      keyState: () => (keyring.isUnlocked() ? 'unlocked' : keyring.activeKey() ? 'locked' : 'none'),
      checkpoint: (reason) => toCheckpointInfo(checkpoints, checkpoints.sign(reason)),
    },
    audit,
    custody,
    clock,
    registry.summaries(),
  );
  const runner = typeof options.analysisRunner === 'function' ? options.analysisRunner(registry) : (options.analysisRunner ?? childProcessRunner);
  const documents = new DocumentTextService({ db, clock, evidence, audit, reviews, runner, categoryOf });
  const analysis = new AnalysisService({ db, clock, store, cases, evidence, audit, sink: findings, runner, registry, reviews, onProgress: options.onAnalysisProgress });
  const library = new LibraryService(db, store, evidence, audit, clock, runner);
  if (options.keySealer) {
    const created = keyring.unlock(options.keySealer);
    audit.append({ action: created ? 'audit.key-created' : 'audit.key-unlocked', actor: null, details: { keyId: keyring.activeKey()!.keyId, sealer: options.keySealer.kind } });
  }
  const handlers = createHandlers({
    workstationId: id,
    users,
    sessions,
    cases,
    evidence,
    custody,
    audit: { db, log: audit, keyring, checkpoints, exportsDir: join(options.dataDir, 'exports'), sealerScryptParams: options.sealerScryptParams, onExportProgress: options.onExportProgress, onVerifyProgress: options.onVerifyProgress, startupSealer: options.keySealer, uploads, labels: new TrailLabels(db) },
    decision,
    analysis: { analysis, registry },
    ballistics: { analysis, library, evidence, uploads },
    findings,
    reviews,
    reports,
    verdicts,
    settings,
    uploads,
    laws: { store: laws, assets: shippedCitingAssets },
    documents,
    corpus: { store: corpus, registry: modelRegistry, texts: decisionTexts, inbox, caseTypes: corpusCaseTypes },
    onSessionChanged: options.onSessionChanged,
    onDocumentProgress: options.onDocumentProgress,
  });
  const dispatcher = new Dispatcher(handlers, sessions, undefined, options.checkResponses ?? false);
  const timer = options.periodicCheckpoints ? setInterval(() => logFailure('periodic checkpoint', () => checkpoints.signIfDue()), checkpointPollMs) : null;
  timer?.unref();
  // The corpus inbox is read, and models retrained, on the administrator's schedules by the same long-running processes.
  const inboxTimer = options.periodicCheckpoints
    ? setInterval(() => {
        logFailure('corpus inbox scan', () => inbox.scanIfDue());
        logFailure('scheduled retraining', () => modelRegistry.retrainIfDue(corpusCaseTypes));
      }, 60_000)
    : null;
  inboxTimer?.unref();
  const close = () => {
    if (timer) clearInterval(timer);
    if (inboxTimer) clearInterval(inboxTimer);
    analysis.close();
    // A last checkpoint on the way out, so the newest entries are signed before the process ends.
    logFailure('closing checkpoint', () => {
      if (keyring.isUnlocked() && audit.size() > (checkpoints.latest()?.size ?? 0)) checkpoints.sign('shutdown');
    });
    keyring.lock();
    // ONNX sessions hold native memory; closing them cannot fail in a way the caller could act on.
    void decision.close();
    db.close();
    uploads.close();
  };
  return { dataDir: options.dataDir, id, uploads, db, users, sessions, cases, evidence, custody, audit, keyring, checkpoints, decision, verdicts, registry, analysis, library, findings, reviews, reports, settings, laws, documents, corpus, modelRegistry, dispatcher, close };
}
