import type { RequestChannel } from '../../contract/index.ts';
import type { CallContext, Handler, Handlers } from '../dispatcher.ts';
import { DalelError } from '../errors.ts';
import { actorOf, type Session } from '../sessions.ts';
import type { ReportService } from './report-service.ts';

type OwnChannel = Extract<RequestChannel, `report.${string}` | `summary.${string}`>;

function required(context: CallContext): Session {
  if (!context.session) throw new DalelError('UNAUTHENTICATED', 'Please log in.');
  return context.session;
}

/** The channels of the AI summary and the lab report. */
export function createReportHandlers(reports: ReportService): Pick<Handlers, OwnChannel> {
  const handlers: { [C in OwnChannel]: Handler<C> } = {
    'report.export': (request, context) => reports.export(request.caseId, request.language, actorOf(required(context))),
    'summary.get': (request) => reports.summary(request.caseId, request.language),
  };
  return handlers;
}
