/**
 * Manual correction of a spot-plate reading over its photo: drag a well to move it, change its radius or label, add a
 * missed well, delete a false one, click the colour target's four corners; then start a new, separately audited run of
 * the same evidence with these corrections (the old run stays as it was).
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useRef, useState, type PointerEvent as ReactPointerEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisRun, SpotPlateResult } from '../../../../main/contract/index.ts';
import { useApi } from '../../api/api-context.ts';
import { call } from '../../api/api-error.ts';
import {
  addWell, clickCorner, correctedSpotOptions, correctionsReady, deleteWell, initialCorrections, missingAssignedWells, moveWell, renameWell, resizeWell, toPhoto,
  type Corrections,
} from './corrections.ts';

/** What a click on the photo does. */
type Mode = 'move' | 'add' | 'corners';

/** Props of SpotCorrections. */
export interface SpotCorrectionsProps {
  readonly result: SpotPlateResult;
  readonly caseId: string;
  readonly evidenceIds: readonly string[];
  /** Display width of the photo (the same as the photo view's). */
  readonly shown: number;
  /** The photo view the wells and corners are drawn over. */
  readonly photo: ReactNode;
  readonly onStarted?: (run: AnalysisRun) => void;
}

const cornerNames = ['topLeft', 'topRight', 'bottomRight', 'bottomLeft'] as const;

