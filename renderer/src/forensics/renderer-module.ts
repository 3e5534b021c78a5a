/**
 * What a forensic module adds to the interface: the extra fields its methods need in the Compare dialog (beyond the
 * items and their pixel sizes, which every method gets), each with its check and what it adds to 'analysis.start'.
 * Labels come from i18n: 'forensics.kinds.<kind id>' and 'analysis.modules.<method id>'.
 */
import type { TFunction } from 'i18next';
import type { ComponentType } from 'react';
import type { Evidence, ModuleResult, RequestOf } from '../../../main/contract/index.ts';

/** What a method's extra fields add to the 'analysis.start' request. */
export type StartOptions = Partial<Pick<RequestOf<'analysis.start'>, 'evidenceIds'>> & Pick<RequestOf<'analysis.start'>, 'bulletASize' | 'parameters' | 'script' | 'methodOptions'>;

/** Props of a method's extra Compare-dialog fields. */
export interface MethodFieldsProps {
  readonly items: readonly Evidence[];
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** Set once the expert tried to start: show problems from then on. */
  readonly checked: boolean;
  readonly problem: string | null;
}

/** A method's Compare-dialog fields, as a module declares them. */
export interface MethodFields {
  /** The fields' state when the dialog opens. */
  initial(items: readonly Evidence[]): string;
  /** What is wrong with the state (translated), or null. */
  problem(value: string, items: readonly Evidence[], t: TFunction): string | null;
  /** What the state adds to the request; `evidenceIds` where the method reads the items in an order of its own (the questioned page last). */
  options(value: string, items: readonly Evidence[]): StartOptions;
  readonly Fields: ComponentType<MethodFieldsProps>;
}

/** Props of a module's panels below the comparison viewer's panes. */
export interface ViewerPanelProps {
  /** The run's result (its `kind` chose the panel; the panel parses it with its module's schema). */
  readonly result: ModuleResult;
  /** The pair of parts the panes show (a bullet's land pair), and how to choose another. */
  readonly selection: readonly [number, number];
  readonly onSelect: (selection: readonly [number, number]) => void;
  /** The names of what the two panes show. */
  readonly labels: { readonly a: string; readonly b: string };
}

/** Props of a module's own viewer for a run that is not a comparison of surfaces (a photo read for colours). */
export interface RunViewerProps {
  readonly runId: string;
  /** The run's case, given only when the user may start analyses: a viewer may then offer a corrected run of the same evidence. */
  readonly caseId?: string;
  readonly evidenceIds: readonly string[];
  /** Area width and height in CSS pixels. */
  readonly width: number;
  readonly height: number;
}

/** A module's part of the interface. */
export interface RendererModule {
  readonly id: string;
  /** Extra Compare-dialog fields by method id (methods without an entry need none). */
  readonly methodFields: Readonly<Record<string, MethodFields>>;
  /** Panels the comparison viewer shows below its panes, by result kind. */
  readonly viewerPanels: Readonly<Record<string, ComponentType<ViewerPanelProps>>>;
  /** Whole viewers by method id, used instead of the comparison viewer for those methods' runs. */
  readonly runViewers?: Readonly<Record<string, ComponentType<RunViewerProps>>>;
  /**
   * By finding kind, the conclusions an expert may choose when amending a finding (codes, shown in words from
   * i18n 'conclusions.<code>'); kinds without an entry take no coded conclusion.
   */
  readonly conclusions?: Readonly<Record<string, readonly string[]>>;
  /**
   * By method id, how a run and its findings name the items they are about (their file names, in the run's order)
   * where the order means something, e.g. the known pages and the questioned one; other methods list the names.
   */
  readonly evidenceLines?: Readonly<Record<string, (names: readonly string[], t: TFunction) => string>>;
}
