import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseReview } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { FormDialog, useFormSubmit } from '../common/form-dialog.tsx';
import { ReasonField } from './reason-field.tsx';

/** Props of ReopenDialog. */
export interface ReopenDialogProps {
  readonly caseId: string;
  readonly onClose: () => void;
  readonly onReopened: (review: CaseReview) => void;
}

/** Reopening a verified or signed case: a reason is required and goes into the audit log with the move. */
export function ReopenDialog({ caseId, onClose, onReopened }: ReopenDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [reason, setReason] = useState('');
  const missing = reason.trim() === '';
  const form = useFormSubmit({
    invalid: missing,
    action: async () => onReopened(await call(api, 'review.transition', { caseId, action: 'reopen', reason: reason.trim() })),
  });

  return (
    <FormDialog
      title={t('review.reopenTitle')}
      intro={t('review.reopenIntro')}
      testId="reopen"
      submitLabel={t('review.reopenSubmit')}
      submitColor="warning"
      form={form}
      onClose={onClose}
    >
      <ReasonField
        value={reason}
        onChange={setReason}
        autoFocus
        error={form.checked && missing}
        message={form.checked && missing ? t('review.reasonRequired') : null}
        testId="reopen-reason"
      />
    </FormDialog>
  );
}
