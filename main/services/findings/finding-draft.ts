/**
 * The one interface through which analysis modules hand their results to the findings store: ballistics today,
 * handwriting and drug tests later. A module turns its result into drafts; the store gives them ids, keeps overlays in
 * the content-addressed store, audit-logs them, and makes them reviewable.
 */
import type { Finding, Measurement, Provenance } from '../../contract/index.ts';
import type { Actor } from '../sessions.ts';

/** An image a module attaches to a finding (an overlay, a plot), not yet stored. */
export interface OverlayDraft {
  readonly name: string;
  readonly mediaType: string;
  readonly bytes: Uint8Array;
}

/** A finding as a module produces it, before it has an id, a reviewer or an audit entry. */
export interface FindingDraft {
  readonly module: string;
  readonly kind: string;
  readonly evidenceIds: readonly string[];
  readonly measurements: readonly Measurement[];
  readonly conclusion: string | null;
  readonly provenance: Provenance;
  readonly overlays: readonly OverlayDraft[];
}

/** Where modules record what they found; implemented by the findings service. */
export interface FindingSink {
  /** Stores a run's findings with origin 'model', all or none, and returns them as stored. */
  addModelFindings(caseId: string, runId: string, drafts: readonly FindingDraft[], actor: Actor): Finding[];
}
