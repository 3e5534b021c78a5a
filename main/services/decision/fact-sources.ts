/**
 * Where each fact of a consultation came from (typed by the judge, read from a plain-language question, or proposed
 * from a case document and accepted), as the consultation's audit entry records it: an auditor can tell which facts
 * a judge typed and which came from which document text (by its hash).
 */
import type { FactSource } from '../../contract/index.ts';
import type { CanonicalValue } from '../../../core/canonical-json.ts';
import { DalelError } from '../errors.ts';

/** The source of every fact sent (typed where none is given); a source for a fact that was not sent is refused. */
export function sourcesOfFacts(facts: Readonly<Record<string, unknown>>, sources: Readonly<Record<string, FactSource>>): Record<string, CanonicalValue> {
  const stray = Object.keys(sources).filter((field) => !(field in facts));
  if (stray.length > 0) throw new DalelError('BAD_INPUT', `A source was given for ${stray.join(', ')}, which ${stray.length > 1 ? 'are' : 'is'} not among the facts sent.`, { field: stray[0]! });
  return Object.fromEntries(
    Object.keys(facts)
      .sort()
      .map((field): [string, CanonicalValue] => {
        const source = sources[field] ?? { kind: 'typed' };
        return [field, source.kind === 'document' ? { kind: 'document', evidenceId: source.evidenceId, textSha256: source.textSha256 } : { kind: source.kind }];
      }),
  );
}

/** Finds the case of a stored document text, or null when no text with that hash was stored for the evidence item. */
export type DocumentTextCase = (evidenceId: string, textSha256: string) => string | null;

/** Refuses document sources that are not a stored text of an evidence item of the consulted case. */
export function checkDocumentSources(sources: Readonly<Record<string, FactSource>>, caseId: string | undefined, caseOfText: DocumentTextCase): void {
  for (const [field, source] of Object.entries(sources)) {
    if (source.kind !== 'document') continue;
    if (!caseId) throw new DalelError('BAD_INPUT', `The fact ${field} is said to come from a document, but the consultation names no case.`, { field });
    const owner = caseOfText(source.evidenceId, source.textSha256);
    if (owner !== caseId) throw new DalelError('BAD_INPUT', `The fact ${field} is said to come from a document text that is not stored for this case.`, { field });
  }
}
