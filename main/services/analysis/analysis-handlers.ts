/** The module-agnostic analysis channels: start, cancel, list and results of runs, and the catalog of methods. */
import type { RequestChannel } from '../../contract/index.ts';
import type { CallContext, Handler, Handlers } from '../dispatcher.ts';
import { DalelError } from '../errors.ts';
import type { ForensicRegistry } from '../forensics/registry.ts';
import { actorOf, type Actor } from '../sessions.ts';
import type { AnalysisService } from './analysis-service.ts';

type OwnChannel = 'analysis.start' | 'analysis.cancel' | 'analysis.list' | 'analysis.result' | 'forensics.catalog';

/** The services behind the analysis channels. */
export interface AnalysisHandlerDeps {
  readonly analysis: AnalysisService;
  readonly registry: ForensicRegistry;
}

function actor(context: CallContext): Actor {
  // The dispatcher guarantees a session on these channels; this narrows the type and guards against misuse.
  if (!context.session) throw new DalelError('UNAUTHENTICATED', 'Please log in.');
  return actorOf(context.session);
}

/** Handlers of the analysis channels, for every module alike. */
export function createAnalysisHandlers(deps: AnalysisHandlerDeps): Pick<Handlers, Extract<RequestChannel, OwnChannel>> {
  const { analysis, registry } = deps;
  const handlers: { [C in OwnChannel]: Handler<C> } = {
    'analysis.start': (request, context) => analysis.start(request, actor(context), context.clientKey),
    'analysis.cancel': (request, context) => analysis.cancel(request.runId, actor(context)),
    'analysis.list': (request) => analysis.list(request.caseId),
    'analysis.result': (request) => analysis.result(request.runId),
    'forensics.catalog': () => registry.catalog(),
  };
  return handlers;
}
