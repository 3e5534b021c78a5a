/**
 * The handwriting module's part of the interface: the writer comparison asks for the script of the writing and which
 * page is questioned (the last item picked, unless the expert names another), both methods let the expert drag a crop rectangle on each page (documents mix
 * print and handwriting), and runs open in the handwriting viewer instead of the surface panes.
 */
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { ChoiceField } from '../../common/choice-field.tsx';
import { handwritingScripts } from '../../../../main/contract/index.ts';
import type { MethodFields, MethodFieldsProps, RendererModule, StartOptions } from '../renderer-module.ts';
import { badCrop, type HandwritingFieldState, inComparisonOrder, initialFieldState, type PageCrop, parseFieldState, questionedOf, serialiseFieldState } from './field-state.ts';
import { HandwritingRunViewer } from './handwriting-viewer.tsx';
import { PageCropPicker } from './page-crop.tsx';

/** A crop on each page, dragged on its thumbnail. */
function CropFields({ items, state, onChange, problem }: { items: MethodFieldsProps['items']; state: HandwritingFieldState; onChange: (state: HandwritingFieldState) => void; problem: string | null }) {
  const { t } = useTranslation();
  const setCrop = (id: string, crop: PageCrop | null) => {
    const crops = { ...state.crops };
    if (crop) crops[id] = crop;
    else delete crops[id];
    onChange({ ...state, crops });
  };
  return (
    <Stack spacing={0.5}>
      <Typography variant="subtitle2">{t('hwViewer.cropTitle')}</Typography>
      <Typography variant="caption" color="text.secondary">
        {t('hwViewer.cropHint')}
      </Typography>
      <Stack direction="row" spacing={1.5} sx={{ flexWrap: 'wrap' }}>
        {items.map((item) => (
          <PageCropPicker key={item.id} item={item} crop={state.crops[item.id] ?? null} onChange={(crop) => setCrop(item.id, crop)} />
        ))}
      </Stack>
      {problem && (
        <Typography variant="caption" color="error" data-testid="hw-crop-problem">
          {problem}
        </Typography>
      )}
    </Stack>
  );
}

/** The script the expert declares for the writing compared, which page is questioned, and the crops. */
function ComparisonFields({ items, value, onChange, checked, problem }: MethodFieldsProps) {
  const { t } = useTranslation();
  const state = parseFieldState(value) ?? initialFieldState;
  const set = (next: HandwritingFieldState) => onChange(serialiseFieldState(next));
  return (
    <Stack spacing={1.5}>
      <ChoiceField
        label={t('hwViewer.script')}
        value={state.script}
        onChange={(script) => set({ ...state, script: script === 'cyrillic' ? 'cyrillic' : 'latin' })}
        choices={handwritingScripts.map((s) => ({ value: s, label: t(`hwViewer.${s}`) }))}
        testId="compare-handwriting-script"
      />
      <ChoiceField
        label={t('hwViewer.questioned')}
        value={questionedOf(state, items) ?? ''}
        onChange={(id) => set({ ...state, questionedId: id || undefined })}
        choices={items.map((item) => ({ value: item.id, label: item.originalName }))}
        helperText={t('hwViewer.questionedHint')}
        testId="compare-handwriting-questioned"
      />
      <CropFields items={items} state={state} onChange={set} problem={checked ? problem : null} />
    </Stack>
  );
}

/** The crops of a page-profile run. */
function ProfileFields({ items, value, onChange, checked, problem }: MethodFieldsProps) {
  const state = parseFieldState(value) ?? initialFieldState;
  return <CropFields items={items} state={state} onChange={(next) => onChange(serialiseFieldState(next))} problem={checked ? problem : null} />;
}

/** The crops as the method's options (only those drawn). */
const cropOptions = (state: HandwritingFieldState) => (Object.keys(state.crops).length > 0 ? { crops: state.crops } : {});

/** The fields of a handwriting method: the comparison adds the script, both carry the crops. */
function handwritingFields(withScript: boolean): MethodFields {
  return {
    initial: () => serialiseFieldState(initialFieldState),
    problem: (value, items, t) => {
      const state = parseFieldState(value);
      if (!state) return t('hwViewer.cropInvalid', { name: '' });
      const bad = badCrop(state, items);
      return bad === null ? null : t('hwViewer.cropInvalid', { name: bad });
    },
    options: (value, items): StartOptions => {
      const state = parseFieldState(value) ?? initialFieldState;
      const crops = cropOptions(state);
      return {
        ...(withScript ? { script: state.script, evidenceIds: inComparisonOrder(state, items).map((item) => item.id) } : {}),
        ...(Object.keys(crops).length > 0 ? { methodOptions: crops } : {}),
      };
    },
    Fields: withScript ? ComparisonFields : ProfileFields,
  };
}

/** The ENFSI verbal scale (the services' handwriting verbal-scale.ts), strongest same-writer support first. */
const verbalScale = ['very-strong', 'strong', 'moderately-strong', 'moderate', 'weak'] as const;

/** Handwriting in the interface. */
export const handwritingRenderer: RendererModule = {
  id: 'handwriting',
  conclusions: {
    'writer-comparison': [...verbalScale.map((s) => `hw-same-${s}`), 'hw-neutral', ...[...verbalScale].reverse().map((s) => `hw-different-${s}`), 'hw-abstained'],
  },
  methodFields: {
    'handwriting.writer-comparison': handwritingFields(true),
    'handwriting.profile': handwritingFields(false),
  },
  // A comparison's items are the known pages and, last, the questioned page (handwriting-module.ts).
  evidenceLines: {
    'handwriting.writer-comparison': (names, t) => t('hwViewer.evidenceLine', { known: names.slice(0, -1).join(', '), questioned: names.at(-1) ?? '' }),
  },
  viewerPanels: {},
  runViewers: { 'handwriting.writer-comparison': HandwritingRunViewer, 'handwriting.profile': HandwritingRunViewer },
};
