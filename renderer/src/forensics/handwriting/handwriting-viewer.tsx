/**
 * The handwriting viewer: a known page beside the questioned page with every graph outlined in its cluster's colour
 * (toggle) and its one-pixel skeleton (toggle), the fill rates of the pooled known writing against the questioned page, the clusters that differ most,
 * and the likelihood ratio on the verbal scale or the reason it was withheld. Picking a cluster highlights its graphs.
 */
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../common/format.ts';
import { type HandwritingComparisonResult, HandwritingComparisonResultSchema, type HandwritingPage, HandwritingProfileResultSchema, type ModuleResult } from '../../../../main/contract/index.ts';
import { useApi } from '../../api/api-context.ts';
import { call } from '../../api/api-error.ts';
import { ErrorAlert } from '../../common/error-alert.tsx';
import { useLoaded } from '../../common/use-loaded.ts';
import { useMeasurementDigits } from '../../review/measurement-digits.ts';
import type { RunViewerProps } from '../renderer-module.ts';
import { FillRateChart } from './fill-rate-chart.tsx';
import { PagePane } from './page-pane.tsx';

/** Props of a viewer of one handwriting result. */
interface ResultViewerProps {
  readonly result: ModuleResult;
  /** Area width and height in CSS pixels. */
  readonly width: number;
  readonly height: number;
}

const rates = (counts: readonly number[]) => {
  const total = counts.reduce((s, c) => s + c, 0);
  return counts.map((c) => (total > 0 ? c / total : 0));
};

/** The switch of the skeleton overlay; results stored before skeletons were kept cannot show one, and say so. */
function SkeletonToggle({ checked, onChange, pages }: { checked: boolean; onChange: (on: boolean) => void; pages: readonly HandwritingPage[] }) {
  const { t } = useTranslation();
  const available = pages.some((p) => p.graphs.some((g) => g.skeleton !== undefined));
  return (
    <FormControlLabel
      title={available ? undefined : t('hwViewer.noSkeleton')}
      disabled={!available}
      control={<Switch checked={checked && available} onChange={(e) => onChange(e.target.checked)} slotProps={{ input: { 'aria-label': t('hwViewer.showSkeleton') } }} />}
      label={t('hwViewer.showSkeleton')}
    />
  );
}

function Outcome({ result }: { result: HandwritingComparisonResult }) {
  const { t } = useTranslation();
  const format = useFormatters();
  // The likelihood ratio as the finding card, the summary and the report write it.
  const lrDigits = useMeasurementDigits()('handwriting.writer-comparison', 'lr') ?? 2;
  const c = result.comparison;
  return (
    <Stack spacing={0.5} data-testid="handwriting-outcome">
      {c.abstention ? (
        <Typography color="warning.main" title={c.abstention.reason}>
          {t('hwViewer.abstained', { reason: t(`hwViewer.abstentions.${c.abstention.code}`, { defaultValue: c.abstention.reason }) })}
        </Typography>
      ) : (
        <Typography sx={{ fontWeight: 600 }}>{t('hwViewer.slr', { slr: c.slr === null || c.slr === undefined ? undefined : format.rounded(c.slr, lrDigits), log10: c.log10Slr === null || c.log10Slr === undefined ? undefined : format.fixed(c.log10Slr, 2), verbal: c.verbal ? t(`hwViewer.verbal.${c.verbal}`, { defaultValue: c.verbal }) : '' })}</Typography>
      )}
      {c.score !== null && <Typography variant="body2">{t('hwViewer.score', { score: format.fixed(c.score, 3) })}</Typography>}
      <Typography variant="caption" color="text.secondary">
        {t('hwViewer.model', { name: c.model.name, hash: c.model.hash ? c.model.hash.slice(0, 12) : '' })}
      </Typography>
    </Stack>
  );
}

