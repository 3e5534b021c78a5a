/**
 * The crop rectangle an expert drags on a page's thumbnail (documents mix print and handwriting): the rectangle is
 * drawn in thumbnail pixels and kept in the page's own pixels, scaled by the page's declared size.
 */
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { type PointerEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evidence } from '../../../../main/contract/index.ts';
import { useApi } from '../../api/api-context.ts';
import { call } from '../../api/api-error.ts';
import { useLoaded } from '../../common/use-loaded.ts';
import type { PageCrop } from './field-state.ts';

/** Props of PageCropPicker. */
export interface PageCropPickerProps {
  readonly item: Evidence;
  readonly crop: PageCrop | null;
  readonly onChange: (crop: PageCrop | null) => void;
}

/** Width of the thumbnail the expert drags on, CSS pixels. */
const shownWidth = 180;

interface Point {
  readonly x: number;
  readonly y: number;
}

/** The rectangle spanned by two points, in page pixels, clamped to the page. */
function spanned(a: Point, b: Point, pageWidth: number, pageHeight: number): PageCrop {
  const clampX = (v: number) => Math.min(pageWidth, Math.max(0, Math.round(v)));
  const clampY = (v: number) => Math.min(pageHeight, Math.max(0, Math.round(v)));
  const x0 = clampX(Math.min(a.x, b.x));
  const y0 = clampY(Math.min(a.y, b.y));
  return { x: x0, y: y0, width: clampX(Math.max(a.x, b.x)) - x0, height: clampY(Math.max(a.y, b.y)) - y0 };
}

/** One page's thumbnail with the crop drawn on it; pages whose size is unknown cannot be cropped here. */
export function PageCropPicker({ item, crop, onChange }: PageCropPickerProps) {
  const { t } = useTranslation();
  const api = useApi();
  const load = useCallback(() => call(api, 'evidence.thumbnail', { evidenceId: item.id }), [api, item.id]);
  const thumbnail = useLoaded(load);
  const url = useMemo(() => (thumbnail.value?.png ? URL.createObjectURL(new Blob([thumbnail.value.png as Uint8Array<ArrayBuffer>], { type: 'image/png' })) : null), [thumbnail.value]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  const start = useRef<Point | null>(null);
  const [dragged, setDragged] = useState<PageCrop | null>(null);
  if (item.width === null || item.height === null) {
    return (
      <Typography variant="caption" color="text.secondary">
        {t('hwViewer.cropNoSize', { name: item.originalName })}
      </Typography>
    );
  }
  const pageWidth = item.width;
  const pageHeight = item.height;
  const scale = shownWidth / pageWidth;
  const shownHeight = Math.max(1, Math.round(pageHeight * scale));
  const toPage = (event: PointerEvent<HTMLElement>): Point => {
    const box = event.currentTarget.getBoundingClientRect();
    return { x: (event.clientX - box.left) / scale, y: (event.clientY - box.top) / scale };
  };
  const shown = dragged ?? crop;
  return (
    <Stack spacing={0.5} data-testid={`hw-crop-${item.id}`}>
      <Typography variant="caption" noWrap title={item.originalName}>
        {item.originalName}
      </Typography>
      <Box
        data-testid={`hw-crop-area-${item.id}`}
        sx={{ position: 'relative', width: shownWidth, height: shownHeight, border: 1, borderColor: 'divider', cursor: 'crosshair', touchAction: 'none', bgcolor: '#fff' }}
        onPointerDown={(event) => {
          start.current = toPage(event);
          event.currentTarget.setPointerCapture?.(event.pointerId);
        }}
        onPointerMove={(event) => {
          if (start.current) setDragged(spanned(start.current, toPage(event), pageWidth, pageHeight));
        }}
        onPointerUp={(event) => {
          if (!start.current) return;
          const rect = spanned(start.current, toPage(event), pageWidth, pageHeight);
          start.current = null;
          setDragged(null);
          // A click without a drag is no rectangle: keep what was there.
          if (rect.width > 0 && rect.height > 0) onChange(rect);
        }}
      >
        {url && <img src={url} alt={item.originalName} width={shownWidth} height={shownHeight} draggable={false} style={{ position: 'absolute', inset: 0, pointerEvents: 'none' }} />}
        {shown && (
          <Box
            data-testid={`hw-crop-rect-${item.id}`}
            sx={{ position: 'absolute', left: shown.x * scale, top: shown.y * scale, width: shown.width * scale, height: shown.height * scale, border: 2, borderColor: 'primary.main', bgcolor: 'rgba(25,118,210,0.12)', pointerEvents: 'none' }}
          />
        )}
      </Box>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="caption" color="text.secondary">
          {crop ? t('hwViewer.cropRect', { x: crop.x, y: crop.y, width: crop.width, height: crop.height }) : t('hwViewer.cropWhole')}
        </Typography>
        {crop && (
          <Button size="small" onClick={() => onChange(null)} data-testid={`hw-crop-clear-${item.id}`}>
            {t('hwViewer.cropClear')}
          </Button>
        )}
      </Stack>
    </Stack>
  );
}
