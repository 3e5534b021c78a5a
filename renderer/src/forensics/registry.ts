/** The interface's forensic modules: one line per module, beside the services' forensics/modules.ts. */
import { ballisticsRenderer } from './ballistics/ballistics-renderer.tsx';
import type { MethodFields, RendererModule } from './renderer-module.ts';

/** Every module the interface shows. */
export const rendererModules: readonly RendererModule[] = [
  ballisticsRenderer,
];

/** A method's extra Compare-dialog fields, or null when it needs none. */
export function methodFields(methodId: string): MethodFields | null {
  for (const module of rendererModules) {
    const fields = module.methodFields[methodId];
    if (fields) return fields;
  }
  return null;
}