/** The viewer of a writer comparison's result. */
export function HandwritingComparisonViewer({ result, width, height }: ResultViewerProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const parsed = useMemo(() => HandwritingComparisonResultSchema.safeParse(result), [result]);
  const [knownIndex, setKnownIndex] = useState(0);
  const [showGraphs, setShowGraphs] = useState(true);
  const [showSkeleton, setShowSkeleton] = useState(false);
  const [picked, setPicked] = useState<number | null>(null);
  if (!parsed.success) return null;
  const r = parsed.data;
  const known = r.known[Math.min(knownIndex, r.known.length - 1)]!;
  const paneWidth = Math.max(160, Math.floor((width - 16) / 2));
  const paneHeight = Math.max(240, Math.floor(height * 0.62));
  const highlight = picked === null ? null : [picked];
  return (
    <Stack spacing={1.5} data-testid="handwriting-viewer">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <FormControlLabel control={<Switch checked={showGraphs} onChange={(e) => setShowGraphs(e.target.checked)} slotProps={{ input: { 'aria-label': t('hwViewer.showGraphs') } }} />} label={t('hwViewer.showGraphs')} />
        <SkeletonToggle checked={showSkeleton} onChange={setShowSkeleton} pages={[...r.known, r.questioned]} />
        {r.known.length > 1 && (
          <TextField select size="small" label={t('hwViewer.known')} value={knownIndex} onChange={(e) => setKnownIndex(Number(e.target.value))} sx={{ minWidth: 220 }}>
            {r.known.map((p, i) => (
              <MenuItem key={p.sha256 + i} value={i}>
                {p.name} — {t('hwViewer.graphs', { count: p.graphCount })}
              </MenuItem>
            ))}
          </TextField>
        )}
      </Stack>
      <Stack direction="row" spacing={2}>
        <PagePane page={known} title={t('hwViewer.known')} width={paneWidth} height={paneHeight} showGraphs={showGraphs} showSkeleton={showSkeleton} highlight={highlight} />
        <PagePane page={r.questioned} title={t('hwViewer.questioned')} width={paneWidth} height={paneHeight} showGraphs={showGraphs} showSkeleton={showSkeleton} highlight={highlight} />
      </Stack>
      <Outcome result={r} />
      <FillRateChart known={rates(r.pooledKnownCounts)} questioned={r.questioned.rates} width={Math.max(320, width)} picked={picked} onPick={setPicked} />
      <Stack spacing={0.25} data-testid="handwriting-drivers">
        <Typography variant="subtitle2">{t('hwViewer.drivers')}</Typography>
        {r.comparison.drivers.map((d) => (
          <Typography key={d.cluster} variant="body2" onClick={() => setPicked(picked === d.cluster ? null : d.cluster)} sx={{ cursor: 'pointer', fontWeight: picked === d.cluster ? 600 : 400 }}>
            {t('hwViewer.cluster', { n: d.cluster })}: {format.fixed(d.known, 3)} / {format.fixed(d.questioned, 3)}
          </Typography>
        ))}
      </Stack>
    </Stack>
  );
}

/** The viewer of page profiles: each page with its graphs, one after another. */
export function HandwritingProfileViewer({ result, width, height }: ResultViewerProps) {
  const { t } = useTranslation();
  const parsed = useMemo(() => HandwritingProfileResultSchema.safeParse(result), [result]);
  const [showGraphs, setShowGraphs] = useState(true);
  const [showSkeleton, setShowSkeleton] = useState(false);
  if (!parsed.success) return null;
  return (
    <Stack spacing={1.5} data-testid="handwriting-viewer">
      <Stack direction="row" spacing={2}>
        <FormControlLabel control={<Switch checked={showGraphs} onChange={(e) => setShowGraphs(e.target.checked)} />} label={t('hwViewer.showGraphs')} />
        <SkeletonToggle checked={showSkeleton} onChange={setShowSkeleton} pages={parsed.data.pages} />
      </Stack>
      <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap' }}>
        {parsed.data.pages.map((p, i) => (
          <PagePane key={p.sha256 + i} page={p} title={`${t('hwViewer.pages')} ${i + 1} — ${t('hwViewer.graphs', { count: p.graphCount })}`} width={Math.max(200, Math.floor(width / 2) - 16)} height={Math.floor(height * 0.8)} showGraphs={showGraphs} showSkeleton={showSkeleton} highlight={null} />
        ))}
      </Stack>
    </Stack>
  );
}

/** A handwriting run in the viewer: its result loaded, then shown as a comparison or a profile. */
export function HandwritingRunViewer({ runId, width, height }: RunViewerProps) {
  const api = useApi();
  const load = useCallback(() => call(api, 'analysis.result', { runId }), [api, runId]);
  const loaded = useLoaded(load);
  if (loaded.error !== null) return <ErrorAlert error={loaded.error} />;
  const result = loaded.value;
  if (!result) return null;
  if (result.kind === 'handwriting-comparison') return <HandwritingComparisonViewer result={result} width={width} height={height} />;
  return <HandwritingProfileViewer result={result} width={width} height={height} />;
}
