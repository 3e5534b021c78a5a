import type { RequestChannel } from '../../contract/index.ts';
import type { Handler, Handlers } from '../dispatcher.ts';
import { DalelError } from '../errors.ts';
import { actorOf, type Session } from '../sessions.ts';
import { parseCaseType, type CaseType } from '../../../models/cases/case-type.ts';
import { createCaseTypeViews } from './case-type-view.ts';
import type { CaseTypeView, Role } from '../../contract/index.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { isResearchCaseType, type DecisionService } from './decision-service.ts';
import type { VerdictService } from './verdicts.ts';
import { checkDocumentSources, type DocumentTextCase } from './fact-sources.ts';

type DecisionChannel = Extract<RequestChannel, `decision.${string}`>;

function sessionOf(session: Session | null): Session {
  if (!session) throw new DalelError('UNAUTHENTICATED', 'Please log in.');
  return session;
}

/** A case type whose facts name articles offers only the articles the statutes hold (an unknown one is refused at entry). */
function withKnownArticles(view: CaseTypeView, known: ReturnType<DecisionService['knownArticles']>): CaseTypeView {
  if (!known) return view;
  return {
    ...view,
    fields: view.fields.map((f) => (f.name === 'article' ? { ...f, options: known.map((k) => k.article), labels: Object.fromEntries(known.map((k) => [k.article, `${k.article} — ${k.title}`])) } : f)),
  };
}

/** What the decision channels need beside the service: past consultations, the research setting, the log. */
export interface DecisionHandlerDeps {
  readonly verdicts: VerdictService;
  readonly log: AuditLog;
  /** Whether the administrator's "research" setting offers the US research case types to judges and clerks. */
  readonly researchAllowed: () => boolean;
  /** The case of a stored document text, so that facts said to come from a document are checked against it. */
  readonly documentTextCase?: DocumentTextCase;
}

/** The channels of decision support: installed models with their cards, and judges' consultations. */
export function createDecisionHandlers(decision: DecisionService, deps: DecisionHandlerDeps): Pick<Handlers, DecisionChannel> {
  // Administrators manage every installed model; judges and clerks see research case types only when allowed.
  const listed = (role: Role) => (caseType: string) => role === 'administrator' || deps.researchAllowed() || !isResearchCaseType(caseType);
  const embedded = new Map<string, CaseType>();
  const caseTypes = createCaseTypeViews(() =>
    decision.models().map((m) => {
      let caseType = embedded.get(m.sha256);
      if (!caseType) {
        const folder = decision.folder(m.sha256);
        caseType = parseCaseType(folder.model.schema, `${folder.dir}/model.json`);
        embedded.set(m.sha256, caseType);
      }
      return caseType;
    }),
  );
  const handlers: { [C in DecisionChannel]: Handler<C> } = {
    'decision.models': (_request, context) => decision.models().filter((m) => listed(sessionOf(context.session).user.role)(m.caseType)),
    'decision.caseTypes': (_request, context) =>
      caseTypes()
        .filter((c) => listed(sessionOf(context.session).user.role)(c.id))
        .map((c) => withKnownArticles(c, decision.knownArticles(c.id))),
    'decision.consultations': (request, context) => {
      const list = deps.verdicts.consultations(request.caseId);
      deps.log.append({ action: 'decision.consultations-consulted', actor: actorOf(sessionOf(context.session)), subjects: { caseId: request.caseId } });
      return list;
    },
    'decision.predict': (request, context) => {
      const session = sessionOf(context.session);
      const sources = request.factSources ?? {};
      checkDocumentSources(sources, request.caseId, deps.documentTextCase ?? (() => null));
      return decision.predict(request.modelSha256, request.facts, actorOf(session), request.caseId, sources);
    },
    'decision.bounds': (request) => decision.bounds(request.caseType, request.facts),
    'decision.predictBatch': (request, context) => decision.predictBatch(request.modelSha256, request.cases, actorOf(sessionOf(context.session))),
  };
  return handlers;
}
