import type { RequestChannel } from '../../contract/index.ts';
import type { CallContext, Handler, Handlers } from '../dispatcher.ts';
import { badInput, DalelError } from '../errors.ts';
import type { EvidenceService } from '../evidence.ts';
import { actorOf, type Actor } from '../sessions.ts';
import { bytesOf, type UploadStore } from '../uploads.ts';
import type { AnalysisService } from './analysis-service.ts';
import type { LibraryService } from './library-service.ts';
import { renderX3pCached } from './surface-render.ts';

type OwnChannel = Extract<RequestChannel, `analysis.${string}` | `library.${string}` | 'evidence.surface'>;

/** The services behind the ballistics channels. */
export interface BallisticsHandlerDeps {
  readonly analysis: AnalysisService;
  readonly library: LibraryService;
  readonly evidence: EvidenceService;
  /** Browser-mode uploads, for scans sent by reference. */
  readonly uploads: UploadStore;
}

function actor(context: CallContext): Actor {
  // The dispatcher guarantees a session on these channels; this narrows the type and guards against misuse.
  if (!context.session) throw new DalelError('UNAUTHENTICATED', 'Please log in.');
  return actorOf(context.session);
}

/** The channels of ballistics: analysis runs off the main thread, surfaces for the viewer, the reference library. */
export function createBallisticsHandlers(deps: BallisticsHandlerDeps): Pick<Handlers, OwnChannel> {
  const { analysis, library } = deps;
  const handlers: { [C in OwnChannel]: Handler<C> } = {
    'analysis.start': (request, context) => analysis.start(request, actor(context), context.clientKey),
    'analysis.cancel': (request, context) => analysis.cancel(request.runId, actor(context)),
    'analysis.list': (request) => analysis.list(request.caseId),
    'analysis.result': (request) => analysis.result(request.runId),
    'analysis.surface': (request) => analysis.surface(request.runId, request.surface, request.style),
    'evidence.surface': (request) => {
      const item = deps.evidence.get(request.evidenceId);
      // Images are shown as they are (their thumbnails and bytes); only height maps need drawing.
      if (item.kind !== 'x3p') throw badInput(item.originalName, 'unsupported-type', 'only X3P height maps are drawn as surfaces; images are shown as they are');
      return renderX3pCached(item.originalName, item.sha256, () => deps.evidence.read(item.id), request.style);
    },
    'library.add': (request, context) => {
      const { fileName, bytes, ...metadata } = request;
      return library.add(fileName, bytesOf(deps.uploads, context.clientKey, fileName, bytes), metadata, actor(context));
    },
    'library.list': (request) => library.list(request.query),
    'library.search': (request, context) => library.searchEvidence(request, actor(context)),
  };
  return handlers;
}
