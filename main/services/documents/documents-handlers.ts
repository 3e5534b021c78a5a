/** The case-document channels bound to the document-text service. */
import { DocumentTextSchema, type DocumentTextView, type RequestChannel } from '../../contract/index.ts';
import type { Handlers } from '../dispatcher.ts';
import { DalelError } from '../errors.ts';
import { actorOf } from '../sessions.ts';
import type { DocumentText, DocumentTextService } from './document-texts.ts';

/** The stored text as the contract sends it (the service's readonly arrays, checked against the schema). */
const view = (text: DocumentText): DocumentTextView => DocumentTextSchema.parse(text);

type DocumentsChannel = Extract<RequestChannel, `documents.${string}`>;

/** The channels of case documents. */
export function createDocumentsHandlers(documents: DocumentTextService): Pick<Handlers, DocumentsChannel> {
  return {
    'documents.recognise': (request, context) => {
      if (!context.session) throw new DalelError('UNAUTHENTICATED', 'Please log in.');
      return documents.recognise(request.evidenceId, actorOf(context.session), { language: request.language }).then(view);
    },
    'documents.text': (request) => {
      const stored = documents.latest(request.evidenceId);
      return stored ? view(stored) : null;
    },
    'documents.search': (request) => documents.search(request.caseId, request.query),
    'documents.facts': (request) => {
      const proposed = documents.proposeFacts(request.evidenceId, request.caseType);
      return { ...proposed, facts: proposed.facts.map((f) => ({ ...f, span: { ...f.span }, boxes: f.boxes.map((b) => ({ ...b })) })) };
    },
  };
}
