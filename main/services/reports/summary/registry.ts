/**
 * Which template module summarises which findings, keyed by the finding's `module`: the forensic modules supply theirs
 * (ForensicRegistry.summaries()), the core its own for manual measurements.
 */
import { genericSummary } from './modules/generic.ts';
import type { SummaryModule } from './summary-types.ts';

/** Template modules by finding module. */
export class SummaryRegistry {
  private readonly modules = new Map<string, SummaryModule>();

  constructor(modules: readonly SummaryModule[]) {
    for (const module of modules) this.register(module);
  }

  /** Adds a module's templates; a second registration for the same module is a programming error. */
  register(module: SummaryModule): void {
    if (this.modules.has(module.module)) throw new Error(`Summary templates for module '${module.module}' are registered twice.`);
    this.modules.set(module.module, module);
  }

  /** The module's templates, or a generic listing for modules without their own. */
  get(module: string): SummaryModule {
    return this.modules.get(module) ?? genericSummary(module);
  }
}
