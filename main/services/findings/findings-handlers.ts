import type { RequestChannel } from '../../contract/index.ts';
import type { CallContext, Handler, Handlers } from '../dispatcher.ts';
import { DalelError } from '../errors.ts';
import { actorOf, type Session, type SessionManager } from '../sessions.ts';
import type { CaseReviewService } from './case-review.ts';
import type { FindingsService } from './findings-service.ts';

type OwnChannel = Extract<RequestChannel, `findings.${string}` | `review.${string}`>;

/** The services the findings and review channels use. */
export interface FindingsHandlerDeps {
  readonly findings: FindingsService;
  readonly reviews: CaseReviewService;
  readonly sessions: SessionManager;
}

function required(context: CallContext): Session {
  if (!context.session) throw new DalelError('UNAUTHENTICATED', 'Please log in.');
  return context.session;
}

/** The channels of findings and their review: listing, accept/reject/amend, manual findings, the case review state machine. */
export function createFindingsHandlers(deps: FindingsHandlerDeps): Pick<Handlers, OwnChannel> {
  const { findings, reviews, sessions } = deps;
  const handlers: { [C in OwnChannel]: Handler<C> } = {
    'findings.list': (request) => findings.list(request.caseId),
    'findings.review': (request, context) => {
      const outcome = findings.review(request.findingId, request.decision, request.reason, request.amended, actorOf(required(context)));
      return { ...outcome, review: reviews.get(outcome.finding.caseId) };
    },
    'findings.addManual': (request, context) => findings.addManual(request, actorOf(required(context))),
    'review.get': (request) => reviews.get(request.caseId),
    'review.transition': (request, context) => {
      const session = required(context);
      return reviews.transition(request.caseId, { action: request.action, meaning: request.meaning, reason: request.reason }, actorOf(session), () => sessions.requireRecentReauth(session));
    },
    'review.queue': (request) => reviews.queue({ state: request.state, query: request.query }),
  };
  return handlers;
}
