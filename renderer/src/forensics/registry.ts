/** The interface's forensic modules: one line per module, beside the services' forensics/modules.ts. */
import { ballisticsRenderer } from './ballistics/ballistics-renderer.tsx';
import { drugsRenderer } from './drugs/drugs-renderer.tsx';
import { handwritingRenderer } from './handwriting/handwriting-renderer.tsx';
import type { TFunction } from 'i18next';
import { createElement, type ComponentType, type ReactNode } from 'react';
import type { MethodFields, RendererModule, RunViewerProps, ViewerPanelProps } from './renderer-module.ts';

/** Every module the interface shows. */
export const rendererModules: readonly RendererModule[] = [
  ballisticsRenderer,
  handwritingRenderer,
  drugsRenderer,
];

/** The conclusions an expert may choose for a finding of this kind, or null when its conclusion is not coded. */
export function conclusionChoices(findingKind: string): readonly string[] | null {
  for (const module of rendererModules) {
    const choices = module.conclusions?.[findingKind];
    if (choices) return choices;
  }
  return null;
}

/**
 * The line that names the items a run of this method (or its finding) is about, from their file names in order: the
 * module's own wording where it has one ("Known: … → questioned: …"), else "Items: a · b".
 */
export function evidenceLine(methodId: string, names: readonly string[], t: TFunction): string {
  for (const module of rendererModules) {
    const line = module.evidenceLines?.[methodId];
    if (line) return line(names, t);
  }
  return t('findings.items', { items: names.join(' · ') });
}

/** A method's extra Compare-dialog fields, or null when it needs none. */
export function methodFields(methodId: string): MethodFields | null {
  for (const module of rendererModules) {
    const fields = module.methodFields[methodId];
    if (fields) return fields;
  }
  return null;
}

/**
 * The panels a module draws below the viewer's panes for a result of its kind, or nothing. Each kind maps to one
 * component declared once in its module, so its state survives re-renders.
 */
export function moduleViewerPanels(props: ViewerPanelProps): ReactNode {
  for (const module of rendererModules) {
    const panel = module.viewerPanels[props.result.kind];
    if (panel) return createElement(panel, props);
  }
  return null;
}

/** A module's own viewer for a run of this method, or null (the comparison viewer shows it). */
export function moduleRunView(methodId: string, props: RunViewerProps): ReactNode | null {
  for (const module of rendererModules) {
    const viewer: ComponentType<RunViewerProps> | undefined = module.runViewers?.[methodId];
    if (viewer) return createElement(viewer, props);
  }
  return null;
}
