/**
 * The handwriting module's part of the interface: the writer comparison asks for the script of the writing (the last
 * item picked is the questioned page), both methods let the expert drag a crop rectangle on each page (documents mix
 * print and handwriting), and runs open in the handwriting viewer instead of the surface panes.
 */
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { handwritingScripts } from '../../../../main/contract/index.ts';
import type { MethodFields, MethodFieldsProps, RendererModule, StartOptions } from '../renderer-module.ts';
import { badCrop, type HandwritingFieldState, initialFieldState, type PageCrop, parseFieldState, serialiseFieldState } from './field-state.ts';
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

/** The script the expert declares for the writing compared, and the crops. */
function ComparisonFields({ items, value, onChange, checked, problem }: MethodFieldsProps) {
  const { t } = useTranslation();
  const state = parseFieldState(value) ?? initialFieldState;
  const set = (next: HandwritingFieldState) => onChange(serialiseFieldState(next));
  return (
    <Stack spacing={1.5}>
      <TextField
        select
        label={t('hwViewer.script')}
        value={state.script}
        onChange={(event) => set({ ...state, script: event.target.value === 'cyrillic' ? 'cyrillic' : 'latin' })}
        helperText={t('hwViewer.scriptHint')}
        slotProps={{ htmlInput: { 'data-testid': 'compare-handwriting-script' } }}
      >
        {handwritingScripts.map((s) => (
          <MenuItem key={s} value={s}>
            {t(`hwViewer.${s}`)}
          </MenuItem>
        ))}
      </TextField>
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
    options: (value): StartOptions => {
      const state = parseFieldState(value) ?? initialFieldState;
      const crops = cropOptions(state);
      return { ...(withScript ? { script: state.script } : {}), ...(Object.keys(crops).length > 0 ? { methodOptions: crops } : {}) };
    },
    Fields: withScript ? ComparisonFields : ProfileFields,
  };
}

/** Handwriting in the interface. */
/** The ENFSI verbal scale (the services' handwriting verbal-scale.ts), strongest same-writer support first. */
const verbalScale = ['very-strong', 'strong', 'moderately-strong', 'moderate', 'weak'] as const;

export const handwritingRenderer: RendererModule = {
  id: 'handwriting',
  conclusions: {
    'writer-comparison': [...verbalScale.map((s) => `hw-same-${s}`), 'hw-neutral', ...[...verbalScale].reverse().map((s) => `hw-different-${s}`), 'hw-abstained'],
  },
  methodFields: {
    'handwriting.writer-comparison': handwritingFields(true),
    'handwriting.profile': handwritingFields(false),
  },
  viewerPanels: {},
  runViewers: { 'handwriting.writer-comparison': HandwritingRunViewer, 'handwriting.profile': HandwritingRunViewer },
};
