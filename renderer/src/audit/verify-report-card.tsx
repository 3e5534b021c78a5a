import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import GppBadIcon from '@mui/icons-material/GppBad';
import GppGoodIcon from '@mui/icons-material/GppGood';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { VerifyReportView } from '../../../main/contract/index.ts';
import { FactList } from '../common/fact-list.tsx';
import { useFormatters } from '../common/format.ts';
import { HashText } from '../common/hash-text.tsx';
import { VerifyProblemsTable } from './verify-problems-table.tsx';

/** A verification as the panel keeps it: which file, when, and the verifier's report. */
export interface VerificationRecord {
  readonly fileName: string;
  readonly at: string;
  readonly report: VerifyReportView;
}

/** Props of VerifyReportCard. */
export interface VerifyReportCardProps {
  readonly record: VerificationRecord;
  /** This workstation's signing-key fingerprint, to say whether the bundle was signed here. */
  readonly workstationFingerprint: string | null;
}

/** The verdict on a bundle, VALID or INVALID in large type, then what was checked, every problem and every passed check. */
export function VerifyReportCard({ record, workstationFingerprint }: VerifyReportCardProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { report } = record;
  const colour = report.valid ? 'success' : 'error';
  const fingerprint = report.keyFingerprint;
  return (
    <Paper variant="outlined" sx={{ p: 3, borderWidth: 2, borderColor: `${colour}.main` }} data-testid="verify-report" aria-live="polite">
      <Stack spacing={2}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          {report.valid ? <GppGoodIcon color="success" sx={{ fontSize: 56 }} aria-hidden /> : <GppBadIcon color="error" sx={{ fontSize: 56 }} aria-hidden />}
          <div>
            <Typography variant="h3" component="p" sx={{ color: `${colour}.main`, fontWeight: 700, letterSpacing: 2, lineHeight: 1.1 }} data-testid="verify-verdict" data-valid={String(report.valid)}>
              {report.valid ? t('audit.verify.valid') : t('audit.verify.invalid')}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {t('audit.verify.verifiedAt', { file: record.fileName, at: format.dateTime(record.at) })}
            </Typography>
          </div>
        </Stack>
        <Typography>{report.valid ? t('audit.verify.validSummary') : t('audit.verify.invalidSummary', { number: report.problems.length })}</Typography>
        <FactList
          facts={[
            { label: t('audit.origin'), value: report.origin ?? '—' },
            { label: t('audit.proof.treeSize'), value: report.treeSize === null ? '—' : format.integer(report.treeSize) },
            {
              label: t('audit.verify.entries'),
              value:
                report.selectedEntries === undefined || report.selectedEntries === null
                  ? format.integer(report.entries)
                  : t('audit.verify.entriesWithExport', { entries: format.integer(report.entries), selected: format.integer(report.selectedEntries) }),
              testId: 'verify-entries',
            },
            {
              label: t('audit.fingerprint'),
              value:
                fingerprint === null ? (
                  '—'
                ) : (
                  <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
                    <HashText value={fingerprint} testId="verify-fingerprint" />
                    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
                      <Chip
                        size="small"
                        variant="outlined"
                        color={report.keyTrusted ? 'success' : 'warning'}
                        label={report.keyTrusted ? t('audit.verify.keyTrusted') : t('audit.verify.keyFromBundle')}
                      />
                      {workstationFingerprint !== null && (
                        <Chip
                          size="small"
                          variant="outlined"
                          color={fingerprint === workstationFingerprint ? 'success' : 'default'}
                          label={fingerprint === workstationFingerprint ? t('audit.verify.keyMatches') : t('audit.verify.keyDiffers')}
                          data-testid="verify-key-match"
                        />
                      )}
                    </Stack>
                  </Stack>
                ),
            },
          ]}
        />
        {report.problems.length > 0 && (
          <div>
            <Typography variant="h6" component="h3" sx={{ color: 'error.main' }}>
              {t('audit.verify.problems', { number: report.problems.length })}
            </Typography>
            <VerifyProblemsTable problems={report.problems} />
          </div>
        )}
        <div>
          <Typography variant="h6" component="h3">
            {t('audit.verify.passed', { number: report.passed.length })}
          </Typography>
          <List dense disablePadding data-testid="verify-passed">
            {report.passed.map((check) => (
              <ListItem key={check} disableGutters>
                <ListItemIcon sx={{ minWidth: 32 }}>
                  <CheckCircleIcon color="success" fontSize="small" aria-hidden />
                </ListItemIcon>
                <ListItemText primary={check} slotProps={{ primary: { lang: 'en' } }} />
              </ListItem>
            ))}
          </List>
          <Typography variant="caption" color="text.secondary">
            {t('audit.verify.inEnglish')}
          </Typography>
        </div>
      </Stack>
    </Paper>
  );
}
