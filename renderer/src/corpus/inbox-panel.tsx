import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import type { TFunction } from 'i18next';
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxFileRecordView, ResponseOf } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { describeInfo, intakeReasons } from '../common/describe-error.ts';
import { useFormatters, type Formatters } from '../common/format.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useLoaded } from '../common/use-loaded.ts';
import { CaseTypeSelect } from './case-type-select.tsx';
import { SectionHeading } from '../common/section-heading.tsx';
import { DataTable } from '../common/data-table.tsx';

type InboxConfigView = NonNullable<ResponseOf<'corpus.inbox'>>;

/** What became of an inbox file, in the interface language. */
export function inboxOutcome(t: TFunction, file: InboxFileRecordView, format: Formatters): string {
  if (file.importId === null) {
    const known = file.errorCode !== null && (intakeReasons as readonly string[]).includes(file.errorCode);
    if (!known) return t('intake.reasons.unknown', { file: file.fileName });
    // Worded as the refusal was given at the time, with its figures (the columns missing, the size and limit).
    const params = { ...file.errorParams, file: file.fileName, reasonCode: file.errorCode! };
    return describeInfo(t, { code: 'BAD_INPUT', message: file.error ?? '', params }, format);
  }
  if (file.format === 'text') {
    const outcome = file.accepted > 0 ? 'accepted' : file.inReview > 0 ? 'review' : 'duplicate';
    return t(`corpus.texts.outcomes.${outcome}`, { file: file.fileName });
  }
  return t('corpus.inbox.counts', { rows: file.rows, accepted: file.accepted, quarantined: file.quarantined, duplicates: file.duplicates });
}

/** Props of InboxForm. */
interface InboxFormProps {
  readonly config: InboxConfigView | null;
  readonly onDone: (notice: InboxNotice) => void;
}

/** What the last save or read did, kept as data so that it is worded in the language shown now, not the one then. */
type InboxNotice = { readonly key: 'corpus.inbox.saved' } | { readonly key: 'corpus.inbox.scanned'; readonly n: number };

/** The inbox's folder, case type and schedule, saved by the administrator, and a read now. */
function InboxForm({ config, onDone }: InboxFormProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [dir, setDir] = useState(config?.dir ?? '');
  const [caseType, setCaseType] = useState(config?.caseType ?? '');
  const [every, setEvery] = useState(String(config?.everyMinutes ?? 1440));
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const minutes = Number(every);
  const minutesValid = every.trim() !== '' && Number.isInteger(minutes) && minutes >= 0 && minutes <= 10_080;
  const run = async (action: () => Promise<InboxNotice>) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await action());
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (dir.trim() === '' || caseType === '' || !minutesValid) return;
    void run(async () => {
      await call(api, 'corpus.configureInbox', { dir: dir.trim(), caseType, everyMinutes: minutes });
      return { key: 'corpus.inbox.saved' };
    });
  };
  const scan = () =>
    void run(async () => {
      const read = await call(api, 'corpus.scanInbox', {});
      return { key: 'corpus.inbox.scanned', n: read.length };
    });
  return (
    <>
      {error !== null && <ErrorAlert error={error} testId="inbox-error" />}
      <Stack component="form" direction={{ xs: 'column', md: 'row' }} spacing={2} onSubmit={save} noValidate sx={{ alignItems: 'flex-start' }}>
        <TextField
          label={t('corpus.inbox.dir')}
          value={dir}
          onChange={(event) => setDir(event.target.value)}
          required
          error={checked && dir.trim() === ''}
          helperText={checked && dir.trim() === '' ? t('corpus.inbox.dirMissing') : t('corpus.inbox.dirHint')}
          // The path is the long value here: the field takes the row's free width and never shrinks below a path's worth.
          sx={{ flex: { md: '2 1 320px' }, minWidth: { md: 320 }, width: { xs: '100%', md: 'auto' } }}
          slotProps={{ htmlInput: { 'data-testid': 'inbox-dir' } }}
        />
        <CaseTypeSelect value={caseType} onChange={setCaseType} checked={checked} testId="inbox-case-type" />
        <TextField
          label={t('corpus.inbox.every')}
          value={every}
          onChange={(event) => setEvery(event.target.value)}
          error={checked && !minutesValid}
          helperText={checked && !minutesValid ? t('corpus.inbox.everyInvalid') : t('corpus.inbox.everyHint')}
          sx={{ width: { md: 220 }, flexShrink: 0 }}
          slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'inbox-every' } }}
        />
        <Button type="submit" variant="outlined" disabled={busy} data-testid="inbox-save">
          {t('corpus.inbox.save')}
        </Button>
        <Button variant="contained" onClick={scan} disabled={busy || config === null} data-testid="inbox-scan">
          {t('corpus.inbox.scan')}
        </Button>
      </Stack>
    </>
  );
}

/**
 * The watched inbox ("daily import"), set by an administrator: the folder, the case type of its files and how often
 * it is read; a read now; and every file read so far with its import's report or the reason it was refused.
 */
export function InboxPanel() {
  const { t } = useTranslation();
  const format = useFormatters();
  const api = useApi();
  const load = useCallback(async () => ({ config: await call(api, 'corpus.inbox', {}), files: await call(api, 'corpus.inboxFiles', { limit: 100 }) }), [api]);
  const loaded = useLoaded(load);
  const [notice, setNotice] = useState<InboxNotice | null>(null);
  const config = loaded.value?.config ?? null;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="inbox-panel">
      <Stack spacing={2}>
        <SectionHeading title={t('corpus.inbox.title')} intro={t('corpus.inbox.intro')} variant="h6" />
        {loaded.loading && <LinearProgress aria-label={t('common.loading')} />}
        {loaded.error !== null && <ErrorAlert error={loaded.error} />}
        {notice !== null && (
          <Alert severity="success" onClose={() => setNotice(null)} data-testid="inbox-notice">
            {notice.key === 'corpus.inbox.scanned' ? t(notice.key, { n: notice.n }) : t(notice.key)}
          </Alert>
        )}
        {loaded.value && (
          // Keyed by the stored settings, so the form starts from them once they are read, and again after a save.
          <InboxForm
            key={config ? `${config.dir}|${config.caseType}|${config.everyMinutes}` : 'none'}
            config={config}
            onDone={(done) => {
              setNotice(done);
              loaded.reload();
            }}
          />
        )}
        {loaded.value && config === null && <Alert severity="info">{t('corpus.inbox.notSet')}</Alert>}
        {loaded.value && loaded.value.files.length === 0 && config !== null && <Alert severity="info">{t('corpus.inbox.noFiles')}</Alert>}
        {loaded.value && loaded.value.files.length > 0 && (
          <DataTable columns={[t('corpus.inbox.file'), t('corpus.inbox.readAt'), t('corpus.inbox.result')]} testId="inbox-files">
            {loaded.value.files.map((f) => (
              <TableRow key={f.sha256} data-testid={`inbox-file-${f.fileName}`}>
                <TableCell>{f.fileName}</TableCell>
                <TableCell>{format.dateTime(f.scannedAt)}</TableCell>
                <TableCell>{inboxOutcome(t, f, format)}</TableCell>
              </TableRow>
            ))}
          </DataTable>
        )}
      </Stack>
    </Paper>
  );
}
