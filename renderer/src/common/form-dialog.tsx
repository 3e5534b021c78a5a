import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './error-alert.tsx';

/** What a form's submit needs: whether the fields are valid, and the action to run when they are. */
export interface FormSubmitOptions {
  /** True while any field has a problem: the submit only marks the form as checked, so problems show. */
  readonly invalid: boolean;
  /** The work; its failure is kept for the form to show, and the form stays open for another try. */
  readonly action: () => Promise<void>;
}

/** The state every form with a submit button shares: checked (problems are shown), busy, and the last error. */
export interface FormSubmitState {
  readonly checked: boolean;
  readonly busy: boolean;
  readonly error: unknown;
  readonly submit: (event?: FormEvent) => Promise<void>;
  /** A field's problem (a translation key) in the user's language once the form has been checked, else null. */
  readonly shown: (problem: string | null) => string | null;
}

/** Runs a form's action once at a time, showing field problems only after the first try and keeping the error. */
export function useFormSubmit({ invalid, action }: FormSubmitOptions): FormSubmitState {
  const { t } = useTranslation();
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    setChecked(true);
    if (invalid || busy) return;
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const shown = (problem: string | null) => (checked && problem ? t(problem) : null);
  return { checked, busy, error, submit, shown };
}

/** Props of FormDialog. */
export interface FormDialogProps {
  readonly title: ReactNode;
  /** Prefix of the data-testids: `${testId}-dialog`, `-form`, `-cancel`, `-submit`, `-error`. */
  readonly testId: string;
  readonly submitLabel: ReactNode;
  /** The submit button's colour: warning or error for an action that is hard to undo. */
  readonly submitColor?: 'primary' | 'warning' | 'error';
  /** Overrides the submit button's data-testid (default `${testId}-submit`). */
  readonly submitTestId?: string;
  /** A sentence above the fields that says what the form does; it also describes the dialog to screen readers. */
  readonly intro?: ReactNode;
  readonly form: FormSubmitState;
  readonly onClose: () => void;
  readonly maxWidth?: 'xs' | 'sm' | 'md' | 'lg';
  /** Disables the submit button (besides while busy). */
  readonly submitDisabled?: boolean;
  /** Overrides the sentence for a service error in this form's context. */
  readonly messageFor?: (error: unknown) => string | null;
  readonly children: ReactNode;
}

/** A dialog holding one form: title, fields, the submit error, Cancel and submit; it cannot be closed while busy. */
export function FormDialog(props: FormDialogProps) {
  const { title, testId, submitLabel, submitColor = 'primary', submitTestId = `${testId}-submit`, intro, form, onClose, maxWidth = 'sm', submitDisabled = false, messageFor, children } = props;
  const { t } = useTranslation();
  const titleId = useId();
  const introId = useId();
  return (
    <Dialog
      open
      onClose={form.busy ? undefined : onClose}
      fullWidth
      maxWidth={maxWidth}
      aria-labelledby={titleId}
      aria-describedby={intro === undefined ? undefined : introId}
      data-testid={`${testId}-dialog`}
    >
      <form onSubmit={(event) => void form.submit(event)} noValidate data-testid={`${testId}-form`}>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {intro !== undefined && <DialogContentText id={introId}>{intro}</DialogContentText>}
            {children}
            {form.error !== null && <ErrorAlert error={form.error} testId={`${testId}-error`} messageFor={messageFor} />}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={form.busy} data-testid={`${testId}-cancel`}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" color={submitColor} disabled={form.busy || submitDisabled} data-testid={submitTestId}>
            {submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
