import DialogContentText from '@mui/material/DialogContentText';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseReview } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { FormDialog, useFormSubmit } from '../common/form-dialog.tsx';
import { PasswordField } from '../common/password-field.tsx';
import { KeyStateNote } from './key-state-note.tsx';

/** What a signature may mean when the expert signs (21 CFR 11.50). */
export const signMeanings = ['reviewed', 'approved'] as const;

/** Props of SignDialog. */
export interface SignDialogProps {
  readonly caseId: string;
  /** 'sign' signs a verified case with a chosen meaning; 'technical-review' is a second expert's verify, signed as such. */
  readonly mode?: 'sign' | 'technical-review';
  readonly onClose: () => void;
  readonly onSigned: (review: CaseReview) => void;
}

/**
 * Signing: the expert types the password again (auth.reauthenticate) and chooses what the signature means; a second
 * expert's technical review is signed the same way with its fixed meaning. The dialog states what the signature will
 * really be covered by, given the audit signing key's state.
 */
export function SignDialog({ caseId, mode = 'sign', onClose, onSigned }: SignDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [password, setPassword] = useState('');
  const [meaning, setMeaning] = useState<(typeof signMeanings)[number] | ''>('');
  const technical = mode === 'technical-review';
  const problems = { password: password === '' ? t('validation.required') : null, meaning: !technical && meaning === '' ? t('review.meaningRequired') : null };
  const form = useFormSubmit({
    invalid: problems.password !== null || problems.meaning !== null,
    action: async () => {
      try {
        await call(api, 'auth.reauthenticate', { password });
        onSigned(await call(api, 'review.transition', technical ? { caseId, action: 'verify' } : { caseId, action: 'sign', meaning: meaning === '' ? undefined : meaning }));
      } finally {
        // The password is asked again for each try: it is never kept in the form.
        setPassword('');
      }
    },
  });

  return (
    <FormDialog
      title={t(technical ? 'review.technicalTitle' : 'review.signTitle')}
      intro={t(technical ? 'review.technicalIntro' : 'review.signIntro')}
      testId="sign"
      submitLabel={t(technical ? 'review.verifyTechnical' : 'review.sign')}
      form={form}
      onClose={onClose}
      maxWidth="xs"
    >
      <KeyStateNote />
      {!technical && (
        <FormControl error={form.checked && problems.meaning !== null}>
          <FormLabel id="sign-meaning-label">{t('review.meaning')}</FormLabel>
          <RadioGroup aria-labelledby="sign-meaning-label" value={meaning} onChange={(event) => setMeaning(event.target.value as (typeof signMeanings)[number])}>
            {signMeanings.map((m) => (
              <FormControlLabel key={m} value={m} control={<Radio slotProps={{ input: { 'data-testid': `sign-meaning-${m}` } as React.InputHTMLAttributes<HTMLInputElement> }} />} label={t(`review.meanings.${m}`)} />
            ))}
          </RadioGroup>
          {form.checked && problems.meaning && <DialogContentText color="error">{problems.meaning}</DialogContentText>}
        </FormControl>
      )}
      <PasswordField label={t('review.password')} value={password} onChange={setPassword} testId="sign-password" autoComplete="current-password" autoFocus error={form.checked ? problems.password : null} />
    </FormDialog>
  );
}
