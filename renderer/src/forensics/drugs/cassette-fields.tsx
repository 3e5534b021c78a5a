/**
 * The cassette a drug-screening photo shows, as the expert describes it in the Compare dialog: its name and each strip
 * from the left, with the drug, its cut-off, where the control and test lines lie along the read window (percent from
 * the top, as read off the cassette) and the assay format. The dialog keeps the form as one text; the method gets the
 * panel description the strip reader takes (positions as fractions of the window).
 */
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import DeleteIcon from '@mui/icons-material/Delete';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { parseDecimal } from '../../decision/number-format.ts';
import type { MethodFieldsProps } from '../renderer-module.ts';
import { ChoiceField } from '../../common/choice-field.tsx';

const formats = ['competitive', 'sandwich'] as const;
type AssayFormat = (typeof formats)[number];

/** One strip as typed. */
export interface StripRow {
  readonly drug: string;
  readonly cutoff: string;
  readonly control: string;
  readonly test: string;
  readonly format: AssayFormat;
}

/** The cassette as typed. */
export interface CassetteForm {
  readonly name: string;
  readonly strips: readonly StripRow[];
}

/** What the strip reader takes ('drugs.strip' methodOptions.panel). */
export interface CassettePanel {
  readonly name: string;
  readonly panels: ReadonlyArray<{ drug: string; cutoffNgMl?: number; controlAt: number; testAt: number; format: AssayFormat }>;
}

// The lines of most screening strips: control near the top third, test below the middle.
const blankStrip: StripRow = { drug: '', cutoff: '', control: '30', test: '65', format: 'competitive' };

/** The form the dialog opens with: one strip, nothing named. */
export function initialCassette(): string {
  return JSON.stringify({ name: '', strips: [blankStrip] } satisfies CassetteForm);
}

/** The form kept in the dialog's text (a damaged text opens as a fresh form). */
export function cassetteForm(value: string): CassetteForm {
  try {
    const parsed = JSON.parse(value) as Partial<CassetteForm>;
    if (typeof parsed.name === 'string' && Array.isArray(parsed.strips)) return parsed as CassetteForm;
  } catch {
    // fall through to a fresh form
  }
  return JSON.parse(initialCassette()) as CassetteForm;
}

const percent = (text: string): number | null => {
  const value = parseDecimal(text);
  return value !== null && value > 0 && value < 100 ? value : null;
};

/** What is wrong with the form, in the reader's words (the reader's own checks, said per strip), or null. */
export function cassetteProblem(value: string, t: TFunction): string | null {
  const form = cassetteForm(value);
  if (form.name.trim() === '') return t('drugs.cassette.problems.name');
  for (const [i, strip] of form.strips.entries()) {
    const n = i + 1;
    if (strip.drug.trim() === '') return t('drugs.cassette.problems.drug', { n });
    if (strip.cutoff.trim() !== '' && !((parseDecimal(strip.cutoff) ?? 0) > 0)) return t('drugs.cassette.problems.cutoff', { n });
    const control = percent(strip.control);
    const test = percent(strip.test);
    if (control === null || test === null) return t('drugs.cassette.problems.position', { n });
    if (Math.abs(control - test) < 10) return t('drugs.cassette.problems.apart', { n });
  }
  return form.strips.length === 0 ? t('drugs.cassette.problems.drug', { n: 1 }) : null;
}

/** The panel description of a form that has no problem. */
export function cassettePanel(value: string): CassettePanel {
  const form = cassetteForm(value);
  return {
    name: form.name.trim(),
    panels: form.strips.map((strip) => {
      const cutoff = parseDecimal(strip.cutoff);
      return {
        drug: strip.drug.trim(),
        ...(cutoff === null ? {} : { cutoffNgMl: cutoff }),
        controlAt: (percent(strip.control) ?? 0) / 100,
        testAt: (percent(strip.test) ?? 0) / 100,
        format: strip.format,
      };
    }),
  };
}

/** The cassette's fields in the Compare dialog. */
export function CassetteFields({ value, onChange, checked, problem }: MethodFieldsProps) {
  const { t } = useTranslation();
  const form = cassetteForm(value);
  // The name's own problem marks the name; a strip's is said below the strips, naming the strip.
  const nameProblem = checked && problem !== null && form.name.trim() === '' ? problem : null;
  const stripProblem = checked && problem !== null && nameProblem === null ? problem : null;
  const set = (next: CassetteForm) => onChange(JSON.stringify(next));
  const setStrip = (index: number, change: Partial<StripRow>) => set({ ...form, strips: form.strips.map((s, i) => (i === index ? { ...s, ...change } : s)) });
  const stripField = (index: number, key: 'drug' | 'cutoff' | 'control' | 'test', numeric: boolean) => (
    <TextField
      size="small"
      label={t(`drugs.cassette.${key}`)}
      value={form.strips[index]![key]}
      onChange={(event) => setStrip(index, { [key]: event.target.value })}
      // The label stays above the field: inside an empty narrow field "Cut-off, ng/mL" did not fit.
      slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': `cassette-${key}-${index + 1}`, ...(numeric ? { inputMode: 'decimal' as const } : {}) } }}
      sx={{ flex: key === 'drug' ? 2 : 1, minWidth: 120 }}
    />
  );
  return (
    <Stack spacing={1.5} data-testid="cassette-fields">
      <TextField
        label={t('drugs.cassette.name')}
        value={form.name}
        onChange={(event) => set({ ...form, name: event.target.value })}
        error={nameProblem !== null}
        helperText={nameProblem ?? t('drugs.cassette.hint')}
        slotProps={{ htmlInput: { 'data-testid': 'cassette-name' } }}
      />
      {form.strips.map((strip, i) => (
        <Stack key={i} spacing={1} data-testid={`cassette-strip-${i + 1}`}>
          <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
            <Typography variant="subtitle2">{t('drugs.cassette.strip', { n: i + 1 })}</Typography>
            {form.strips.length > 1 && (
              <IconButton size="small" aria-label={t('drugs.cassette.remove', { n: i + 1 })} onClick={() => set({ ...form, strips: form.strips.filter((_, k) => k !== i) })} data-testid={`cassette-remove-${i + 1}`}>
                <DeleteIcon fontSize="small" />
              </IconButton>
            )}
          </Stack>
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {stripField(i, 'drug', false)}
            {stripField(i, 'cutoff', true)}
            {stripField(i, 'control', true)}
            {stripField(i, 'test', true)}
          </Stack>
          <ChoiceField
            size="small"
            label={t('drugs.cassette.format')}
            value={strip.format}
            onChange={(format) => format !== '' && setStrip(i, { format })}
            choices={formats.map((f) => ({ value: f, label: t(`drugs.cassette.formats.${f}`) }))}
            testId={`cassette-format-${i + 1}`}
          />
        </Stack>
      ))}
      {stripProblem !== null && (
        <Alert severity="error" data-testid="cassette-problem">
          {stripProblem}
        </Alert>
      )}
      <Button size="small" onClick={() => set({ ...form, strips: [...form.strips, blankStrip] })} sx={{ alignSelf: 'flex-start' }} data-testid="cassette-add">
        {t('drugs.cassette.add')}
      </Button>
    </Stack>
  );
}
