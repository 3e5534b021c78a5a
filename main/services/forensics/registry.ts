/**
 * The registered forensic modules, looked up by id: the evidence kinds (the core's own 'document' and 'other' besides
 * the modules'), the methods, the pipelines the analysis process runs, the measurement vocabulary the findings store
 * checks, and the summary templates. Nothing outside a module's folder needs to know which modules exist.
 */
import type { EvidenceKind, ResponseOf } from '../../contract/index.ts';
import { evidenceKinds } from '../../contract/index.ts';
import { DalelError } from '../errors.ts';
import { manualSummary } from '../reports/summary/modules/manual.ts';
import { SummaryRegistry } from '../reports/summary/registry.ts';
import { defaultFractionDigits, type SummaryModule } from '../reports/summary/summary-types.ts';
import type { EvidenceKindDeclaration, FileFacts, ForensicMethod, ForensicModule, ProgressListener } from './module.ts';

/** Evidence kinds the core owns: documents, and anything no module examines. */
const coreKinds: readonly EvidenceKindDeclaration[] = [
  { id: 'document', formats: ['pdf', 'png', 'jpeg', 'tiff'], imagesNeedPixelSize: false, suggest: (f) => (f.format === 'pdf' ? 0.5 : 0) },
  { id: 'other', formats: evidenceKinds, imagesNeedPixelSize: false, suggest: () => 0.01 },
];

/** The catalog the interface reads ('forensics.catalog'). */
export type ForensicCatalog = ResponseOf<'forensics.catalog'>;

/** A unit of heavy work for the analysis process: which module's pipeline, and its payload. */
export interface AnalysisJob {
  readonly module: string;
  /** The pipeline's key in the module's `pipelines` (a method id, or a job of the module's own services). */
  readonly type: string;
  readonly payload: unknown;
}

/** The modules a workstation runs with, indexed. */
export class ForensicRegistry {
  private readonly modulesById = new Map<string, ForensicModule>();
  private readonly kindsById = new Map<string, { readonly kind: EvidenceKindDeclaration; readonly module: string | null }>();
  private readonly methodsById = new Map<string, { readonly method: ForensicMethod; readonly module: ForensicModule }>();

  constructor(readonly modules: readonly ForensicModule[]) {
    for (const kind of coreKinds) this.kindsById.set(kind.id, { kind, module: null });
    for (const module of modules) {
      if (this.modulesById.has(module.id)) throw new Error(`Forensic module '${module.id}' is registered twice.`);
      this.modulesById.set(module.id, module);
      for (const kind of module.evidenceKinds) {
        if (this.kindsById.has(kind.id)) throw new Error(`Evidence kind '${kind.id}' is declared twice.`);
        this.kindsById.set(kind.id, { kind, module: module.id });
      }
      for (const method of module.methods) {
        if (this.methodsById.has(method.id)) throw new Error(`Method '${method.id}' is declared twice.`);
        if (!module.pipelines[method.id]) throw new Error(`Method '${method.id}' has no pipeline in module '${module.id}'.`);
        this.methodsById.set(method.id, { method, module });
      }
    }
  }

  /** An evidence kind, or a VALIDATION error naming it. */
  kind(id: string): EvidenceKindDeclaration {
    const entry = this.kindsById.get(id);
    if (!entry) throw new DalelError('VALIDATION', `No evidence kind '${id}' is known here.`, { field: 'category', category: id });
    return entry.kind;
  }

  /** The kinds a file of this format may be declared as. */
  kindsFor(format: EvidenceKind): string[] {
    return [...this.kindsById.values()].filter((e) => e.kind.formats.includes(format)).map((e) => e.kind.id);
  }

  /** The kind a file most looks like (never a kind its format cannot be). */
  suggest(facts: FileFacts): string {
    let best = 'other';
    let score = 0;
    for (const { kind } of this.kindsById.values()) {
      if (!kind.formats.includes(facts.format)) continue;
      const s = kind.suggest(facts);
      if (s > score) [best, score] = [kind.id, s];
    }
    return best;
  }

  /** A method with its module, or a VALIDATION error naming it. */
  method(id: string): { readonly method: ForensicMethod; readonly module: ForensicModule } {
    const entry = this.methodsById.get(id);
    if (!entry) throw new DalelError('VALIDATION', `No analysis method '${id}' is installed.`, { field: 'module', module: id });
    return entry;
  }

  /** Runs a job's pipeline (in the analysis process, or in-process for the CLI and tests). */
  run(job: AnalysisJob, onProgress: ProgressListener): unknown {
    const pipeline = this.modulesById.get(job.module)?.pipelines[job.type];
    if (!pipeline) throw new DalelError('INTERNAL', `No pipeline '${job.type}' in module '${job.module}'.`);
    return pipeline(job.payload, onProgress);
  }

  /** Measurement keys a method's findings may carry, or null when no method of that id is registered. */
  measurementKeys(methodId: string): ReadonlySet<string> | null {
    const entry = this.methodsById.get(methodId);
    if (!entry) return null;
    return new Set(entry.module.measurementKeys[methodId] ?? []);
  }

  /** Finding kinds a method writes, or null when no method of that id is registered. */
  findingKinds(methodId: string): ReadonlySet<string> | null {
    const entry = this.methodsById.get(methodId);
    if (!entry) return null;
    return new Set(entry.module.findingKinds[methodId] ?? []);
  }

  /** The summary templates: the core's (manual measurements) and each module's. */
  summaries(): SummaryRegistry {
    return new SummaryRegistry(this.summaryModules());
  }

  private summaryModules(): SummaryModule[] {
    return [manualSummary, ...this.modules.flatMap((m) => m.summaries)];
  }

  /** What the interface offers: kinds with their formats, methods with their accepted kinds and arity. */
  catalog(): ForensicCatalog {
    return {
      kinds: [...this.kindsById.values()].map(({ kind, module }) => ({ id: kind.id, module, formats: [...kind.formats], imagesNeedPixelSize: kind.imagesNeedPixelSize })),
      methods: [...this.methodsById.values()].map(({ method, module }) => ({ id: method.id, module: module.id, acceptedKinds: [...method.acceptedKinds], arity: { ...method.arity } })),
      measurementDigits: {
        default: defaultFractionDigits,
        byModule: Object.fromEntries(this.summaryModules().map((s) => [s.module, { ...s.fractionDigits }])),
      },
    };
  }
}
