import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../common/format.ts';
import type { Finding } from '../../../main/contract/index.ts';
import { algorithmName, conclusionText, measurementText } from './finding-text.ts';
import type { MeasurementDigits } from './measurement-digits.ts';

/** Props of FindingRow. */
export interface FindingRowProps {
  readonly finding: Finding;
  /** The finding this one amends, shown beneath it (the original is kept, never overwritten). */
  readonly original: Finding | null;
  readonly selected: boolean;
  readonly digits: MeasurementDigits;
  /** The line naming the items the finding is about, by file (null while their names are not known). */
  readonly items: string | null;
  /** Null where the role may not review or the case is signed. */
  readonly actions: { readonly accept: () => void; readonly reject: () => void; readonly amend: () => void } | null;
  readonly onSelect: () => void;
}

const originColour = { model: 'info', 'model-edited': 'warning', manual: 'secondary' } as const;

/** One finding: kind, key measurements, conclusion, origin chip, review state and the expert's decisions. */
export function FindingRow({ finding, original, selected, digits, items, actions, onSelect }: FindingRowProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const review = finding.review;
  // A manual measurement or an amendment counts as decided by its making (review-state.ts); say so, not "Not decided".
  const ownWork = !review && (finding.origin !== 'model' || finding.supersedes !== null);
  return (
    <Box
      onClick={onSelect}
      data-testid={`finding-row-${finding.id}`}
      data-selected={selected}
      aria-selected={selected}
      role="option"
      sx={{ p: 1.5, border: 1, borderColor: selected ? 'primary.main' : 'divider', borderRadius: 1, cursor: 'pointer', bgcolor: selected ? 'action.selected' : undefined }}
    >
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography sx={{ fontWeight: 600 }}>{t(`findings.kinds.${finding.kind}`, { defaultValue: finding.kind })}</Typography>
        <Chip size="small" color={originColour[finding.origin]} label={t(`findings.origins.${finding.origin}`)} data-testid={`finding-origin-${finding.id}`} />
        <Chip
          size="small"
          variant="outlined"
          color={review?.decision === 'accepted' || ownWork ? 'success' : review?.decision === 'rejected' ? 'error' : 'default'}
          label={review ? t(`findings.decisions.${review.decision}`) : ownWork ? t('findings.ownWork') : t('findings.undecided')}
          data-testid={`finding-state-${finding.id}`}
        />
      </Stack>
      {items && (
        <Typography variant="body2" color="text.secondary" data-testid={`finding-items-${finding.id}`} sx={{ overflowWrap: 'anywhere' }}>
          {items}
        </Typography>
      )}
      <Typography variant="body2" data-testid={`finding-measurements-${finding.id}`}>
        {finding.measurements.slice(0, 4).map((m) => measurementText(t, m, format, digits(finding.module, m.key))).join(' · ')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('findings.conclusion', { conclusion: conclusionText(t, finding.conclusion) })}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="p" data-testid={`finding-provenance-${finding.id}`}>
        {t('findings.provenance', { algorithm: algorithmName(t, finding.provenance.algorithm), version: finding.provenance.version, by: finding.createdBy })}
      </Typography>
      {review?.reason && (
        <Typography variant="caption" color="text.secondary" component="p">
          {t('findings.reason', { reason: review.reason, reviewer: review.reviewer })}
        </Typography>
      )}
      {original && (
        <Box sx={{ mt: 1, pl: 1.5, borderLeft: 3, borderColor: 'warning.main' }} data-testid={`finding-original-${finding.id}`}>
          <Typography variant="caption" color="text.secondary" component="p">
            {t('findings.amends', { reason: original.review?.reason ?? '', reviewer: original.review?.reviewer ?? '' })}
          </Typography>
          <Typography variant="body2" sx={{ textDecoration: 'line-through' }}>
            {original.measurements.slice(0, 4).map((m) => measurementText(t, m, format, digits(original.module, m.key))).join(' · ')}
          </Typography>
          <Typography variant="body2" sx={{ textDecoration: 'line-through' }} color="text.secondary">
            {conclusionText(t, original.conclusion)}
          </Typography>
        </Box>
      )}
      {actions && (
        <Stack direction="row" spacing={1} sx={{ mt: 1 }} onClick={(event) => event.stopPropagation()}>
          <Button size="small" color="success" variant={review?.decision === 'accepted' ? 'contained' : 'outlined'} onClick={actions.accept} data-testid={`finding-accept-${finding.id}`}>
            {t('findings.accept')}
          </Button>
          <Button size="small" color="error" variant="outlined" onClick={actions.reject} data-testid={`finding-reject-${finding.id}`}>
            {t('findings.reject')}
          </Button>
          <Button size="small" variant="outlined" onClick={actions.amend} disabled={finding.measurements.length === 0} data-testid={`finding-amend-${finding.id}`}>
            {t('findings.amend')}
          </Button>
        </Stack>
      )}
    </Box>
  );
}
