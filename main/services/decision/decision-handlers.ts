import type { RequestChannel } from '../../contract/index.ts';
import type { Handler, Handlers } from '../dispatcher.ts';
import { DalelError } from '../errors.ts';
import { actorOf, type Session } from '../sessions.ts';
import { parseCaseType, type CaseType } from '../../../models/cases/case-type.ts';
import { createCaseTypeViews } from './case-type-view.ts';
import type { DecisionService } from './decision-service.ts';

type DecisionChannel = Extract<RequestChannel, `decision.${string}`>;

function sessionOf(session: Session | null): Session {
  if (!session) throw new DalelError('UNAUTHENTICATED', 'Please log in.');
  return session;
}

/** The channels of decision support: installed models with their cards, and judges' consultations. */
export function createDecisionHandlers(decision: DecisionService): Pick<Handlers, DecisionChannel> {
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
    'decision.models': () => decision.models(),
    'decision.caseTypes': () => caseTypes(),
    'decision.predict': (request, context) => decision.predict(request.modelSha256, request.facts, actorOf(sessionOf(context.session)), request.caseId),
    'decision.bounds': (request) => decision.bounds(request.caseType, request.facts),
    'decision.predictBatch': (request, context) => decision.predictBatch(request.modelSha256, request.cases, actorOf(sessionOf(context.session))),
  };
  return handlers;
}
