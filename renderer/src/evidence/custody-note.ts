import { useTranslation } from 'react-i18next';
import type { CustodyDetails, CustodyEvent } from '../../../main/contract/index.ts';
import { useFormatters } from '../common/format.ts';
import { kindLabelKey } from '../forensics/use-catalog.ts';
import { declaredKindText } from './declared-kind.ts';

/**
 * Says what a custody event recorded in the user's language, from its details; an event recorded before details were
 * kept (schema 11) is shown with the English note it was stored with.
 */
export function useCustodyNote(): (event: CustodyEvent) => string {
  const { t } = useTranslation();
  const format = useFormatters();
  const kind = (category: string, pixelUm: number | null) => declaredKindText(t, format, category, pixelUm);
  const sentence = (details: CustodyDetails): string => {
    switch (details.action) {
      case 'received':
        return t('custody.notes.received', { fileName: details.fileName, size: format.exactBytes(details.bytes), sha256: details.sha256, kind: kind(details.category, details.pixelUm) });
      case 'received-again':
        return t('custody.notes.received-again', { fileName: details.fileName });
      case 'kind-declared':
        return t('custody.notes.kind-declared', { kind: kind(details.category, details.pixelUm), previous: t(kindLabelKey(details.previousCategory)) });
      case 'analysed':
        return t('custody.notes.analysed', { method: t(`analysis.modules.${details.method}`, { defaultValue: details.method }), count: format.integer(details.findings) });
      case 'reported':
        return t('custody.notes.reported', { fileName: details.fileName, sha256: details.sha256, entries: format.integer(details.checkpointSize) });
    }
  };
  return (event) => (event.details ? sentence(event.details) : event.note || '—');
}
