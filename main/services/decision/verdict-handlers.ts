import type { RequestChannel } from '../../contract/index.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { Handler, Handlers } from '../dispatcher.ts';
import { DalelError } from '../errors.ts';
import { actorOf, type Session } from '../sessions.ts';
import type { VerdictService } from './verdicts.ts';

type OwnChannel = Extract<RequestChannel, `verdicts.${string}`>;

function sessionOf(session: Session | null): Session {
  if (!session) throw new DalelError('UNAUTHENTICATED', 'Please log in.');
  return session;
}

/** The channels of final verdicts, their amendments, and the model-monitoring view of discrepancies. */
export function createVerdictHandlers(verdicts: VerdictService, log: AuditLog): Pick<Handlers, OwnChannel> {
  const handlers: { [C in OwnChannel]: Handler<C> } = {
    'verdicts.record': (request, context) => verdicts.record(request, actorOf(sessionOf(context.session))),
    'verdicts.amend': (request, context) => verdicts.amend(request, actorOf(sessionOf(context.session))),
    'verdicts.list': (request, context) => {
      const list = verdicts.list(request.caseId);
      log.append({ action: 'verdict.list-consulted', actor: actorOf(sessionOf(context.session)), subjects: request.caseId ? { caseId: request.caseId } : {} });
      return list;
    },
    'verdicts.dashboard': (request, context) => {
      const rows = verdicts.dashboard(request);
      log.append({
        action: 'verdict.dashboard-consulted',
        actor: actorOf(sessionOf(context.session)),
        details: { ...(request.from ? { from: request.from } : {}), ...(request.to ? { to: request.to } : {}), ...(request.caseType ? { caseType: request.caseType } : {}) },
      });
      return rows;
    },
  };
  return handlers;
}
