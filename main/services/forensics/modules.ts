/** The forensic modules this workstation ships: one line per module (see module.ts for what a module declares). */
import { ballisticsModule } from './ballistics/ballistics-module.ts';
import { handwritingModule } from './handwriting/handwriting-module.ts';
import { drugsModule } from './drugs/drugs-module.ts';
import type { ForensicModule } from './module.ts';
import { ForensicRegistry } from './registry.ts';

/** Every shipped module, in the order the interface lists them. */
export const shippedModules: readonly ForensicModule[] = [
  ballisticsModule,
  handwritingModule,
  drugsModule,
];

/** A registry of the shipped modules (the analysis process and the CLI build their own from here). */
export function shippedRegistry(): ForensicRegistry {
  return new ForensicRegistry(shippedModules);
}
