import { appVersion } from '../../core/version.ts';
import { createAuditHandlers, type AuditHandlerDeps } from './audit/audit-handlers.ts';
import type { AuditLog } from './audit/audit-log.ts';
import type { CaseService } from './cases.ts';
import type { CustodyLog } from './custody.ts';
import { createAnalysisHandlers, type AnalysisHandlerDeps } from './analysis/analysis-handlers.ts';
import { createBallisticsHandlers, type BallisticsHandlerDeps } from './forensics/ballistics/ballistics-handlers.ts';
import { createDecisionHandlers } from './decision/decision-handlers.ts';
import { createVerdictHandlers } from './decision/verdict-handlers.ts';
import type { DecisionService } from './decision/decision-service.ts';
import type { VerdictService } from './decision/verdicts.ts';
import type { CallContext, Handlers } from './dispatcher.ts';
import { DalelError } from './errors.ts';
import type { EvidenceService } from './evidence.ts';
import type { CaseReviewService } from './findings/case-review.ts';
import { createLawsHandlers, type LawsHandlerDeps } from './laws/laws-handlers.ts';
import { createDocumentsHandlers, type DocumentProgressSink } from './documents/documents-handlers.ts';
import type { DocumentTextService } from './documents/document-texts.ts';
import { createCorpusHandlers, type CorpusHandlerDeps } from './corpus/corpus-handlers.ts';
import { createFindingsHandlers } from './findings/findings-handlers.ts';
import type { FindingsService } from './findings/findings-service.ts';
import { createReportHandlers } from './reports/report-handlers.ts';
import type { ReportService } from './reports/report-service.ts';
import { actorOf, type Session, type SessionManager } from './sessions.ts';
import type { SettingsService } from './settings.ts';
import { bytesOf, type UploadStore } from './uploads.ts';
import type { UserService } from './users.ts';

/** The services the handlers compose. */
export interface HandlerDeps {
  readonly workstationId: string;
  readonly users: UserService;
  readonly sessions: SessionManager;
  readonly cases: CaseService;
  readonly evidence: EvidenceService;
  readonly custody: CustodyLog;
  readonly audit: AuditHandlerDeps & { readonly log: AuditLog };
  readonly decision: DecisionService;
  /** Analysis runs of every module, and the catalog of kinds and methods. */
  readonly analysis: AnalysisHandlerDeps;
  /** The ballistics module's own channels: surfaces for the viewer and the reference library. */
  readonly ballistics: BallisticsHandlerDeps;
  /** The findings store (also the FindingSink of analysis modules) and the case-level review. */
  readonly findings: FindingsService;
  readonly reviews: CaseReviewService;
  /** The AI summary and the lab report. */
  readonly reports: ReportService;
  readonly verdicts: VerdictService;
  readonly settings: SettingsService;
  /** Browser-mode uploads: files streamed to disk, referred to by id in evidence.add. */
  readonly uploads: UploadStore;
  /** The legal-acts store and the assets that cite its articles. */
  readonly laws: Omit<LawsHandlerDeps, 'uploads'>;
  /** Recognised text of evidence documents. */
  readonly documents: DocumentTextService;
  /** The verdict corpus and the case types its files are validated against. */
  readonly corpus: Omit<CorpusHandlerDeps, 'uploads'>;
  /** Told whenever a client's session starts, ends or changes lock state, so transports can push the event. */
  readonly onSessionChanged?: (clientKey: string) => void;
  /** Told of each page read of a document, with the client reading it. */
  readonly onDocumentProgress?: DocumentProgressSink;
}

function required(context: CallContext): Session {
  // The dispatcher guarantees a session for non-public channels; this narrows the type and guards against misuse.
  if (!context.session) throw new DalelError('UNAUTHENTICATED', 'Please log in.');
  return context.session;
}

