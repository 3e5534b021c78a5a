import type { TFunction } from 'i18next';
import type { Formatters } from '../common/format.ts';
import { kindLabelKey } from '../forensics/use-catalog.ts';

/** What an item is declared evidence of, by name, with its pixel size where one was declared (in the user's number format). */
export function declaredKindText(t: TFunction, format: Formatters, category: string, pixelUm: number | null): string {
  const kind = t(kindLabelKey(category));
  return pixelUm === null ? kind : t('evidence.declaredWithScale', { kind, pixelUm: format.measured(pixelUm) });
}
