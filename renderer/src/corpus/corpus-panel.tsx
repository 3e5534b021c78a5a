import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import type { ImportReportView, RegisteredModelView } from '../../../main/contract/index.ts';
import { useLoaded } from '../common/use-loaded.ts';
import { useFormatters } from '../common/format.ts';
import { ImportDialog } from './import-dialog.tsx';
import { ImportReport } from './import-report.tsx';
import { ModelActionDialog, type ModelAction } from './model-action-dialog.tsx';
import { reasonText } from './reason-text.ts';
import { RetrainControls } from './retrain-controls.tsx';
import { TextImportDialog } from './text-import-dialog.tsx';
import { TextImportResults, type TextImportOutcome } from './text-import-results.tsx';
import { DataTable } from '../common/data-table.tsx';

/**
 * The administrator's view of the verdict corpus and the model registry: cases per case type, the latest import
 * reports, decisions waiting for review, and every model with its status and the promotion gate's verdict; from here
 * the administrator imports a file of decided cases and promotes or rolls back a model, each with a reason.
 */
export function CorpusPanel() {
  const { t } = useTranslation();
  const format = useFormatters();
  const api = useApi();
  const load = useCallback(
    async () => ({
      status: await call(api, 'corpus.status', {}),
      imports: await call(api, 'corpus.imports', { limit: 10 }),
      review: await call(api, 'corpus.reviewQueue', {}),
      models: await call(api, 'models.list', {}),
      schedule: await call(api, 'models.schedule', {}),
    }),
    [api],
  );
  const loaded = useLoaded(load);
  const data = loaded.value;
  const [importing, setImporting] = useState(false);
  const [report, setReport] = useState<ImportReportView | null>(null);
  const [importingTexts, setImportingTexts] = useState(false);
  const [retrained, setRetrained] = useState<RegisteredModelView[] | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [textResults, setTextResults] = useState<TextImportOutcome[] | null>(null);
  const [action, setAction] = useState<ModelAction | null>(null);
  const [done, setDone] = useState<ModelAction | null>(null);
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="corpus-panel">
      <Stack spacing={2}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
          <Typography variant="h6">{t('corpus.title')}</Typography>
          <Stack direction="row" spacing={1}>
            <Button variant="outlined" onClick={() => setImporting(true)} data-testid="corpus-import-open">
              {t('corpus.import.open')}
            </Button>
            <Button variant="outlined" onClick={() => setImportingTexts(true)} data-testid="corpus-texts-open">
              {t('corpus.texts.open')}
            </Button>
          </Stack>
        </Stack>
        {report && <ImportReport report={report} onClose={() => setReport(null)} />}
        {textResults && <TextImportResults results={textResults} onClose={() => setTextResults(null)} />}
        {done && (
          <Alert severity="success" onClose={() => setDone(null)} data-testid="model-action-done">
            {t(`corpus.actions.${done.kind}Done`, { hash: done.model.sha256.slice(0, 12) })}
          </Alert>
        )}
        {actionError !== null && <ErrorAlert error={actionError} testId="corpus-action-error" />}
        {retrained && (
          <Alert severity={retrained.every((m) => m.gate?.passed) ? 'success' : 'warning'} onClose={() => setRetrained(null)} data-testid="corpus-retrained">
            {t('corpus.retrain.done', { n: retrained.length, passed: retrained.filter((m) => m.gate?.passed).length })}
          </Alert>
        )}
        {loaded.loading && <LinearProgress />}
        {loaded.error !== null && <ErrorAlert error={loaded.error} />}
        {data && (
          <>
            {data.status.length === 0 ? (
              <Alert severity="info">{t('corpus.empty')}</Alert>
            ) : (
              <DataTable
                columns={[
                  t('corpus.caseType'),
                  { label: t('corpus.records'), align: 'right' },
                  { label: t('corpus.quarantined'), align: 'right' },
                  t('corpus.period'),
                  t('corpus.retrain.title'),
                ]}
              >
                {data.status.map((s) => (
                  <TableRow key={s.caseType}>
                    <TableCell>{t(`decisionSchema.${s.caseType}.title`, { defaultValue: s.caseType })}</TableCell>
                    <TableCell align="right">{s.records}</TableCell>
                    <TableCell align="right">{s.quarantined}</TableCell>
                    <TableCell>{s.period ? `${s.period.from} – ${s.period.to}` : ''}</TableCell>
                    <TableCell>
                      <RetrainControls
                        key={`${s.caseType}-${data.schedule[s.caseType] ?? 0}`}
                        caseType={s.caseType}
                        everyDays={data.schedule[s.caseType] ?? 0}
                        onRetrained={(models) => {
                          setRetrained(models);
                          loaded.reload();
                        }}
                        onScheduled={loaded.reload}
                        onError={setActionError}
                      />
                    </TableCell>
                  </TableRow>
                ))}
                              </DataTable>
            )}
            {data.imports.length > 0 && (
              <Stack spacing={0.5}>
                <Typography variant="subtitle2">{t('corpus.imports')}</Typography>
                {data.imports.map((i) => (
                  <Typography key={i.id} variant="body2">
                    {t('corpus.importLine', { file: i.fileName, at: format.dateTime(i.importedAt), rows: i.rows, accepted: i.accepted, quarantined: i.quarantined, duplicates: i.duplicates })}
                  </Typography>
                ))}
              </Stack>
            )}
            <Typography variant="body2">{t('corpus.reviewWaiting', { count: data.review.length })}</Typography>
            <Typography variant="subtitle2">{t('corpus.registry')}</Typography>
            <DataTable columns={[t('corpus.model'), t('corpus.status'), t('corpus.trained'), t('corpus.gate'), {}]}>
              {data.models.map((m) => (
                <TableRow key={m.sha256}>
                  <TableCell>{`${t(`decisionSchema.${m.caseType}.title`, { defaultValue: m.caseType })} · ${t(`decision.outcomes.${m.outcome}`, { defaultValue: m.outcome })} · ${m.sha256.slice(0, 12)}`}</TableCell>
                  <TableCell>{t(`corpus.statuses.${m.status}`)}</TableCell>
                  <TableCell>{format.dateTime(m.trainedAt)}</TableCell>
                  <TableCell>{m.gate &&
                      (m.gate.passed ? (
                        t('corpus.gatePassed')
                      ) : (
                        <Box component="ul" sx={{ m: 0, pl: 2 }} data-testid={`model-gate-reasons-${m.sha256}`}>
                          {m.gate.details.map((r, i) => (
                            <li key={i}>{reasonText(t, r, m.caseType)}</li>
                          ))}
                        </Box>
                      ))}</TableCell>
                  <TableCell>
                    {m.status === 'candidate' && (
                      <Button size="small" sx={{ whiteSpace: 'nowrap' }} onClick={() => setAction({ kind: 'promote', model: m })} data-testid={`model-promote-${m.sha256}`}>
                        {t('corpus.actions.promote')}
                      </Button>
                    )}
                    {m.status === 'active' && (
                      <Button size="small" color="warning" sx={{ whiteSpace: 'nowrap' }} onClick={() => setAction({ kind: 'rollback', model: m })} data-testid={`model-rollback-${m.sha256}`}>
                        {t('corpus.actions.rollback')}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
                          </DataTable>
          </>
        )}
      </Stack>
      {importing && (
        <ImportDialog
          onClose={() => setImporting(false)}
          onImported={(answer) => {
            setImporting(false);
            setReport(answer);
            loaded.reload();
          }}
        />
      )}
      {importingTexts && (
        <TextImportDialog
          onClose={() => setImportingTexts(false)}
          onImported={(results) => {
            setImportingTexts(false);
            setTextResults(results);
            loaded.reload();
          }}
        />
      )}
      {action && (
        <ModelActionDialog
          action={action}
          onClose={() => setAction(null)}
          onDone={() => {
            setDone(action);
            setAction(null);
            loaded.reload();
          }}
        />
      )}
    </Paper>
  );
}
