import ArchiveIcon from '@mui/icons-material/Archive';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../../main/contract/index.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { localInputToIso } from '../common/local-time.ts';
import { LocalTimeField } from '../common/date-text-field.tsx';
import { CasePicker } from './case-picker.tsx';
import { ExportProgress } from './export-progress.tsx';
import { ExportResultView } from './export-result-view.tsx';
import { rangeIsBackwards } from './trail-query.ts';
import { useAuditExport, type ExportScope } from './use-audit-export.ts';

/** Props of ExportDialog. */
export interface ExportDialogProps {
  /** Cases to pick from, or null where the role types a case id. */
  readonly cases: readonly Case[] | null;
  readonly onClose: () => void;
  /** Told after an export, which appends an entry and signs a checkpoint. */
  readonly onExported: () => void;
}

type ScopeKind = ExportScope['scope'];
const scopeKinds: readonly ScopeKind[] = ['all', 'case', 'range'];
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Exports a verifiable audit bundle: the entire log, one case, or a time range. While the services write it the
 * dialog shows their progress and cannot be dismissed; then it shows the bundle and offers the .zip for download.
 */
export function ExportDialog({ cases, onClose, onExported }: ExportDialogProps) {
  const { t } = useTranslation();
  const { state, start, reset } = useAuditExport();
  const [kind, setKind] = useState<ScopeKind>('all');
  const [caseId, setCaseId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [checked, setChecked] = useState(false);
  const running = state.phase === 'running';

  const problems = {
    caseId: kind !== 'case' ? null : caseId === '' ? t('audit.chooseCase') : !uuidPattern.test(caseId) ? t('audit.caseIdInvalid') : null,
    from: kind === 'range' && localInputToIso(from) === null ? t('validation.required') : null,
    to: kind !== 'range' ? null : localInputToIso(to) === null ? t('validation.required') : rangeIsBackwards(from, to) ? t('audit.rangeBackwards') : null,
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (Object.values(problems).some((p) => p !== null)) return;
    const scope: ExportScope =
      kind === 'case' ? { scope: 'case', caseId } : kind === 'range' ? { scope: 'range', from: localInputToIso(from)!, to: localInputToIso(to, true)! } : { scope: 'all' };
    await start(scope);
    onExported();
  }

  const shown = (problem: string | null) => (checked ? problem : null);
  return (
    <Dialog open onClose={running ? undefined : onClose} fullWidth maxWidth="sm" aria-labelledby="export-title" data-testid="export-dialog">
      <form onSubmit={submit} noValidate data-testid="export-form">
        <DialogTitle id="export-title">{t('audit.exporting.title')}</DialogTitle>
        <DialogContent>
          {state.phase === 'done' ? (
            <ExportResultView result={state.result} />
          ) : (
            <Stack spacing={2}>
              <DialogContentText>{t('audit.exporting.intro')}</DialogContentText>
              <FormControl disabled={running}>
                <FormLabel id="export-scope-label">{t('audit.exporting.scope')}</FormLabel>
                <RadioGroup aria-labelledby="export-scope-label" value={kind} onChange={(event) => setKind(event.target.value as ScopeKind)}>
                  {scopeKinds.map((value) => (
                    <FormControlLabel
                      key={value}
                      value={value}
                      control={<Radio />}
                      label={t(`audit.exporting.scopes.${value}`)}
                      data-testid={`export-scope-${value}`}
                    />
                  ))}
                </RadioGroup>
              </FormControl>
              {kind === 'case' && (
                <CasePicker value={caseId} onChange={setCaseId} cases={cases} testId="export-case" error={shown(problems.caseId)} size="medium" />
              )}
              {kind === 'range' && (
                <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
                  <LocalTimeField fullWidth label={t('audit.trail.from')} value={from} onChange={setFrom} disabled={running} error={shown(problems.from)} testId="export-from" />
                  <LocalTimeField fullWidth label={t('audit.trail.to')} value={to} onChange={setTo} dayAlone="end" disabled={running} error={shown(problems.to)} testId="export-to" />
                </Stack>
              )}
              {state.phase === 'running' && <ExportProgress done={state.done} total={state.total} />}
              {state.phase === 'failed' && <ErrorAlert error={state.error} testId="export-error" />}
            </Stack>
          )}
        </DialogContent>
        <DialogActions>
          {state.phase === 'done' ? (
            <>
              <Button onClick={reset} data-testid="export-again">
                {t('audit.exporting.again')}
              </Button>
              <Button onClick={onClose} variant="outlined" data-testid="export-close">
                {t('common.close')}
              </Button>
            </>
          ) : (
            <>
              <Button onClick={onClose} disabled={running} data-testid="export-cancel">
                {t('common.cancel')}
              </Button>
              <Button type="submit" variant="contained" startIcon={<ArchiveIcon />} disabled={running} data-testid="export-submit">
                {t('audit.exporting.submit')}
              </Button>
            </>
          )}
        </DialogActions>
      </form>
    </Dialog>
  );
}
