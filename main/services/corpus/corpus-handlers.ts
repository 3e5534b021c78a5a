/** The corpus channels bound to the store. */
import { findCaseType, type CaseType } from '../../../models/cases/case-type.ts';
import type { RequestChannel } from '../../contract/index.ts';
import type { Handlers } from '../dispatcher.ts';
import { actorOf } from '../sessions.ts';
import { bytesOf, type UploadStore } from '../uploads.ts';
import type { CorpusStore } from './ingest.ts';

type CorpusChannel = Extract<RequestChannel, `corpus.${string}`>;

/** What the corpus channels need. */
export interface CorpusHandlerDeps {
  readonly store: CorpusStore;
  readonly caseTypes: readonly CaseType[];
  readonly uploads: UploadStore;
}

/** The channels of the verdict corpus. */
export function createCorpusHandlers(deps: CorpusHandlerDeps): Pick<Handlers, CorpusChannel> {
  return {
    'corpus.import': (request, context) => {
      const caseType = findCaseType(deps.caseTypes, request.caseType);
      const bytes = bytesOf(deps.uploads, context.clientKey, request.fileName, request.body);
      return deps.store.importFile({ caseType, fileName: request.fileName, bytes, actor: context.session ? actorOf(context.session) : null });
    },
    'corpus.status': () => deps.store.status(),
    'corpus.imports': (request) => deps.store.imports(request.limit),
    'corpus.quarantine': (request) => deps.store.quarantine(request.importId),
  };
}
