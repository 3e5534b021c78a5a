import SaveIcon from '@mui/icons-material/Save';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SettingsSchema, type Settings } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useLoaded } from '../common/use-loaded.ts';

type Flag = 'technicalReviewRequired' | 'clerksMayRecordVerdicts' | 'researchCaseTypes';
const flags: readonly Flag[] = ['technicalReviewRequired', 'clerksMayRecordVerdicts', 'researchCaseTypes'];

/**
 * The administrator's settings for everyone on this workstation, each with a plain explanation; saving sends only
 * what changed, and the services audit-log every change with its old and new value.
 */
export function SettingsAdmin() {
  const { t } = useTranslation();
  const api = useApi();
  const load = useCallback(async () => ({ settings: await call(api, 'settings.get', {}), audit: await call(api, 'audit.status', {}) }), [api]);
  const loaded = useLoaded(load);
  // What the administrator changed on the form, over the stored settings (cleared once saved or undone).
  const [edits, setEdits] = useState<Partial<Settings>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const stored = loaded.value?.settings;
  const draft: Settings | null = stored ? { ...stored, ...edits } : null;
  const setDraft = (next: Settings) => {
    setEdits(next);
    setSaved(false);
  };

  const nameProblem = draft && !SettingsSchema.shape.workstationName.safeParse(draft.workstationName).success ? t('settings.workstationNameInvalid') : null;
  const changes: Partial<Settings> = {};
  if (draft && stored) {
    if (draft.workstationName.trim() !== stored.workstationName) changes.workstationName = draft.workstationName.trim();
    for (const flag of flags) if (draft[flag] !== stored[flag]) changes[flag] = draft[flag];
  }
  const changed = Object.keys(changes).length > 0;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!changed || nameProblem) return;
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await call(api, 'settings.update', changes);
      setSaved(true);
      setEdits({});
      loaded.reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const audit = loaded.value?.audit;
  const pendingOrigin = audit?.nextOrigin !== undefined && audit.nextOrigin !== audit.origin && audit.key !== null ? audit.nextOrigin : null;
  return (
    <Stack spacing={2}>
      <div>
        <Typography variant="h4" component="h1">
          {t('workspaces.settings')}
        </Typography>
        <Typography color="text.secondary">{t('settings.intro')}</Typography>
      </div>
      {loaded.error !== null && <ErrorAlert error={loaded.error} />}
      <Paper variant="outlined" sx={{ p: 3 }}>
        {loaded.loading && <LinearProgress aria-label={t('common.loading')} />}
        {draft && (
          <form onSubmit={submit} noValidate data-testid="settings-form">
            <Stack spacing={3}>
              <Stack spacing={1}>
                <TextField
                  label={t('settings.workstationName')}
                  value={draft.workstationName}
                  onChange={(e) => setDraft({ ...draft, workstationName: e.target.value })}
                  error={nameProblem !== null}
                  helperText={nameProblem ?? t('settings.workstationNameHelp')}
                  slotProps={{ htmlInput: { 'data-testid': 'settings-workstation-name', maxLength: 80 } }}
                />
                {audit && (
                  <Typography variant="body2" color="text.secondary" data-testid="settings-origin">
                    {t('settings.currentOrigin', { origin: audit.origin })}
                  </Typography>
                )}
                {pendingOrigin !== null && (
                  <Alert severity="info" data-testid="settings-next-origin">
                    {t('settings.nextOrigin', { origin: pendingOrigin })}
                  </Alert>
                )}
              </Stack>
              {flags.map((flag) => (
                <Stack key={flag} spacing={0.5}>
                  <Divider />
                  <FormControlLabel
                    control={
                      <Switch
                        checked={draft[flag]}
                        onChange={(e) => setDraft({ ...draft, [flag]: e.target.checked })}
                        slotProps={{ input: { 'data-testid': `settings-${flag}` } as object }}
                      />
                    }
                    label={<Typography sx={{ fontWeight: 600 }}>{t(`settings.${flag}.label`)}</Typography>}
                  />
                  <Typography variant="body2" color="text.secondary">
                    {t(`settings.${flag}.help`)}
                  </Typography>
                </Stack>
              ))}
              {error !== null && <ErrorAlert error={error} />}
              {saved && (
                <Alert severity="success" data-testid="settings-saved">
                  {t('settings.saved')}
                </Alert>
              )}
              <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
                <Button type="submit" variant="contained" startIcon={<SaveIcon />} disabled={busy || !changed || nameProblem !== null} data-testid="settings-save">
                  {t('settings.save')}
                </Button>
                <Button onClick={() => setEdits({})} disabled={busy || !changed} data-testid="settings-undo">
                  {t('settings.undo')}
                </Button>
              </Stack>
            </Stack>
          </form>
        )}
      </Paper>
    </Stack>
  );
}
