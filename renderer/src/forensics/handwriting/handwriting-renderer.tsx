/**
 * The handwriting module's part of the interface: the writer comparison asks for the script of the writing (the last
 * item picked is the questioned page), and runs open in the handwriting viewer instead of the surface panes.
 */
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { handwritingScripts } from '../../../../main/contract/index.ts';
import type { MethodFieldsProps, RendererModule } from '../renderer-module.ts';
import { HandwritingRunViewer } from './handwriting-viewer.tsx';

/** The script the expert declares for the writing compared. */
function ScriptField({ value, onChange }: MethodFieldsProps) {
  const { t } = useTranslation();
  return (
    <TextField
      select
      label={t('hwViewer.script')}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      helperText={t('hwViewer.scriptHint')}
      slotProps={{ htmlInput: { 'data-testid': 'compare-handwriting-script' } }}
    >
      {handwritingScripts.map((s) => (
        <MenuItem key={s} value={s}>
          {t(`hwViewer.${s}`)}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** Handwriting in the interface. */
export const handwritingRenderer: RendererModule = {
  id: 'handwriting',
  methodFields: {
    'handwriting.writer-comparison': {
      initial: () => 'latin',
      problem: (value) => ((handwritingScripts as readonly string[]).includes(value) ? null : value),
      options: (value) => ({ script: value === 'cyrillic' ? 'cyrillic' : 'latin' }),
      Fields: ScriptField,
    },
  },
  viewerPanels: {},
  runViewers: { 'handwriting.writer-comparison': HandwritingRunViewer, 'handwriting.profile': HandwritingRunViewer },
};
