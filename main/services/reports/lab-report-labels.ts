/** The fixed wording of the lab report PDF in each language; the summary brings its own. */
import type { caseTypes } from '../../contract/index.ts';
import type { SummaryLanguage } from './summary/summary-types.ts';
// Translators edit the JSON; the type below checks at compile time that every language names every label.
import wording from './lab-report-labels.json' with { type: 'json' };

/** The report's fixed wording in one language. */
export interface LabReportLabels {
  readonly title: string;
  readonly caseNumber: string;
  readonly venue: string;
  readonly caseType: string;
  /** Names of the case types, as the interface shows them. */
  readonly caseTypes: Readonly<Record<(typeof caseTypes)[number], string>>;
  readonly parties: string;
  readonly evidence: string;
  readonly evidenceName: string;
  readonly evidenceKind: string;
  readonly evidenceSize: string;
  readonly bytes: string;
  readonly images: string;
  readonly findings: string;
  readonly noFindings: string;
  readonly finding: string;
  readonly originLabel: string;
  readonly recorded: string;
  readonly origin: Readonly<Record<'model' | 'model-edited' | 'manual', string>>;
  readonly measurements: string;
  readonly threshold: string;
  readonly conclusion: string;
  readonly none: string;
  /** A finding that records measurements without drawing a conclusion ("none" alone would read as a negative one). */
  readonly noConclusion: string;
  readonly provenance: string;
  readonly inputs: string;
  readonly review: string;
  readonly notReviewed: string;
  readonly decisions: Readonly<Record<'accepted' | 'rejected' | 'amended', string>>;
  readonly reason: string;
  readonly reviewer: string;
  readonly amendmentOf: string;
  readonly supersededBy: string;
  readonly summary: string;
  readonly signatures: string;
  readonly reviewState: string;
  readonly states: Readonly<Record<'draft' | 'in-review' | 'verified' | 'signed', string>>;
  readonly noSignatures: string;
  readonly signatureNotCurrent: string;
  readonly meanings: Readonly<Record<'reviewed' | 'technical-review' | 'approved', string>>;
  readonly auditEntry: string;
  readonly checkpoint: string;
  readonly checkpointCovers: string;
  readonly treeSize: string;
  readonly rootHash: string;
  readonly keyId: string;
  readonly signedAt: string;
  readonly signedNote: string;
  readonly generated: string;
  readonly page: string;
  readonly notDrawable: string;
  /** Across every page of a report whose case is not signed. */
  readonly draftWatermark: string;
  readonly draftNotice: string;
  /** In the top margin of every page of an unsigned report. */
  readonly draftHeader: string;
  /** A finding the expert made (a manual measurement or an amendment): creating it was the decision. */
  readonly ownWork: string;
  readonly method: string;
  readonly parameters: string;
  readonly automatic: string;
  readonly valuesFromTo: string;
  readonly otherParameters: string;
  readonly preprocessing: string;
  readonly modelHash: string;
  readonly covers: string;
  readonly coversFindings: string;
  readonly coversEvidence: string;
  readonly coverageNotRecorded: string;
  readonly notCovered: string;
  /** Names of the analysis methods, by provenance algorithm. */
  readonly methods: Readonly<Record<string, string>>;
  /** Names of the analysis parameters, by parameter key. */
  readonly parameterNames: Readonly<Record<string, string>>;
}

/** Report wording by language. */
export const labReportLabels: Readonly<Record<SummaryLanguage, LabReportLabels>> = wording;
