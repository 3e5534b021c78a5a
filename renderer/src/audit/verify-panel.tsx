import ReplayIcon from '@mui/icons-material/Replay';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useFormatters } from '../common/format.ts';
import { monospaceFamily } from '../theme/create-app-theme.ts';
import { BundleDropZone } from './bundle-drop-zone.tsx';
import { keyLines, normaliseSignedNote } from './signed-note.ts';
import { VerifyReportCard, type VerificationRecord } from './verify-report-card.tsx';
import { SectionHeading } from '../common/section-heading.tsx';

/** The verification's progress bar: indeterminate while the file is read and sent, then bytes of entries checked. */
function VerifyProgress({ done, total }: { readonly done?: number; readonly total?: number }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const percent = done === undefined || total === undefined ? null : total === 0 ? 100 : Math.min(100, Math.floor((done / total) * 100));
  return (
    <Box data-testid="verify-running" data-percent={percent ?? undefined}>
      <Typography variant="body2" sx={{ mb: 0.5 }} aria-live="polite">
        {percent === null
          ? t('audit.verify.running')
          : t('audit.verify.progress', { percent, done: format.integer(Math.round((done ?? 0) / 1e6)), total: format.integer(Math.round((total ?? 0) / 1e6)) })}
      </Typography>
      {percent === null ? (
        <LinearProgress aria-label={t('audit.verify.running')} />
      ) : (
        <LinearProgress variant="determinate" value={percent} aria-label={t('audit.verify.running')} />
      )}
    </Box>
  );
}

interface TrustedTextFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly problem: string | null;
  readonly hint: string;
  readonly testId: string;
}

/** A pasted text the verification trusts (a checkpoint, public keys): monospace, several lines, never spell-checked. */
function TrustedTextField({ label, value, onChange, problem, hint, testId }: TrustedTextFieldProps) {
  return (
    <TextField
      label={label}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      multiline
      minRows={4}
      maxRows={10}
      fullWidth
      error={problem !== null}
      helperText={problem ?? hint}
      slotProps={{ htmlInput: { 'data-testid': testId, spellCheck: false, style: { fontFamily: monospaceFamily, fontSize: '0.8rem' } } }}
    />
  );
}

/** Props of VerifyPanel. */
export interface VerifyPanelProps {
  /** This workstation's signing-key fingerprint, or null before the first key. */
  readonly workstationFingerprint: string | null;
  /** Told after a verification, which the services record in the log. */
  readonly onVerified: () => void;
}

