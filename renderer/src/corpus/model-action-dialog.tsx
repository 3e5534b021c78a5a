import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisteredModelView } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { FormDialog, useFormSubmit } from '../common/form-dialog.tsx';

/** What the administrator is doing to a registered model: making a candidate active, or going back from an active one. */
export type ModelAction = { readonly kind: 'promote' | 'rollback'; readonly model: RegisteredModelView };

/** Props of ModelActionDialog. */
export interface ModelActionDialogProps {
  readonly action: ModelAction;
  readonly onClose: () => void;
  /** Called with the model the registry answered (the promoted one, or the one active again) once the action is done. */
  readonly onDone: (model: RegisteredModelView) => void;
}

const reasonLimit = 500;

/** Asks for the reason the registry records with a promotion or a rollback, and sends it. */
export function ModelActionDialog({ action, onClose, onDone }: ModelActionDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [reason, setReason] = useState('');
  const { kind, model } = action;
  const trimmed = reason.trim();
  const problem = trimmed === '' ? 'corpus.actions.reasonMissing' : trimmed.length > reasonLimit ? 'corpus.actions.reasonTooLong' : null;
  const form = useFormSubmit({
    invalid: problem !== null,
    action: async () => {
      const answered =
        kind === 'promote'
          ? await call(api, 'models.promote', { sha256: model.sha256, reason: trimmed })
          : await call(api, 'models.rollback', { caseType: model.caseType, outcome: model.outcome, reason: trimmed });
      onDone(answered);
    },
  });
  const subject = {
    caseType: t(`decisionSchema.${model.caseType}.title`, { defaultValue: model.caseType }),
    outcome: t(`decision.outcomes.${model.outcome}`, { defaultValue: model.outcome }),
    hash: model.sha256.slice(0, 12),
  };
  return (
    <FormDialog
      title={t(`corpus.actions.${kind}Title`)}
      testId={`model-${kind}`}
      submitLabel={t(`corpus.actions.${kind}`)}
      submitColor="warning"
      intro={t(`corpus.actions.${kind}Intro`, subject)}
      form={form}
      onClose={onClose}
    >
      <TextField
        label={t('corpus.actions.reason')}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        multiline
        minRows={2}
        required
        autoFocus
        error={form.shown(problem) !== null}
        helperText={form.shown(problem) ?? t('corpus.actions.reasonHint')}
        slotProps={{ htmlInput: { 'data-testid': `model-${kind}-reason` } }}
      />
    </FormDialog>
  );
}
