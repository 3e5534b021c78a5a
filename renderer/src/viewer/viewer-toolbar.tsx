import CenterFocusStrongIcon from '@mui/icons-material/CenterFocusStrong';
import ZoomInIcon from '@mui/icons-material/ZoomIn';
import ZoomOutIcon from '@mui/icons-material/ZoomOut';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Tooltip from '@mui/material/Tooltip';
import type React from 'react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { comparisonModes, type ComparisonMode, type SurfaceStyle } from './comparison-mode.ts';
import { measureTools, type MeasureTool } from './measure.ts';

/** Which way a CMC comparison is shown: A's cells found in B, or B's in A. */
export type Direction = 'aToB' | 'bToA';

/** Props of ViewerToolbar. */
export interface ViewerToolbarProps {
  readonly mode: ComparisonMode;
  readonly onMode: (mode: ComparisonMode) => void;
  readonly style: SurfaceStyle;
  readonly onStyle: (style: SurfaceStyle) => void;
  readonly tool: MeasureTool | null;
  readonly onTool: (tool: MeasureTool | null) => void;
  readonly onZoomIn: () => void;
  readonly onZoomOut: () => void;
  readonly onZoomReset: () => void;
  /** False for one item on its own: there is nothing to compare, so no comparison modes. */
  readonly comparing: boolean;
  /** False when the pixel size is unknown: nothing can be measured in µm. */
  readonly measurable: boolean;
  /**
   * Direction and alignment, for CMC results only; `onAligned` is null where aligning B would change nothing visible
   * (side by side draws each surface in its own pane as scanned).
   */
  readonly cmc: { readonly direction: Direction; readonly onDirection: (d: Direction) => void; readonly aligned: boolean; readonly onAligned: ((on: boolean) => void) | null } | null;
}

/**
 * The viewer's controls. Memoised with stable callbacks, so a pan or zoom frame re-renders the panes and the scale
 * bar but not these buttons.
 */
export const ViewerToolbar = memo(function ViewerToolbar({ mode, onMode, style, onStyle, tool, onTool, onZoomIn, onZoomOut, onZoomReset, comparing, measurable, cmc }: ViewerToolbarProps) {
  const { t } = useTranslation();
  const onAligned = cmc?.onAligned ?? null;
  return (
    <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      {comparing && (
        <ToggleButtonGroup size="small" exclusive value={mode} onChange={(_event, value: ComparisonMode | null) => value && onMode(value)} aria-label={t('viewer.modeLabel')}>
          {comparisonModes.map((m) => (
            <ToggleButton key={m} value={m} data-testid={`viewer-mode-button-${m}`}>
              {t(`viewer.modes.${m}`)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      )}
      <ToggleButtonGroup size="small" exclusive value={style} onChange={(_event, value: SurfaceStyle | null) => value && onStyle(value)} aria-label={t('viewer.styleLabel')}>
        <ToggleButton value="relief" data-testid="viewer-style-relief">{t('viewer.styles.relief')}</ToggleButton>
        <ToggleButton value="false-colour" data-testid="viewer-style-false-colour">{t('viewer.styles.falseColour')}</ToggleButton>
      </ToggleButtonGroup>
      <Stack direction="row">
        <Tooltip title={t('hotkeys.commands.zoomIn')}>
          <IconButton onClick={onZoomIn} aria-label={t('hotkeys.commands.zoomIn')} data-testid="viewer-zoom-in"><ZoomInIcon /></IconButton>
        </Tooltip>
        <Tooltip title={t('hotkeys.commands.zoomOut')}>
          <IconButton onClick={onZoomOut} aria-label={t('hotkeys.commands.zoomOut')} data-testid="viewer-zoom-out"><ZoomOutIcon /></IconButton>
        </Tooltip>
        <Tooltip title={t('hotkeys.commands.zoomReset')}>
          <IconButton onClick={onZoomReset} aria-label={t('hotkeys.commands.zoomReset')} data-testid="viewer-zoom-reset"><CenterFocusStrongIcon /></IconButton>
        </Tooltip>
      </Stack>
      {measurable && (
        <ToggleButtonGroup size="small" exclusive value={tool} onChange={(_event, value: MeasureTool | null) => onTool(value)} aria-label={t('viewer.measure.label')}>
          {measureTools.map((m) => (
            <ToggleButton key={m} value={m} data-testid={`viewer-tool-${m}`}>{t(`viewer.measure.tools.${m}`)}</ToggleButton>
          ))}
        </ToggleButtonGroup>
      )}
      {cmc && (
        <>
          <ToggleButtonGroup size="small" exclusive value={cmc.direction} onChange={(_event, value: Direction | null) => value && cmc.onDirection(value)} aria-label={t('viewer.directionLabel')}>
            <ToggleButton value="aToB" data-testid="viewer-direction-aToB">{t('viewer.directions.aToB')}</ToggleButton>
            <ToggleButton value="bToA" data-testid="viewer-direction-bToA">{t('viewer.directions.bToA')}</ToggleButton>
          </ToggleButtonGroup>
          {onAligned && (
            <FormControlLabel
              control={<Switch checked={cmc.aligned} onChange={(event) => onAligned(event.target.checked)} slotProps={{ input: { 'data-testid': 'viewer-align' } as React.InputHTMLAttributes<HTMLInputElement> }} />}
              label={t('viewer.align')}
            />
          )}
        </>
      )}
    </Stack>
  );
});
