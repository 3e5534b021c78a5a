import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../common/format.ts';

/** Props of ExportProgress. */
export interface ExportProgressProps {
  readonly done: number;
  /** Entries to write; null until the services report it (the selection is recorded and signed first). */
  readonly total: number | null;
}

/** The export's progress bar: determinate once the number of entries is known, with "N of M entries written". */
export function ExportProgress({ done, total }: ExportProgressProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const percent = total === null ? null : total === 0 ? 100 : Math.min(100, (done / total) * 100);
  const text = total === null ? t('audit.exporting.preparing') : t('audit.exporting.progress', { done: format.integer(done), total: format.integer(total) });
  return (
    <Box data-testid="export-progress" data-percent={percent === null ? undefined : Math.round(percent)}>
      <Typography variant="body2" sx={{ mb: 0.5 }} aria-live="polite">
        {text}
      </Typography>
      {percent === null ? (
        <LinearProgress aria-label={t('audit.exporting.progressLabel')} />
      ) : (
        <LinearProgress variant="determinate" value={percent} aria-label={t('audit.exporting.progressLabel')} />
      )}
    </Box>
  );
}
