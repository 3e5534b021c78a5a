import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisteredModelView } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';

/** Props of RetrainControls. */
export interface RetrainControlsProps {
  readonly caseType: string;
  /** Days between scheduled retrains; 0 or absent: only when asked. */
  readonly everyDays: number;
  readonly onRetrained: (models: RegisteredModelView[]) => void;
  readonly onScheduled: () => void;
  readonly onError: (error: unknown) => void;
}

/** A case type's retraining: now, or every N days on the corpus as it then is (each result a candidate behind the gate). */
export function RetrainControls({ caseType, everyDays, onRetrained, onScheduled, onError }: RetrainControlsProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [days, setDays] = useState(String(everyDays));
  const [busy, setBusy] = useState(false);
  const n = Number(days);
  const valid = days.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= 365;
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (failure) {
      onError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    // Wraps so that on a narrow window the buttons go under the field instead of pushing the table sideways.
    <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}>
      <TextField
        size="small"
        label={t('corpus.retrain.everyDays')}
        value={days}
        onChange={(event) => setDays(event.target.value)}
        error={!valid}
        helperText={valid ? t('corpus.retrain.everyHint') : t('corpus.retrain.everyInvalid')}
        sx={{ width: 170, flexShrink: 0 }}
        slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': `retrain-days-${caseType}` } }}
      />
      <Button size="small" disabled={busy || !valid} onClick={() => void run(async () => (await call(api, 'models.setSchedule', { caseType, everyDays: n }), onScheduled()))} data-testid={`retrain-schedule-${caseType}`}>
        {t('corpus.retrain.save')}
      </Button>
      <Button size="small" variant="outlined" disabled={busy} onClick={() => void run(async () => onRetrained(await call(api, 'models.retrain', { caseType })))} data-testid={`retrain-now-${caseType}`}>
        {busy ? t('corpus.retrain.running') : t('corpus.retrain.now')}
      </Button>
    </Stack>
  );
}
