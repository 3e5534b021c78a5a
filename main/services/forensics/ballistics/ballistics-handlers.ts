import type { RequestChannel } from '../../../contract/index.ts';
import type { CallContext, Handler, Handlers } from '../../dispatcher.ts';
import { DalelError } from '../../errors.ts';
import type { EvidenceService } from '../../evidence.ts';
import { actorOf, type Actor } from '../../sessions.ts';
import { bytesOf, type UploadStore } from '../../uploads.ts';
import type { AnalysisService } from '../../analysis/analysis-service.ts';
import { BallisticsResultSchema } from '../../../contract/index.ts';
import type { LibraryService } from './library-service.ts';
import { renderEvidenceCached, renderX3pCached } from './surface-render.ts';

type OwnChannel = Extract<RequestChannel, 'analysis.surface' | `library.${string}` | 'evidence.surface'>;

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

/** The channels of ballistics: the surfaces the viewer draws (of runs and of items), the reference library. */
export function createBallisticsHandlers(deps: BallisticsHandlerDeps): Pick<Handlers, OwnChannel> {
  const { analysis, library } = deps;
  const handlers: { [C in OwnChannel]: Handler<C> } = {
    // A run's surfaces: cartridge cases' processed surfaces, or bullets' land scans (A's, then B's).
    'analysis.surface': (request) => {
      const parsed = BallisticsResultSchema.safeParse(analysis.result(request.runId));
      if (!parsed.success) throw new DalelError('NOT_FOUND', 'The run has no surfaces to draw.', { surface: request.surface });
      const result = parsed.data;
      const refs = result.kind === 'cartridge-case' ? [result.a, result.b] : [...result.a, ...result.b];
      const ref = refs[request.surface];
      if (!ref) throw new DalelError('NOT_FOUND', `The run has ${refs.length} surfaces; there is no surface ${request.surface}.`, { surface: request.surface });
      return renderX3pCached(ref.name, ref.sha256, () => analysis.readBlob(ref.sha256), request.style);
    },
    'evidence.surface': (request) => {
      const item = deps.evidence.get(request.evidenceId);
      return renderEvidenceCached({ name: item.originalName, kind: item.kind, sha256: item.sha256 }, () => deps.evidence.read(item.id), request.style);
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
