import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../../main/contract/index.ts';
import { useFormatters } from '../common/format.ts';

/** Props of CaseSummary. */
export interface CaseSummaryProps {
  readonly item: Case;
}

/** The particulars of a case at the top of its view. */
export function CaseSummary({ item }: CaseSummaryProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const facts: readonly [string, string][] = [
    [t('cases.venue'), item.venue],
    [t('cases.parties'), item.parties || '—'],
    [t('cases.created'), t('cases.createdByAt', { user: item.createdBy, at: format.dateTime(item.createdAt) })],
    [t('cases.evidenceCount'), format.integer(item.evidenceCount)],
  ];
  return (
    <Paper variant="outlined" sx={{ p: 3 }} data-testid="case-summary">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2, flexWrap: 'wrap' }}>
        <Typography variant="h4" component="h1" data-testid="case-title">
          {t('cases.caseNumber', { number: item.number })}
        </Typography>
        <Chip label={t(`caseTypes.${item.caseType}`)} color="primary" variant="outlined" />
      </Stack>
      <Stack component="dl" direction={{ xs: 'column', md: 'row' }} spacing={{ xs: 1, md: 4 }} sx={{ m: 0 }}>
        {facts.map(([label, value]) => (
          <div key={label}>
            <Typography component="dt" variant="caption" color="text.secondary">
              {label}
            </Typography>
            <Typography component="dd" sx={{ m: 0, whiteSpace: 'pre-wrap' }}>
              {value}
            </Typography>
          </div>
        ))}
      </Stack>
    </Paper>
  );
}
