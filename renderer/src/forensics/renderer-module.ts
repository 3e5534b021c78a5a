/**
 * What a forensic module adds to the interface: the extra fields its methods need in the Compare dialog (beyond the
 * items and their pixel sizes, which every method gets), each with its check and what it adds to 'analysis.start'.
 * Labels come from i18n: 'forensics.kinds.<kind id>' and 'analysis.modules.<method id>'.
 */
import type { TFunction } from 'i18next';
import type { ComponentType } from 'react';
import type { Evidence, RequestOf } from '../../../main/contract/index.ts';

/** What a method's extra fields add to the 'analysis.start' request. */
export type StartOptions = Pick<RequestOf<'analysis.start'>, 'bulletASize' | 'parameters'>;

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
  /** What the state adds to the request. */
  options(value: string): StartOptions;
  readonly Fields: ComponentType<MethodFieldsProps>;
}

/** A module's part of the interface. */
export interface RendererModule {
  readonly id: string;
  /** Extra Compare-dialog fields by method id (methods without an entry need none). */
  readonly methodFields: Readonly<Record<string, MethodFields>>;
}
