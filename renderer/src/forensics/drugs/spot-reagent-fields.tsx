/**
 * Which reagent is in which well of a spot plate, as the expert fills it in the Compare dialog: a row per well with its
 * label as on the plate (A1, B3), the reagent chosen by name from the NIJ reagents, and whether the well holds the
 * reagent alone (a blank, the colour of no reaction). The dialog keeps the rows as the method's own assignment text
 * ("A1=marquis,A4=marquis:blank"), so what is sent is what the rows show.
 */
import DeleteIcon from '@mui/icons-material/Delete';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ChoiceField } from '../../common/choice-field.tsx';
import type { MethodFieldsProps } from '../renderer-module.ts';

/** The NIJ Standard-0604.01 reagents by the ids the spot method reads (native/drugs/spot/reagents.ts). */
export const spotReagents = ['cobalt-thiocyanate', 'dille-koppanyi', 'duquenois-levine', 'ferric-chloride', 'froehde', 'mandelin', 'marquis', 'mecke', 'nitric-acid', 'simon', 'zwikker', 'p-dmab'] as const;
type SpotReagent = (typeof spotReagents)[number];

/** One well as the expert fills it. */
export interface WellRow {
  readonly well: string;
  readonly reagent: SpotReagent | '';
  readonly blank: boolean;
}

const wellLabel = /^[A-Z]\d{1,2}$/;

/** The rows of an assignment text; unfinished rows ("A2=") are kept as they are. */
export function parseWellRows(value: string): WellRow[] {
  if (value.trim() === '') return [];
  return value.split(',').map((part) => {
    const [well = '', rest = ''] = part.split('=');
    const [name = '', flag = ''] = rest.split(':');
    const reagent = spotReagents.find((r) => r === name.trim()) ?? '';
    return { well: well.trim().toUpperCase(), reagent, blank: flag.trim() === 'blank' };
  });
}

/** The assignment text of the rows. */
export function wellRowsText(rows: readonly WellRow[]): string {
  return rows.map((r) => `${r.well}=${r.reagent}${r.blank ? ':blank' : ''}`).join(',');
}

/** The rows as the dialog opens: one well, A1, with no reagent chosen yet. */
export const initialWellRows = (): string => wellRowsText([{ well: 'A1', reagent: '', blank: false }]);

/** The next well's label: the one after the last row's along its plate row (A1 → A2), else A1. */
function nextWell(rows: readonly WellRow[]): string {
  const last = rows[rows.length - 1]?.well ?? '';
  return wellLabel.test(last) ? `${last[0]}${Number(last.slice(1)) + 1}` : 'A1';
}

/** What keeps the rows from being sent, in words, or null when each row names a well once and its reagent. */
export function wellRowsProblem(value: string, t: TFunction): string | null {
  const rows = parseWellRows(value);
  if (rows.length === 0) return t('drugs.wells.none');
  const badWell = rows.find((r) => !wellLabel.test(r.well));
  if (badWell) return t('drugs.wells.badWell', { well: badWell.well || '—' });
  const seen = new Set<string>();
  for (const r of rows) {
    // The method reads A01 as A1.
    const well = r.well.replace(/^([A-Z])0+(?=\d)/, '$1');
    if (seen.has(well)) return t('drugs.wells.twice', { well });
    seen.add(well);
  }
  const noReagent = rows.find((r) => r.reagent === '');
  return noReagent ? t('drugs.wells.noReagent', { well: noReagent.well }) : null;
}

/** The spot plate's wells in the Compare dialog. */
export function SpotReagentFields({ value, onChange, checked, problem }: MethodFieldsProps) {
  const { t } = useTranslation();
  const rows = parseWellRows(value);
  const set = (next: readonly WellRow[]) => onChange(wellRowsText(next));
  const setRow = (index: number, change: Partial<WellRow>) => set(rows.map((r, i) => (i === index ? { ...r, ...change } : r)));
  const reagentChoices = spotReagents.map((r) => ({ value: r, label: t(`drugs.reagentNames.${r}`) })).sort((a, b) => a.label.localeCompare(b.label));
  return (
    <Stack spacing={1} data-testid="spot-wells">
      <Typography variant="subtitle2">{t('drugs.wells.title')}</Typography>
      <Typography variant="caption" color="text.secondary">
        {t('drugs.wells.hint')}
      </Typography>
      {rows.map((row, i) => (
        <Stack key={i} direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }} data-testid={`spot-well-${i + 1}`}>
          <TextField
            size="small"
            label={t('drugs.wells.well')}
            value={row.well}
            onChange={(event) => setRow(i, { well: event.target.value.replace(/[,=:]/g, '').toUpperCase() })}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': `spot-well-label-${i + 1}`, maxLength: 3 } }}
            sx={{ width: 90 }}
          />
          <ChoiceField
            size="small"
            label={t('drugs.wells.reagent')}
            value={row.reagent}
            onChange={(reagent) => setRow(i, { reagent })}
            choices={reagentChoices}
            empty={{ label: t('drugs.wells.choose') }}
            testId={`spot-well-reagent-${i + 1}`}
            sx={{ flex: 1, minWidth: 150 }}
          />
          <FormControlLabel
            control={<Checkbox size="small" checked={row.blank} onChange={(event) => setRow(i, { blank: event.target.checked })} slotProps={{ input: { 'data-testid': `spot-well-blank-${i + 1}` } as object }} />}
            label={t('drugs.wells.blank')}
          />
          {rows.length > 1 && (
            <IconButton size="small" aria-label={t('drugs.wells.remove', { well: row.well || i + 1 })} onClick={() => set(rows.filter((_, k) => k !== i))} data-testid={`spot-well-remove-${i + 1}`}>
              <DeleteIcon fontSize="small" />
            </IconButton>
          )}
        </Stack>
      ))}
      {checked && problem !== null && (
        <Alert severity="error" data-testid="spot-wells-problem">
          {problem}
        </Alert>
      )}
      <Button size="small" onClick={() => set([...rows, { well: nextWell(rows), reagent: '', blank: false }])} sx={{ alignSelf: 'flex-start' }} data-testid="spot-well-add">
        {t('drugs.wells.add')}
      </Button>
    </Stack>
  );
}
