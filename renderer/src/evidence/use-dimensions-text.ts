import { useTranslation } from 'react-i18next';
import type { Evidence } from '../../../main/contract/index.ts';

/** "width × height px, N-bit" for images and surfaces; a dash for documents without a pixel grid. */
export function useDimensionsText(item: Evidence): string {
  const { t } = useTranslation();
  const parts: string[] = [];
  if (item.width !== null && item.height !== null) parts.push(t('evidence.dimensions', { width: item.width, height: item.height }));
  if (item.bitDepth !== null) parts.push(t('evidence.bitDepth', { bits: item.bitDepth }));
  return parts.length > 0 ? parts.join(', ') : '—';
}
