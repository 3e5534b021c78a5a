import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LawDiffView, LawImportView, LawSearchHitView } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useLoaded } from '../common/use-loaded.ts';
import { flagReason, flagSubject } from './flag-text.ts';
import { LawArticleDialog, type ArticleRef } from './law-article-dialog.tsx';
import { LawImportDialog } from './law-import-dialog.tsx';
import { SectionHeading } from '../common/section-heading.tsx';
import { DataTable } from '../common/data-table.tsx';

/** Stemmed full-text search of the stored codes; each hit opens its article. */
function LawSearch({ onOpen }: { readonly onOpen: (ref: ArticleRef) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<LawSearchHitView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const search = async (event: FormEvent) => {
    event.preventDefault();
    if (query.trim() === '') return;
    setError(null);
    try {
      setHits(await call(api, 'laws.search', { query: query.trim(), limit: 20 }));
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <Stack spacing={1}>
      <Stack component="form" direction="row" spacing={1} onSubmit={(e) => void search(e)}>
        <TextField size="small" label={t('laws.search.label')} value={query} onChange={(e) => setQuery(e.target.value)} sx={{ flex: 1 }} slotProps={{ htmlInput: { 'data-testid': 'laws-search-query' } }} />
        <Button type="submit" variant="outlined" data-testid="laws-search-submit">
          {t('laws.search.submit')}
        </Button>
      </Stack>
      {error !== null && <ErrorAlert error={error} />}
      {hits !== null && hits.length === 0 && <Alert severity="info">{t('laws.search.none')}</Alert>}
      {hits !== null && hits.length > 0 && (
        <Box component="ul" sx={{ m: 0, pl: 2 }} data-testid="laws-search-hits">
          {hits.map((h) => (
            <li key={`${h.code}-${h.article}-${h.part}`}>
              <Button size="small" onClick={() => onOpen({ code: h.code, article: h.article, part: h.part })} data-testid={`laws-hit-${h.code}-${h.article}-${h.part}`}>
                {t(h.part ? 'laws.search.hitPart' : 'laws.search.hit', { code: t(`laws.codes.${h.code}`, { defaultValue: h.code }), article: h.article, part: h.part, heading: h.heading })}
              </Button>
            </li>
          ))}
        </Box>
      )}
    </Stack>
  );
}

/** The latest update of one code against the version before: changed articles and what in the app cites them. */
function LawUpdate({ diff, onOpen }: { readonly diff: LawDiffView; readonly onOpen: (ref: ArticleRef) => void }) {
  const { t } = useTranslation();
  const code = t(`laws.codes.${diff.code}`, { defaultValue: diff.code });
  const articles = (list: readonly string[]) =>
    list.map((a) => (
      <Button key={a} size="small" onClick={() => onOpen({ code: diff.code, article: a })}>
        {a}
      </Button>
    ));
  return (
    <Stack spacing={1} data-testid={`laws-diff-${diff.code}`}>
      <Typography variant="subtitle2">{t('laws.updates.diff', { code, from: diff.from, to: diff.to, changed: diff.changed.length, added: diff.added.length, removed: diff.removed.length })}</Typography>
      {diff.changed.length > 0 && (
        <div>
          <Typography variant="body2">{t('laws.updates.changed')}</Typography>
          {articles(diff.changed.map((c) => c.article))}
        </div>
      )}
      {diff.added.length > 0 && (
        <div>
          <Typography variant="body2">{t('laws.updates.added')}</Typography>
          {articles(diff.added)}
        </div>
      )}
      {diff.removed.length > 0 && <Typography variant="body2">{t('laws.updates.removed', { articles: diff.removed.join(', ') })}</Typography>}
      {diff.flags.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('laws.updates.noFlags')}
        </Typography>
      ) : (
        <DataTable
          columns={[
            t('laws.updates.flagWhat'),
            t('laws.updates.flagArticle'),
            t('laws.updates.flagWhy'),
          ]}
          testId={`laws-flags-${diff.code}`}
        >
          {diff.flags.map((f, i) => (
            <TableRow key={i} data-testid={`laws-flag-${f.kind}`}>
              <TableCell>{flagSubject(t, f)}</TableCell>
              <TableCell>
                <Button size="small" onClick={() => onOpen({ code: diff.code, article: f.article, part: f.params.part ?? null })}>
                  {f.article}
                </Button>
              </TableCell>
              <TableCell>{flagReason(t, f)}</TableCell>
            </TableRow>
          ))}
                  </DataTable>
      )}
    </Stack>
  );
}

/**
 * The legal-acts store for the administrator: a search of the stored codes, and for every code with two stored
 * versions the latest update diffed article by article, with the statutory bounds, procedural-advice rules and
 * case-type checklists that cite a changed article flagged for review.
 */
export function LawsPanel() {
  const { t } = useTranslation();
  const api = useApi();
  const load = useCallback(async () => {
    const versions = await call(api, 'laws.versions', {});
    const counts = new Map<string, number>();
    for (const v of versions) counts.set(v.code, (counts.get(v.code) ?? 0) + 1);
    const updated = [...counts].filter(([, n]) => n >= 2).map(([code]) => code);
    return { versions, diffs: await Promise.all(updated.map((code) => call(api, 'laws.diff', { code }))) };
  }, [api]);
  const loaded = useLoaded(load);
  const [open, setOpen] = useState<ArticleRef | null>(null);
  const [importing, setImporting] = useState(false);
  const [imported, setImported] = useState<LawImportView | null>(null);
  const codes = useMemo(() => [...new Set((loaded.value?.versions ?? []).map((v) => v.code))], [loaded.value]);
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="laws-panel">
      <Stack spacing={2}>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'flex-start' }, justifyContent: 'space-between' }}>
          <SectionHeading title={t('laws.title')} intro={t('laws.intro')} variant="h6" />
          <Button variant="outlined" onClick={() => setImporting(true)} sx={{ flexShrink: 0, alignSelf: { xs: 'flex-start', sm: 'auto' } }} data-testid="law-import-open">
            {t('laws.import.open')}
          </Button>
        </Stack>
        {imported && (
          <Alert severity="success" onClose={() => setImported(null)} data-testid="law-import-done">
            {t(imported.alreadyImported ? 'laws.import.already' : 'laws.import.done', {
              code: t(`laws.codes.${imported.version.code}`, { defaultValue: imported.version.code }),
              version: imported.version.version,
              articles: imported.version.articles,
              parts: imported.parts,
            })}
          </Alert>
        )}
        {loaded.loading && <LinearProgress aria-label={t('common.loading')} />}
        {loaded.error !== null && <ErrorAlert error={loaded.error} />}
        {loaded.value && codes.length === 0 && <Alert severity="info">{t('laws.empty')}</Alert>}
        {loaded.value && codes.length > 0 && (
          <Typography variant="body2" data-testid="laws-versions">
            {codes.map((c) => t('laws.versions', { code: t(`laws.codes.${c}`, { defaultValue: c }), versions: loaded.value!.versions.filter((v) => v.code === c).map((v) => v.version).join(', ') })).join(' · ')}
          </Typography>
        )}
        <LawSearch onOpen={setOpen} />
        {loaded.value?.diffs.map((d) => <LawUpdate key={d.code} diff={d} onOpen={setOpen} />)}
      </Stack>
      {open && <LawArticleDialog {...open} onClose={() => setOpen(null)} />}
      {importing && (
        <LawImportDialog
          onClose={() => setImporting(false)}
          onImported={(result) => {
            setImporting(false);
            setImported(result);
            loaded.reload();
          }}
        />
      )}
    </Paper>
  );
}
