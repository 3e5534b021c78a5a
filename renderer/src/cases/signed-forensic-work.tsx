import DownloadIcon from '@mui/icons-material/Download';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseReview, Finding, Role } from '../../../main/contract/index.ts';
import { mayUse } from '../api/access.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useFormatters } from '../common/format.ts';
import { saveBytes } from '../common/save-file.ts';
import { useLoaded } from '../common/use-loaded.ts';
import { isLanguage } from '../i18n/languages.ts';
import { useEvidenceNames } from '../evidence/use-evidence-names.ts';
import { FindingsPanel } from '../review/findings-panel.tsx';
import { SummaryPanel } from '../review/summary-panel.tsx';

/** Props of SignedForensicWork. */
export interface SignedForensicWorkProps {
  readonly caseId: string;
  readonly role: Role;
}

/** The signatures that sign the current findings (a reopened case's older signatures no longer do). */
function currentSignatures(review: CaseReview): CaseReview['signatures'] {
  return review.signatures.filter((s) => s.current);
}

/** Only what the signature covered: findings recorded up to the last current signature. */
function signedFindings(findings: readonly Finding[], review: CaseReview): Finding[] {
  const last = currentSignatures(review).reduce((latest, s) => (s.at > latest ? s.at : latest), '');
  return findings.filter((f) => f.createdAt <= last);
}

/**
 * The laboratory's work as the court may rely on it, for judges and clerks (who are not experts): once the case is
 * signed, the signed findings with their review decisions, the AI summary and the lab report, all read-only, with
 * who signed and when; before that, a plain statement that nothing has been signed yet and so nothing is shown.
 */
export function SignedForensicWork({ caseId, role }: SignedForensicWorkProps) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const format = useFormatters();
  const loadReview = useCallback(() => call(api, 'review.get', { caseId }), [api, caseId]);
  const loadFindings = useCallback(() => call(api, 'findings.list', { caseId }), [api, caseId]);
  const review = useLoaded(loadReview);
  const findings = useLoaded(loadFindings);
  const evidence = useEvidenceNames(caseId, findings.value?.flatMap((f) => f.evidenceIds) ?? []);
  const [selected, setSelected] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const signed = review.value?.state === 'signed';
  // A case with no findings at all (a civil claim, say) has no laboratory work to wait for: it says so instead.
  const noFindings = review.value?.findingsTotal === 0 && review.value.state === 'draft';

  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const language = isLanguage(i18n.language) ? i18n.language : 'en';
      const report = await call(api, 'report.export', { caseId, language });
      saveBytes(report.pdf, report.fileName, 'application/pdf');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack spacing={2} component="section" aria-labelledby="forensic-work-title" data-testid="forensic-work" data-signed={signed}>
      <Typography variant="h5" component="h2" id="forensic-work-title">
        {t('forensicWork.title')}
      </Typography>
      {(review.loading || findings.loading) && review.value === undefined && <LinearProgress aria-label={t('common.loading')} />}
      {review.error !== null && <ErrorAlert error={review.error} testId="forensic-work-error" />}
      {findings.error !== null && <ErrorAlert error={findings.error} testId="forensic-findings-error" />}
      {review.value && !signed && noFindings && (
        <Typography variant="body2" color="text.secondary" data-testid="forensic-none">
          {t('forensicWork.none')}
        </Typography>
      )}
      {review.value && !signed && !noFindings && (
        <Alert severity="info" data-testid="forensic-unsigned">
          {t('forensicWork.unsigned', { state: t(`review.states.${review.value.state}`) })}
        </Alert>
      )}
      {review.value && signed && findings.value && (
        <>
          <Alert severity="success" icon={false} data-testid="forensic-signed">
            <Typography variant="body2">{t('forensicWork.signedIntro')}</Typography>
            {currentSignatures(review.value).map((s) => (
              <Typography key={s.auditSeq} variant="body2" data-testid="forensic-signature">
                {t('review.signedBy', { name: s.displayName, meaning: t(`review.meanings.${s.meaning}`), at: format.dateTime(s.at) })}
              </Typography>
            ))}
          </Alert>
          <FindingsPanel evidenceNames={evidence.names} findings={signedFindings(findings.value, review.value)} role={role} open={false} selectedId={selected} onSelect={setSelected} onChanged={findings.reload} />
          <SummaryPanel caseId={caseId} revision={review.value.updatedAt} onSelectFinding={setSelected} />
          {mayUse(role, 'report.export') && (
            <div>
              <Button variant="outlined" startIcon={<DownloadIcon />} onClick={() => void download()} disabled={busy} data-testid="forensic-report">
                {t('forensicWork.report')}
              </Button>
            </div>
          )}
          {busy && <LinearProgress aria-label={t('common.loading')} />}
          {error !== null && <ErrorAlert error={error} testId="forensic-report-error" />}
        </>
      )}
    </Stack>
  );
}