/** Binds every contract channel to the services. Thin: validation and access were done by the dispatcher. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { users, sessions, cases, evidence, custody } = deps;
  const log = deps.audit.log;
  const changed = (context: CallContext) => deps.onSessionChanged?.(context.clientKey);
  return {
    'workstation.info': () => ({ version: appVersion, workstationId: deps.workstationId, needsSetup: users.needsSetup() }),
    'auth.status': (_request, context) => ({
      needsSetup: users.needsSetup(),
      session: context.session ? sessions.info(context.session) : null,
    }),
    'auth.setupAdmin': async (request, context) => {
      const user = await users.createFirstAdministrator(request);
      const session = sessions.open(context.clientKey, user);
      log.append({ action: 'auth.login', actor: actorOf(session), subjects: { userId: user.id } });
      changed(context);
      return sessions.info(session);
    },
    'auth.login': async (request, context) => {
      const user = await users.authenticate(request.username, request.password);
      const session = sessions.open(context.clientKey, user);
      log.append({ action: 'auth.login', actor: actorOf(session), subjects: { userId: user.id } });
      changed(context);
      return sessions.info(session);
    },
    'auth.unlock': async (request, context) => {
      const session = context.session;
      if (!session) throw new DalelError('UNAUTHENTICATED', 'Please log in.');
      await users.confirmPassword(session.user.id, request.password, 'unlock');
      sessions.unlock(session);
      log.append({ action: 'auth.unlocked', actor: actorOf(session), subjects: { userId: session.user.id } });
      changed(context);
      return sessions.info(session);
    },
    'auth.logout': (_request, context) => {
      if (context.session) log.append({ action: 'auth.logout', actor: actorOf(context.session), subjects: { userId: context.session.user.id } });
      sessions.close(context.clientKey);
      changed(context);
      return { ok: true as const };
    },
    'auth.reauthenticate': async (request, context) => {
      const session = required(context);
      await users.confirmPassword(session.user.id, request.password, 'reauthenticate');
      const validUntil = sessions.markReauthenticated(session);
      log.append({ action: 'auth.reauthenticated', actor: actorOf(session), subjects: { userId: session.user.id } });
      return { validUntil };
    },
    'auth.changePassword': async (request, context) => {
      const user = await users.changePassword(required(context).user.id, request.currentPassword, request.newPassword);
      sessions.refreshUser(user);
      changed(context);
      return { ok: true as const };
    },
    'users.list': () => users.list(),
    'users.add': (request, context) => users.add(request, actorOf(required(context))),
    'users.setDisabled': (request, context) => {
      const user = users.setDisabled(request.userId, request.disabled, actorOf(required(context)));
      if (request.disabled) sessions.closeAllFor(user.id);
      return user;
    },
    'users.resetPassword': async (request, context) => {
      const user = await users.resetPassword(request.userId, request.temporaryPassword, actorOf(required(context)));
      // Whoever is signed in as that user now (perhaps someone who learnt the old password) is signed out.
      sessions.closeAllFor(user.id);
      return user;
    },
    'users.setRole': (request, context) => {
      const user = users.setRole(request.userId, request.role, actorOf(required(context)));
      // A session keeps the role it was opened with; the new role applies from the next login.
      if (user.id !== required(context).user.id) sessions.closeAllFor(user.id);
      else sessions.refreshUser(user);
      return user;
    },
    'users.setDisplayName': (request, context) => {
      const user = users.setDisplayName(request.userId, request.displayName, actorOf(required(context)));
      sessions.refreshUser(user);
      return user;
    },
    'cases.create': (request, context) => cases.create(request, actorOf(required(context))),
    'cases.list': (request) => cases.list(request.query),
    'cases.get': (request, context) => {
      const found = cases.get(request.caseId);
      log.append({ action: 'case.consulted', actor: actorOf(required(context)), subjects: { caseId: found.id } });
      return found;
    },
    'evidence.add': (request, context) => {
      const actor = actorOf(required(context));
      const content = request.bytes instanceof Uint8Array ? request.bytes : deps.uploads.take(context.clientKey, request.bytes.upload, request.fileName);
      return evidence.add(request.caseId, request.fileName, content, actor, { category: request.category, pixelUm: request.pixelUm });
    },
    'evidence.suggestKind': (request, context) => evidence.suggestKind(request.fileName, bytesOf(deps.uploads, context.clientKey, request.fileName, request.bytes)),
    'evidence.setKind': (request, context) => evidence.setKind(request.evidenceId, { category: request.category, pixelUm: request.pixelUm }, actorOf(required(context))),
    'evidence.list': (request) => evidence.list(request.caseId),
    'evidence.custody': (request, context) => {
      const item = evidence.get(request.evidenceId);
      log.append({ action: 'evidence.custody-consulted', actor: actorOf(required(context)), subjects: { caseId: item.caseId, evidenceId: item.id } });
      return custody.list(request.evidenceId);
    },
    'evidence.thumbnail': (request) => ({ png: evidence.thumbnail(request.evidenceId) }),
    'settings.get': () => deps.settings.get(),
    'settings.update': (request, context) => deps.settings.update(request, actorOf(required(context))),
    ...createAuditHandlers(deps.audit),
    ...createDecisionHandlers(deps.decision, { verdicts: deps.verdicts, log: deps.audit.log, researchAllowed: () => deps.settings.get().researchCaseTypes, documentTextCase: (evidenceId, textSha256) => deps.documents.caseOfText(evidenceId, textSha256) }),
    ...createVerdictHandlers(deps.verdicts, deps.audit.log),
    ...createFindingsHandlers({ findings: deps.findings, reviews: deps.reviews, sessions }),
    ...createReportHandlers(deps.reports),
    ...createAnalysisHandlers(deps.analysis),
    ...createBallisticsHandlers(deps.ballistics),
    ...createLawsHandlers({ ...deps.laws, uploads: deps.uploads }),
    ...createDocumentsHandlers(deps.documents, deps.laws.store, deps.onDocumentProgress),
    ...createCorpusHandlers({ ...deps.corpus, uploads: deps.uploads }),
  };
}