/** The editable wells and target corners over the photo, with the controls to run again. */
export function SpotCorrections({ result, caseId, evidenceIds, shown, photo, onStarted }: SpotCorrectionsProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [c, setC] = useState<Corrections>(() => initialCorrections(result.wells));
  const [mode, setMode] = useState<Mode>('move');
  const [selected, setSelected] = useState<string | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const [started, setStarted] = useState<AnalysisRun | null>(null);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const svg = useRef<SVGSVGElement>(null);
  const scale = shown / result.width;
  const height = result.height * scale;
  const reagents = typeof result.provenance.parameters['reagents'] === 'string' ? result.provenance.parameters['reagents'] : '';

  const photoPoint = (event: ReactPointerEvent) => {
    const box = svg.current?.getBoundingClientRect();
    return toPhoto(event.clientX - (box?.left ?? 0), event.clientY - (box?.top ?? 0), scale);
  };
  const onBackground = (event: ReactPointerEvent) => {
    if (mode === 'corners') setC((prev) => clickCorner(prev, photoPoint(event)));
    else if (mode === 'add') {
      const next = addWell(c, photoPoint(event), Math.max(4, result.width / 40));
      setC(next);
      setSelected(next.added);
      setMode('move');
    } else setSelected(null);
  };
  const onWellDown = (event: ReactPointerEvent, label: string) => {
    if (mode !== 'move') return;
    event.stopPropagation();
    setSelected(label);
    setDragging(label);
  };
  const onMove = (event: ReactPointerEvent) => {
    if (dragging) setC((prev) => moveWell(prev, dragging, photoPoint(event)));
  };
  // The module refuses an assignment naming a well it was not given: say so here instead of starting a run that fails.
  const missing = missingAssignedWells(c, reagents);
  const well = c.wells.find((w) => w.label === selected) ?? null;

  const runAgain = async () => {
    setBusy(true);
    setFailed(false);
    try {
      const run = await call(api, 'analysis.start', { caseId, module: 'drugs.spot', evidenceIds: [...evidenceIds], methodOptions: correctedSpotOptions(c, reagents) });
      setStarted(run);
      onStarted?.(run);
    } catch (error: unknown) {
      console.error('[dalel] corrected spot-plate run not started:', error);
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack spacing={1} data-testid="drugs-corrections">
      <Box sx={{ position: 'relative', width: shown }}>
        {photo}
        <svg
          ref={svg}
          width={shown}
          height={height}
          style={{ position: 'absolute', left: 0, top: 0, cursor: mode === 'move' ? 'default' : 'crosshair', touchAction: 'none' }}
          data-testid="drugs-corrections-surface"
          role="img"
          aria-label={t('drugs.corrections.surface')}
          onPointerDown={onBackground}
          onPointerMove={onMove}
          onPointerUp={() => setDragging(null)}
        >
          {c.wells.map((w) => (
            <g key={w.label}>
              <circle
                cx={w.x * scale} cy={w.y * scale} r={Math.max(3, w.radius * scale)}
                fill="rgba(255,214,0,0.08)" stroke="#ffd600" strokeWidth={w.label === selected ? 3 : 1.5} strokeDasharray="4 3"
                style={{ cursor: mode === 'move' ? 'move' : undefined }}
                data-testid={`drugs-edit-well-${w.label}`}
                onPointerDown={(event) => onWellDown(event, w.label)}
              />
            </g>
          ))}
          {c.corners.map((p, i) => (
            <g key={cornerNames[i]}>
              <circle cx={p.x * scale} cy={p.y * scale} r={5} fill="#d500f9" />
              <text x={p.x * scale + 7} y={p.y * scale - 5} fontSize={11} fill="#d500f9">{i + 1}</text>
            </g>
          ))}
          {c.corners.length === 4 && <polygon points={c.corners.map((p) => `${p.x * scale},${p.y * scale}`).join(' ')} fill="none" stroke="#d500f9" strokeWidth={1.5} />}
        </svg>
      </Box>
      <ToggleButtonGroup size="small" exclusive value={mode} onChange={(_e, next: Mode | null) => next && setMode(next)} aria-label={t('drugs.corrections.mode')}>
        <ToggleButton value="move" data-testid="drugs-mode-move">{t('drugs.corrections.move')}</ToggleButton>
        <ToggleButton value="add" data-testid="drugs-mode-add">{t('drugs.corrections.add')}</ToggleButton>
        <ToggleButton value="corners" data-testid="drugs-mode-corners">{t('drugs.corrections.corners')}</ToggleButton>
      </ToggleButtonGroup>
      <Typography variant="caption">
        {mode === 'corners'
          ? t('drugs.corrections.cornersHint', { next: c.corners.length < 4 ? t(`drugs.corrections.${cornerNames[c.corners.length]!}`) : t('drugs.corrections.cornersDone') })
          : mode === 'add' ? t('drugs.corrections.addHint') : t('drugs.corrections.moveHint')}
      </Typography>
      {well && (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} data-testid="drugs-selected-well">
          <TextField
            size="small" label={t('drugs.corrections.label')} defaultValue={well.label} key={`label-${well.label}`}
            onBlur={(event) => {
              const next = event.target.value.trim().toUpperCase();
              setC((prev) => renameWell(prev, well.label, next));
              if (next !== well.label && !c.wells.some((w) => w.label === next)) setSelected(next);
            }}
            slotProps={{ htmlInput: { 'data-testid': 'drugs-well-label' } }}
          />
          {(['x', 'y'] as const).map((axis) => (
            <TextField
              key={axis} size="small" type="number" label={t(`drugs.corrections.${axis}`)} value={well[axis]}
              onChange={(event) => {
                const value = Number(event.target.value);
                if (event.target.value !== '' && Number.isFinite(value)) setC((prev) => moveWell(prev, well.label, { x: axis === 'x' ? value : well.x, y: axis === 'y' ? value : well.y }));
              }}
              slotProps={{ htmlInput: { step: 1, 'data-testid': `drugs-well-${axis}` } }}
            />
          ))}
          <TextField
            size="small" type="number" label={t('drugs.corrections.radius')} value={Math.round(well.radius)}
            onChange={(event) => {
              const radius = Number(event.target.value);
              if (Number.isFinite(radius) && radius > 0) setC((prev) => resizeWell(prev, well.label, radius));
            }}
            slotProps={{ htmlInput: { min: 1, 'data-testid': 'drugs-well-radius' } }}
          />
          <Button color="error" onClick={() => { setC((prev) => deleteWell(prev, well.label)); setSelected(null); }} data-testid="drugs-well-delete">
            {t('drugs.corrections.delete')}
          </Button>
        </Stack>
      )}
      <Stack direction="row" spacing={1}>
        <Button variant="contained" disabled={busy || !correctionsReady(c) || reagents === '' || missing.length > 0} onClick={() => void runAgain()} data-testid="drugs-run-again">
          {t('drugs.corrections.runAgain')}
        </Button>
        <Button onClick={() => { setC(initialCorrections(result.wells)); setSelected(null); }} data-testid="drugs-corrections-reset">
          {t('drugs.corrections.reset')}
        </Button>
      </Stack>
      {missing.length > 0 && <Alert severity="warning" data-testid="drugs-missing-wells">{t('drugs.corrections.missing', { wells: missing.join(', ') })}</Alert>}
      {started && <Alert severity="success" data-testid="drugs-run-again-started">{t('drugs.corrections.started')}</Alert>}
      {failed && <Alert severity="error">{t('drugs.corrections.failed')}</Alert>}
    </Stack>
  );
}
