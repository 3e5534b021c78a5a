import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseReview, Role } from '../../../main/contract/index.ts';
import { mayUse } from '../api/access.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useFormatters } from '../common/format.ts';
import { saveBytes } from '../common/save-file.ts';
import { isLanguage } from '../i18n/languages.ts';
import { ReopenDialog } from './reopen-dialog.tsx';
import { SignDialog } from './sign-dialog.tsx';

/** Props of ReviewBar. */
export interface ReviewBarProps {
  readonly caseId: string;
  readonly role: Role;
  readonly review: CaseReview;
  readonly onChanged: () => void;
}

const stateColour = { draft: 'default', 'in-review': 'info', verified: 'warning', signed: 'success' } as const;

/**
 * The case's review state with its explicit next step (submit, verify — a second expert's signed technical review
 * where the laboratory requires one —, sign, reopen with a reason), the progress of decisions, the signatures with
 * their meaning, and the lab report export (saved as a PDF download like the audit bundle). Nothing here moves the
 * case by itself: deciding findings never submits it.
 */
export function ReviewBar({ caseId, role, review, onChanged }: ReviewBarProps) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const format = useFormatters();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [dialog, setDialog] = useState<'sign' | 'technical-review' | 'reopen' | null>(null);
  const canMove = mayUse(role, 'review.transition');
  const allDecided = review.findingsTotal > 0 && review.findingsDecided === review.findingsTotal;

  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      onChanged();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const transition = (action: 'submit' | 'verify' | 'require-technical-review') => run(() => call(api, 'review.transition', { caseId, action }));
  const done = () => {
    setDialog(null);
    onChanged();
  };
  const exportReport = () =>
    run(async () => {
      const language = isLanguage(i18n.language) ? i18n.language : 'en';
      const report = await call(api, 'report.export', { caseId, language });
      saveBytes(report.pdf, report.fileName, 'application/pdf');
    });

  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="review-bar">
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h6" component="h3">
          {t('review.heading')}
        </Typography>
        <Chip color={stateColour[review.state]} label={t(`review.states.${review.state}`)} data-testid="review-state" data-state={review.state} />
        <Typography variant="body2" data-testid="review-progress">
          {t('review.progress', { decided: review.findingsDecided, total: review.findingsTotal })}
        </Typography>
        <LinearProgress variant="determinate" value={review.findingsTotal ? (100 * review.findingsDecided) / review.findingsTotal : 0} sx={{ width: 120 }} aria-label={t('review.progressLabel')} />
        {canMove && review.state === 'draft' && (
          <Button variant="contained" disabled={busy || !allDecided} onClick={() => void transition('submit')} data-testid="review-submit-case">
            {t('review.submit')}
          </Button>
        )}
        {canMove && review.state === 'in-review' && (
          <Button
            variant="contained"
            disabled={busy}
            onClick={() => (review.technicalReviewRequired ? setDialog('technical-review') : void transition('verify'))}
            data-testid="review-verify"
            data-technical={review.technicalReviewRequired ? 'true' : 'false'}
          >
            {t(review.technicalReviewRequired ? 'review.verifyTechnical' : 'review.verify')}
          </Button>
        )}
        {canMove && review.state === 'in-review' && !review.technicalReviewRequired && (
          <Button disabled={busy} onClick={() => void transition('require-technical-review')} data-testid="review-require-technical">
            {t('review.requireTechnical')}
          </Button>
        )}
        {review.technicalReviewRequired && <Chip variant="outlined" label={t('review.technicalRequired')} data-testid="review-technical-required" />}
        {canMove && review.state === 'verified' && (
          <Button variant="contained" color="success" disabled={busy} onClick={() => setDialog('sign')} data-testid="review-sign">
            {t('review.sign')}
          </Button>
        )}
        {canMove && (review.state === 'verified' || review.state === 'signed') && (
          <Button color="warning" disabled={busy} onClick={() => setDialog('reopen')} data-testid="review-reopen">
            {t('review.reopen')}
          </Button>
        )}
        {mayUse(role, 'report.export') && (
          <Button startIcon={<PictureAsPdfIcon />} disabled={busy} onClick={() => void exportReport()} data-testid="report-export">
            {t('review.exportReport')}
          </Button>
        )}
      </Stack>
      {review.state === 'draft' && canMove && (
        <Typography variant="caption" color="text.secondary" component="p" data-testid="review-submit-hint">
          {t(allDecided ? 'review.submitHint' : 'review.decideAllFirst')}
        </Typography>
      )}
      {review.technicalReviewRequired && review.state !== 'signed' && (
        <Typography variant="caption" color="text.secondary" component="p" data-testid="review-technical-policy">
          {t('review.technicalPolicy')}
        </Typography>
      )}
      {review.state === 'signed' && (
        <Typography variant="body2" color="text.secondary" data-testid="review-frozen">
          {t('review.frozen')}
        </Typography>
      )}
      {review.signatures.map((s) => (
        <Typography key={s.auditSeq} variant="body2" color={s.current ? undefined : 'text.secondary'} data-testid={`review-signature-${s.auditSeq}`} data-current={s.current ? 'true' : 'false'}>
          {t('review.signedBy', { name: s.displayName, meaning: t(`review.meanings.${s.meaning}`), at: format.dateTime(s.at) })}
          {s.current ? '' : ` (${t('review.signatureNotCurrent')})`}
        </Typography>
      ))}
      {error !== null && <ErrorAlert error={error} testId="review-bar-error" />}
      {(dialog === 'sign' || dialog === 'technical-review') && <SignDialog caseId={caseId} mode={dialog} onClose={() => setDialog(null)} onSigned={done} />}
      {dialog === 'reopen' && <ReopenDialog caseId={caseId} onClose={() => setDialog(null)} onReopened={done} />}
    </Paper>
  );
}
