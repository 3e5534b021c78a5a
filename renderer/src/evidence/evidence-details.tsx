import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evidence } from '../../../main/contract/index.ts';
import { useFormatters } from '../common/format.ts';
import { HashText } from '../common/hash-text.tsx';
import { declaredKindText } from './declared-kind.ts';
import { EvidenceThumbnail } from './evidence-thumbnail.tsx';
import { useDimensionsText } from './use-dimensions-text.ts';

/** Props of EvidenceDetails. */
export interface EvidenceDetailsProps {
  readonly item: Evidence;
}

/** Everything recorded about one evidence item, with its full SHA-256, as a description list. */
export function EvidenceDetails({ item }: EvidenceDetailsProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const dimensions = useDimensionsText(item);
  const facts: readonly [string, ReactNode][] = [
    [t('evidence.name'), item.originalName],
    [t('evidence.kind'), `${t(`evidenceKinds.${item.kind}`)} (${item.mediaType})`],
    [
      t('evidence.declaredAs'),
      declaredKindText(t, format, item.category, item.pixelUm),
    ],
    [t('evidence.size'), item.sizeBytes < 1024 ? format.size(item.sizeBytes) : `${format.size(item.sizeBytes)} (${format.exactBytes(item.sizeBytes)})`],
    [t('evidence.dimensionsHeader'), dimensions],
    [t('evidence.sha256'), <HashText key="hash" value={item.sha256} testId="custody-sha256" />],
    [t('evidence.added'), t('evidence.addedByAt', { user: item.addedBy, at: format.dateTime(item.addedAt) })],
  ];
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3} sx={{ alignItems: 'flex-start' }}>
      <EvidenceThumbnail item={item} size={128} />
      <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 1, minWidth: 0 }}>
        {facts.map(([label, value]) => (
          <Box key={label} sx={{ display: 'contents' }}>
            <Typography component="dt" variant="body2" color="text.secondary">
              {label}
            </Typography>
            <Typography component="dd" variant="body2" sx={{ m: 0, wordBreak: 'break-word' }}>
              {value}
            </Typography>
          </Box>
        ))}
      </Box>
    </Stack>
  );
}
