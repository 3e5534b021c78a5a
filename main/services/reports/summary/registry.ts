/** Which template module summarises which findings: one entry per analysis module, keyed by the finding's `module`. */
import { bulletSummary } from './modules/bullet.ts';
import { cartridgeCaseSummary } from './modules/cartridge-case.ts';
import { genericSummary } from './modules/generic.ts';
import { manualSummary } from './modules/manual.ts';
import type { SummaryModule } from './summary-types.ts';

/** Template modules by finding module; handwriting and drug tests plug in by registering theirs. */
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

/** The template modules this workstation ships. */
export function defaultSummaryRegistry(): SummaryRegistry {
  return new SummaryRegistry([cartridgeCaseSummary, bulletSummary, manualSummary]);
}
