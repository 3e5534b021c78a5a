import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../common/format.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import type { Point } from './plane-geometry.ts';
import { measure, pointsNeeded, type MeasureTool } from './measure.ts';

/** Props of MeasurePanel. */
export interface MeasurePanelProps {
  readonly caseId: string;
  readonly tool: MeasureTool;
  readonly points: readonly Point[];
  readonly pixelUm: number;
  /** The evidence the measured surface shows. */
  readonly evidenceIds: readonly string[];
  readonly onSaved: () => void;
  readonly onClear: () => void;
}

/** The running measurement and "Save as finding", which records it as a manual finding (findings.addManual). */
export function MeasurePanel({ caseId, tool, points, pixelUm, evidenceIds, onSaved, onClear }: MeasurePanelProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const api = useApi();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const result = measure(tool, points, pixelUm);
  const save = async () => {
    if (!result) return;
    setSaving(true);
    setError(null);
    try {
      await call(api, 'findings.addManual', {
        caseId,
        kind: tool,
        evidenceIds: [...evidenceIds],
        measurements: [
          { key: tool === 'distance' ? 'manual.distance' : 'manual.angle', value: Number(result.value.toFixed(tool === 'distance' ? 2 : 1)), unit: result.unit, threshold: null },
          { key: 'manual.points', value: JSON.stringify(points.map((p) => [Number(p.x.toFixed(2)), Number(p.y.toFixed(2))])), unit: 'px', threshold: null },
          { key: 'manual.pixelUm', value: pixelUm, unit: 'µm', threshold: null },
        ],
        conclusion: null,
      });
      onSaved();
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Stack spacing={1} data-testid="viewer-measure">
      <Typography variant="body2" data-testid="viewer-measure-result">
        {result
          ? tool === 'distance'
            ? t('viewer.measure.distanceResult', { value: format.fixed(result.value, 2) })
            : t('viewer.measure.angleResult', { value: format.fixed(result.value, 1) })
          : t('viewer.measure.pickPoints', { count: pointsNeeded[tool] - points.length })}
      </Typography>
      <Stack direction="row" spacing={1}>
        <Button size="small" variant="contained" disabled={!result || saving} onClick={() => void save()} data-testid="viewer-measure-save">
          {t('viewer.measure.save')}
        </Button>
        <Button size="small" disabled={points.length === 0} onClick={onClear} data-testid="viewer-measure-clear">
          {t('viewer.measure.clear')}
        </Button>
      </Stack>
      {error !== null && <ErrorAlert error={error} testId="viewer-measure-error" />}
    </Stack>
  );
}