interface Bundle {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** The contract's bounds on the trust anchors, checked here so the form names the problem. */
const maxTrustedKeys = 20;
const maxKeyLength = 300;
const maxCheckpointLength = 10_000;

/**
 * What the panel shows under the form: exactly one outcome, so a new verification never leaves the previous one's
 * verdict on screen (a damaged bundle under an old VALID would read as valid).
 */
type Outcome =
  | { readonly kind: 'none' }
  | { readonly kind: 'running'; readonly done?: number; readonly total?: number }
  | { readonly kind: 'report'; readonly record: VerificationRecord }
  | { readonly kind: 'failed'; readonly error: unknown }
  | { readonly kind: 'unreadable'; readonly fileName: string };

/**
 * Verifies an exported bundle on this workstation: the .zip is dropped or picked and checked at once, optionally
 * against a checkpoint kept from earlier and against given verifier keys (this workstation's own keys otherwise).
 * The last outcome stays on screen until another bundle is chosen or verified again, which clears it first.
 */
export function VerifyPanel({ workstationFingerprint, onVerified }: VerifyPanelProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [bundle, setBundle] = useState<Bundle | null>(null);
  const [trustedCheckpoint, setTrustedCheckpoint] = useState('');
  const [trustedKeys, setTrustedKeys] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  // Numbers each verification: an answer to an older one that arrives late is dropped.
  const run = useRef(0);
  const busy = outcome.kind === 'running';

  const keys = keyLines(trustedKeys);
  const keysProblem =
    keys.length > maxTrustedKeys ? t('audit.verify.tooManyKeys', { max: maxTrustedKeys }) : keys.some((k) => k.length > maxKeyLength) ? t('audit.verify.keyTooLong', { max: maxKeyLength }) : null;
  const checkpointProblem = trustedCheckpoint.length > maxCheckpointLength ? t('audit.verify.checkpointTooLong', { max: maxCheckpointLength }) : null;

  async function verify(target: Bundle) {
    if (keysProblem || checkpointProblem) return;
    const mine = ++run.current;
    setOutcome({ kind: 'running' });
    // The services report how far they are only to the client that asked; this listener lives as long as the call.
    const stop = api.on('audit.verifyProgress', ({ done, total }) => {
      if (mine === run.current) setOutcome((current) => (current.kind === 'running' ? { kind: 'running', done, total } : current));
    });
    try {
      const report = await call(api, 'audit.verify', {
        fileName: target.name,
        zip: target.bytes,
        ...(keys.length > 0 ? { trustedKeys: keys } : {}),
        ...(trustedCheckpoint.trim() !== '' ? { trustedCheckpoint: normaliseSignedNote(trustedCheckpoint) } : {}),
      });
      if (mine !== run.current) return;
      setOutcome({ kind: 'report', record: { fileName: target.name, at: new Date().toISOString(), report } });
      onVerified();
    } catch (failure) {
      if (mine === run.current) setOutcome({ kind: 'failed', error: failure });
    } finally {
      stop();
    }
  }

  async function choose(file: File) {
    const mine = ++run.current;
    setBundle(null);
    setOutcome({ kind: 'running' });
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (failure) {
      console.warn(`[dalel] cannot read ${file.name}:`, failure);
      if (mine !== run.current) return;
      setBundle(null);
      setOutcome({ kind: 'unreadable', fileName: file.name });
      return;
    }
    if (mine !== run.current) return;
    const chosen = { name: file.name, bytes };
    setBundle(chosen);
    await verify(chosen);
  }

  return (
    <Stack spacing={2}>
      <Paper variant="outlined" sx={{ p: 3 }} data-testid="verify-panel">
        <Stack spacing={2}>
          <SectionHeading title={t('audit.sections.verify')} intro={t('audit.verify.intro')} />
          <BundleDropZone onFile={(file) => void choose(file)} busy={busy} />
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
            <TrustedTextField
              label={t('audit.verify.trustedCheckpoint')}
              value={trustedCheckpoint}
              onChange={setTrustedCheckpoint}
              problem={checkpointProblem}
              hint={t('audit.verify.trustedCheckpointHint')}
              testId="verify-trusted-checkpoint"
            />
            <TrustedTextField
              label={t('audit.verify.trustedKeys')}
              value={trustedKeys}
              onChange={setTrustedKeys}
              problem={keysProblem}
              hint={t('audit.verify.trustedKeysHint')}
              testId="verify-trusted-keys"
            />
          </Stack>
          {bundle && (
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography variant="body2" data-testid="verify-file-name">
                {t('audit.verify.chosen', { file: bundle.name })}
              </Typography>
              <Button startIcon={<ReplayIcon />} onClick={() => void verify(bundle)} disabled={busy} data-testid="verify-again">
                {t('audit.verify.again')}
              </Button>
            </Stack>
          )}
          {outcome.kind === 'running' && <VerifyProgress done={outcome.done} total={outcome.total} />}
          {outcome.kind === 'failed' && <ErrorAlert error={outcome.error} testId="verify-error" />}
          {outcome.kind === 'unreadable' && (
            <Alert severity="error" role="alert" data-testid="verify-unreadable">
              {t('intake.unreadable', { file: outcome.fileName })}
            </Alert>
          )}
        </Stack>
      </Paper>
      {outcome.kind === 'report' && <VerifyReportCard record={outcome.record} workstationFingerprint={workstationFingerprint} />}
    </Stack>
  );
}
