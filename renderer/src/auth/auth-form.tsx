import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../common/error-alert.tsx';
import type { FormSubmitState } from '../common/form-dialog.tsx';
import { AuthLayout } from './auth-layout.tsx';
import { useLogout } from './use-logout.ts';

/** Props of AuthForm. */
export interface AuthFormProps {
  readonly title: string;
  readonly subtitle?: string;
  /** data-testid of the form element. */
  readonly testId: string;
  readonly submitLabel: string;
  readonly submitTestId: string;
  readonly form: FormSubmitState;
  /** Disables the submit button (besides while busy). */
  readonly submitDisabled?: boolean;
  /** data-testid of a "log out" button under the submit, for screens a signed-in user is held on (lock, forced change). */
  readonly logoutTestId?: string;
  readonly children: ReactNode;
}

/** The one form of a screen before the workspace (setup, login, unlock, forced password change): fields, error, submit. */
export function AuthForm({ title, subtitle, testId, submitLabel, submitTestId, form, submitDisabled = false, logoutTestId, children }: AuthFormProps) {
  const { t } = useTranslation();
  const logout = useLogout();
  const error = form.error ?? logout.error;
  return (
    <AuthLayout title={title} subtitle={subtitle}>
      <form onSubmit={(event) => void form.submit(event)} noValidate data-testid={testId} aria-label={title}>
        <Stack spacing={2}>
          {children}
          {error !== null && <ErrorAlert error={error} />}
          <Button type="submit" variant="contained" size="large" disabled={form.busy || submitDisabled} data-testid={submitTestId}>
            {submitLabel}
          </Button>
          {logoutTestId !== undefined && (
            <Button variant="text" onClick={() => void logout.leave()} data-testid={logoutTestId}>
              {t('lock.logout')}
            </Button>
          )}
        </Stack>
      </form>
    </AuthLayout>
  );
}
