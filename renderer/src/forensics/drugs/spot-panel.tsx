/**
 * The spot-plate result below the viewer: the target's patches (reference, raw and corrected swatches with ΔE2000),
 * each assigned well (raw and corrected swatches, its NIJ candidates with their expected swatches and ΔE2000), and the
 * sample's ranked consistent-with list with the outcome, a mixture note and the confirmation advice.
 */
import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { SpotPlateResultSchema } from '../../../../main/contract/index.ts';
import type { ViewerPanelProps } from '../renderer-module.ts';
import { usePanelResult } from '../use-panel-result.ts';
import { recordedValueWord } from '../../review/finding-text.ts';
import { Swatch } from './swatch.tsx';
import { DataTable } from '../../common/data-table.tsx';

// The measurement key whose value words name the table's substances (built, not written: it is no translation key).
const firstCandidateKey = ['drugs', 'candidate', 'first'].join('.');

/** The panel for a 'drugs-spot' result. */
export function SpotPanel({ result: raw }: ViewerPanelProps) {
  const { t, format, result } = usePanelResult(SpotPlateResultSchema, raw);
  if (!result) return null;
  const c = result.calibration;
  const tested = result.wells.filter((w) => w.reagent && !w.blank);
  const substance = (name: string) => recordedValueWord(t, firstCandidateKey, name);
  return (
    <Stack spacing={2} data-testid="drugs-spot-panel">
      <Typography variant="subtitle1">{t('drugs.outcomeHeading')}</Typography>
      <Alert severity={result.outcome === 'consistent-with' ? 'info' : 'warning'} data-testid="drugs-outcome">
        {t(`drugs.outcomes.${result.outcome}`)}
        {result.mixturePossible ? ` ${t('drugs.mixtureNote')}` : ''} {result.advice.map((a) => t(`drugs.advice.${a}`)).join(' ')}
      </Alert>
      <DataTable columns={[t('drugs.rank'), t('drugs.substance'), t('drugs.consistent'), t('drugs.score')]} label={t('drugs.candidatesHeading')}>
        {result.candidates.slice(0, 8).map((candidate, i) => (
          <TableRow key={candidate.substance} data-testid="drugs-candidate">
            <TableCell>{i + 1}</TableCell>
            <TableCell>{substance(candidate.substance)}</TableCell>
            <TableCell>{candidate.consistentWithAll ? t('drugs.yes') : t('drugs.no')}</TableCell>
            <TableCell>{format.fixed(candidate.score, 2)}</TableCell>
          </TableRow>
        ))}
      </DataTable>

      <Typography variant="subtitle1">{t('drugs.wellsHeading')}</Typography>
      <DataTable columns={[t('drugs.well'), t('drugs.raw'), t('drugs.corrected'), t('drugs.nearest')]} label={t('drugs.wellsHeading')}>
        {tested.map((w) => (
          <TableRow key={w.label} data-testid="drugs-well">
            <TableCell>{`${w.label} · ${t(`drugs.reagentNames.${w.reagent}`, { defaultValue: w.reagent ?? '' })}${w.reacted === false ? ` · ${t('drugs.noReaction')}` : ''}`}</TableCell>
            <TableCell><Swatch lab={w.rawLab} label={t('drugs.raw')} /></TableCell>
            <TableCell><Swatch lab={w.correctedLab} label={t('drugs.corrected')} /></TableCell>
            <TableCell>
              <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
                {w.candidates.slice(0, 3).map((m) => (
                  <Stack key={m.substance} direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
                    <Swatch lab={m.expectedLab} label={m.colourName} />
                    <Typography variant="caption">{t('drugs.candidateDeltaE', { substance: substance(m.substance), deltaE: format.fixed(m.deltaE, 1), tolerance: format.fixed(m.tolerance, 1) })}</Typography>
                  </Stack>
                ))}
              </Stack>
            </TableCell>
          </TableRow>
        ))}
      </DataTable>

      <Typography variant="subtitle1">{t('drugs.calibrationHeading', { target: c.targetName, model: t(`drugs.models.${c.model}`), residual: format.fixed(c.looMean, 2) })}</Typography>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid="drugs-patches">
        {c.patches.map((p) => (
          <Stack key={p.index} spacing={0.25} sx={{ alignItems: 'center' }}>
            <Stack direction="row" spacing={0.25}>
              <Swatch lab={p.referenceLab} label={`${p.name} · ${t('drugs.reference')}`} />
              <Swatch lab={p.rawLab} label={`${p.name} · ${t('drugs.raw')}`} />
              <Swatch lab={p.correctedLab} label={`${p.name} · ${t('drugs.corrected')}`} />
            </Stack>
            <Typography variant="caption" color={p.deltaE <= 2 ? 'text.secondary' : 'warning.main'}>{`ΔE ${format.fixed(p.deltaE, 1)}`}</Typography>
          </Stack>
        ))}
      </Stack>
    </Stack>
  );
}
