/**
 * The seam every forensic module plugs into (ballistics today, handwriting and drug tests next). A module declares the
 * evidence kinds it accepts, its methods (the job types an expert starts, each with a parameter schema, a domain and
 * sanity check, the pure pipeline run in the analysis process and the conversion of its output into a result, finding
 * drafts and stored blobs), the finding kinds and measurement keys it writes, its summary templates, and any further
 * pipelines its own services run (a library search). The analysis runner, findings, review, summary, report and audit
 * code only ever see these declarations: adding a module is a folder and one line in modules.ts.
 */
import type { z } from 'zod';
import type { EvidenceKind } from '../../contract/index.ts';
import type { CanonicalValue } from '../../../core/canonical-json.ts';
import type { FindingDraft } from '../findings/finding-draft.ts';
import type { SummaryModule } from '../reports/summary/summary-types.ts';

/** Told as a job advances: fraction done (0…1) and a stage id (translated by the interface). */
export type ProgressListener = (progress: number, stage: string) => void;

/** What intake knows of a file before anyone declares what it is evidence of. */
export interface FileFacts {
  readonly name: string;
  readonly format: EvidenceKind;
  readonly width: number | null;
  readonly height: number | null;
}

/** A kind of evidence a module examines (a cartridge-case scan, a bullet land, a handwriting page). */
export interface EvidenceKindDeclaration {
  /** Stable id stored with each item, '<module>.<kind>', e.g. 'ballistics.cartridge-case'. */
  readonly id: string;
  /** File formats an item of this kind may be. */
  readonly formats: readonly EvidenceKind[];
  /** Whether a 2D image of this kind needs its lateral pixel size (µm) declared: images carry no scale. */
  readonly imagesNeedPixelSize: boolean;
  /** How strongly (0…1) a file looks like this kind; the highest suggestion above 0 is offered at intake. */
  suggest(facts: FileFacts): number;
}

/** One evidence item as a method receives it: its file, declared kind and declared pixel size. */
export interface MethodInput {
  readonly evidenceId: string | null;
  readonly name: string;
  readonly sha256: string;
  readonly format: EvidenceKind;
  /** The evidence kind declared at intake (or corrected since). */
  readonly category: string;
  /** Declared (or given for this run) lateral pixel size of a 2D image, µm. */
  readonly pixelUm: number | null;
  readonly bytes: Uint8Array;
}

/** What a method's `prepare` hands back: the job payload and the parameters recorded with the run. */
export interface PreparedJob {
  readonly payload: unknown;
  readonly parameters: Readonly<Record<string, unknown>>;
}

/** A blob a finished run keeps in the content store (a processed surface the viewer draws later). */
export interface StoredBlob {
  readonly sha256: string;
  readonly bytes: Uint8Array;
}

/** A pipeline's output turned into what the core stores: the result, the findings, blobs and the audit summary. */
export interface MethodRecord {
  /** The full result, as stored (JSON) and returned by 'analysis.result'; already valid under the method's schema. */
  readonly result: { readonly kind: string } & Readonly<Record<string, unknown>>;
  readonly drafts: readonly FindingDraft[];
  readonly blobs: readonly StoredBlob[];
  /** Content hashes the audit entry names as outputs beside the result (processed surfaces…). */
  readonly outputs: Readonly<Record<string, string>>;
  /** The few values the 'analysis.finished' audit entry states (canonical JSON: integers or text). */
  readonly summary: Readonly<Record<string, CanonicalValue>>;
  /** Data sanity findings that did not refuse the run (marginal data): audit-logged, never turned into a conclusion. */
  readonly warnings: readonly string[];
  readonly provenance: {
    readonly algorithm: string;
    readonly version: string;
    readonly parameters: Readonly<Record<string, unknown>>;
    readonly inputs: ReadonlyArray<{ readonly name: string; readonly sha256: string; readonly evidenceId: string | null }>;
    readonly software: Readonly<Record<string, string>>;
  };
}

/** What a method states beside its result and drafts; blobs, outputs and warnings default to none. */
export type MethodRecordParts = Pick<MethodRecord, 'summary'> & Partial<Pick<MethodRecord, 'blobs' | 'outputs' | 'warnings'>>;

/** A method's record of a result: its drafts and parts, with the result's own provenance. */
export function methodRecord(result: MethodRecord['result'] & { readonly provenance: MethodRecord['provenance'] }, drafts: readonly FindingDraft[], parts: MethodRecordParts): MethodRecord {
  return { result, drafts, blobs: parts.blobs ?? [], outputs: parts.outputs ?? {}, summary: parts.summary, warnings: parts.warnings ?? [], provenance: result.provenance };
}

/** An analysis an expert starts on evidence items; its id is the run's (and its findings') `module`. */
export interface ForensicMethod {
  /** Stable id, '<module>.<method>', stored with runs and findings: never renamed. */
  readonly id: string;
  readonly algorithm: { readonly name: string; readonly version: string };
  /** Evidence kinds (declaration ids) the method was validated on; anything else is refused. */
  readonly acceptedKinds: readonly string[];
  /** How many items one run takes. */
  readonly arity: { readonly min: number; readonly max: number };
  /** The method's options (overridable parameters and what else it needs, e.g. how the items split in two sides). */
  readonly options: z.ZodType<Readonly<Record<string, unknown>>>;
  /** The result schema: what `record` produces and 'analysis.result' returns. */
  readonly resultSchema: z.ZodType<{ readonly kind: string }>;
  /**
   * Checks the inputs are what the method was validated on (kinds, formats, pixel sizes) and sane (heights, missing
   * values, scale), then builds the job payload. Refuses with BAD_INPUT naming the file and the reason.
   */
  prepare(inputs: readonly MethodInput[], options: Readonly<Record<string, unknown>>): PreparedJob;
  /** Turns the pipeline's output (from `pipelines[id]`) into what is stored. */
  record(output: unknown): MethodRecord;
}

/** A forensic module: one folder under main/services/forensics/, registered by one line in modules.ts. */
export interface ForensicModule {
  /** Short id, the prefix of its kinds, methods and measurement keys' owner ('ballistics'). */
  readonly id: string;
  readonly evidenceKinds: readonly EvidenceKindDeclaration[];
  readonly methods: readonly ForensicMethod[];
  /**
   * The pure pipelines run in the analysis process, by job type: one per method id, plus any the module's own
   * services start (a library search). Payload in, output out (structured-clonable both ways).
   */
  readonly pipelines: Readonly<Record<string, (payload: unknown, onProgress: ProgressListener) => unknown>>;
  /** Finding kinds its methods write, by method id. */
  readonly findingKinds: Readonly<Record<string, readonly string[]>>;
  /** Measurement keys its findings may carry, by method id; the findings store refuses any other. */
  readonly measurementKeys: Readonly<Record<string, readonly string[]>>;
  /** How its findings are summarised, one per method id. */
  readonly summaries: readonly SummaryModule[];
}
