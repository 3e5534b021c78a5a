/** The corpus channels bound to the store. */
import { findCaseType, type CaseType } from '../../../models/cases/case-type.ts';
import type { RequestChannel } from '../../contract/index.ts';
import type { CallContext, Handlers } from '../dispatcher.ts';
import { actorOf } from '../sessions.ts';
import { bytesOf, type UploadStore } from '../uploads.ts';
import type { CorpusStore } from './ingest.ts';
import type { ModelRegistry } from './registry.ts';
import type { DecisionTextIngest } from './text-ingest.ts';
import type { CorpusInbox } from './inbox.ts';

type CorpusChannel = Extract<RequestChannel, `corpus.${string}` | `models.${string}`>;

/** What the corpus channels need. */
export interface CorpusHandlerDeps {
  readonly store: CorpusStore;
  readonly registry: ModelRegistry;
  readonly texts: DecisionTextIngest;
  readonly inbox: CorpusInbox;
  readonly caseTypes: readonly CaseType[];
  readonly uploads: UploadStore;
}

const actorOrNull = (context: CallContext) => (context.session ? actorOf(context.session) : null);

/** The channels of the verdict corpus and the model registry. */
export function createCorpusHandlers(deps: CorpusHandlerDeps): Pick<Handlers, CorpusChannel> {
  return {
    'corpus.import': (request, context) => {
      const caseType = findCaseType(deps.caseTypes, request.caseType);
      const bytes = bytesOf(deps.uploads, context.clientKey, request.fileName, request.body);
      return deps.store.importFile({ caseType, fileName: request.fileName, bytes, actor: actorOrNull(context) });
    },
    'corpus.status': () => deps.store.status(),
    'corpus.imports': (request) => deps.store.imports(request.limit),
    'corpus.quarantine': (request) => deps.store.quarantine(request.importId),
    'corpus.importText': (request, context) => {
      const caseType = findCaseType(deps.caseTypes, request.caseType);
      const bytes = bytesOf(deps.uploads, context.clientKey, request.fileName, request.body);
      return deps.texts.importText({ caseType, fileName: request.fileName, bytes, actor: actorOrNull(context) });
    },
    'corpus.reviewQueue': () => deps.texts.pending(),
    'corpus.review': (request, context) =>
      deps.texts.decide({ ...request, caseType: findCaseType(deps.caseTypes, request.caseType), actor: actorOrNull(context) }),
    'corpus.inbox': () => deps.inbox.config(),
    'corpus.configureInbox': (request, context) => deps.inbox.configure(request, actorOrNull(context)),
    'corpus.scanInbox': (_request, context) => deps.inbox.scan(actorOrNull(context)),
    'corpus.inboxFiles': (request) => deps.inbox.files(request.limit),
    'models.list': (request) => deps.registry.list(request.caseType),
    'models.retrain': (request, context) => deps.registry.retrain(findCaseType(deps.caseTypes, request.caseType), actorOrNull(context), { outcome: request.outcome }),
    'models.schedule': () => deps.registry.retrainSchedule(),
    'models.setSchedule': (request, context) => deps.registry.setRetrainSchedule(findCaseType(deps.caseTypes, request.caseType), request.everyDays, actorOrNull(context)),
    'models.promote': (request, context) => deps.registry.promote(request.sha256, request.reason, actorOrNull(context)),
    'models.rollback': (request, context) => deps.registry.rollback(request.caseType, request.outcome, request.reason, actorOrNull(context)),
  };
}
