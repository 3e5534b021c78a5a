/**
 * A page of a read document as the engine saw it (turned and straightened), with word boxes drawn over it: the words a
 * proposed fact came from, or the words the engine was unsure of. Boxes are in the page's own pixels, scaled to the
 * width shown.
 */
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useLoaded } from '../common/use-loaded.ts';

/** A word's box in the page's pixels. */
export interface WordBox {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** Props of DocumentPageImage. */
export interface DocumentPageImageProps {
  readonly evidenceId: string;
  readonly page: number;
  readonly boxes: readonly WordBox[];
  /** 'fact': the words a value came from (yellow fill); 'unsure': words read with low confidence (orange dashes). */
  readonly mark: 'fact' | 'unsure';
  /** Width drawn, CSS pixels. */
  readonly width: number;
  /**
   * The words read, laid invisibly over the page where each was found: the text can be selected, copied and found
   * with the browser's search right on the image, as in a searchable PDF.
   */
  readonly words?: readonly (WordBox & { readonly text: string })[];
}

/** The page image with the given word boxes marked. */
export function DocumentPageImage({ evidenceId, page, boxes, mark, width, words = [] }: DocumentPageImageProps) {
  const { t } = useTranslation();
  const api = useApi();
  const image = useLoaded(useCallback(() => call(api, 'documents.pageImage', { evidenceId, page }), [api, evidenceId, page]));
  const url = useMemo(() => (image.value ? URL.createObjectURL(new Blob([image.value.png.slice()], { type: 'image/png' })) : null), [image.value]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  if (image.error !== null) return <ErrorAlert error={image.error} testId="document-page-image-error" />;
  if (!image.value || !url) return <Typography variant="caption">{t('common.loading')}</Typography>;
  const { width: frameWidth, height: frameHeight } = image.value;
  const height = Math.round((width * frameHeight) / Math.max(1, frameWidth));
  return (
    <Box sx={{ position: 'relative', width, height, border: 1, borderColor: 'divider', bgcolor: '#fff' }} data-testid="document-page-image">
      <img src={url} alt={t('documentText.pageImage', { page })} width={width} height={height} style={{ position: 'absolute', inset: 0 }} />
      <svg width={width} height={height} viewBox={`0 0 ${frameWidth} ${frameHeight}`} style={{ position: 'absolute', inset: 0 }} aria-hidden="true">
        {boxes.map((b, i) => (
          <rect
            key={i}
            x={b.left - 4}
            y={b.top - 4}
            width={b.width + 8}
            height={b.height + 8}
            fill={mark === 'fact' ? 'rgba(255, 214, 0, 0.35)' : 'none'}
            stroke={mark === 'fact' ? '#f57f17' : '#ef6c00'}
            strokeWidth={mark === 'fact' ? 4 : 3}
            strokeDasharray={mark === 'unsure' ? '8 6' : undefined}
            data-testid={`document-page-box-${mark}`}
          />
        ))}
      </svg>
      {words.length > 0 && (
        <svg width={width} height={height} viewBox={`0 0 ${frameWidth} ${frameHeight}`} style={{ position: 'absolute', inset: 0 }} data-testid="document-page-text-layer">
          {words.map((w, i) => (
            <text
              key={i}
              x={w.left}
              y={w.top + w.height * 0.85}
              fontSize={w.height}
              textLength={w.width}
              lengthAdjust="spacingAndGlyphs"
              fill="transparent"
              style={{ userSelect: 'text', whiteSpace: 'pre' }}
            >
              {w.text}
            </text>
          ))}
        </svg>
      )}
    </Box>
  );
}
