/**
 * The recognised text of a document evidence item (a scanned indictment, claim or decision): read it (OCR, or a
 * PDF's own text layer) in the chosen language, then see each page's text with the words the engine was unsure of
 * marked for checking (in the text, and boxed on the page image on request), the engine and language data it was read
 * with, and the stored text's own hash. A reading shows the pages read so far and can be cancelled (nothing is then stored).
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { DocumentTextView, Evidence } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { ApiError, call } from '../api/api-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { HashText } from '../common/hash-text.tsx';
import { useLoaded } from '../common/use-loaded.ts';
import { DocumentPageImage } from './document-page-image.tsx';
import { ChoiceField } from '../common/choice-field.tsx';

/** Evidence kinds whose text can be read. */
export const documentKinds: readonly Evidence['kind'][] = ['png', 'jpeg', 'tiff', 'pdf'];

const languages = ['auto', 'kaz', 'rus', 'eng'] as const;
type Language = (typeof languages)[number];

/** One page's words, those below the engine's confidence threshold marked. */
function PageText({ page, threshold }: { page: DocumentTextView['result']['pages'][number]; threshold: number }) {
  const { t } = useTranslation();
  if (page.source === 'blank') return <Typography variant="body2" color="text.secondary">{t('documentText.blank')}</Typography>;
  if (page.words.length === 0) return <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>{page.text}</Typography>;
  const lineOf = (w: (typeof page.words)[number]) => `${w.block}.${w.paragraph}.${w.line}`;
  return (
    <Typography variant="body2" component="div" sx={{ lineHeight: 1.7 }}>
      {page.words.map((w, i) => {
        const newLine = i > 0 && lineOf(w) !== lineOf(page.words[i - 1]!);
        const unsure = w.confidence < threshold;
        return (
          <span key={i}>
            {newLine ? <br /> : i > 0 ? ' ' : ''}
            {unsure ? (
              <Box component="mark" title={t('documentText.unsureWord', { confidence: Math.round(w.confidence) })} sx={{ outline: '1px dashed', bgcolor: 'warning.light' }} data-testid="document-text-unsure">
                {w.text}
              </Box>
            ) : (
              w.text
            )}
          </span>
        );
      })}
    </Typography>
  );
}

/**
 * Who read the pages: the OCR engine, or the PDF's own text where a page carried it (then nothing was recognised, and
 * naming tesseract would tell the reader its errors are possible there).
 */
function engineText(t: TFunction, pages: readonly { readonly source: string }[], engine: string): string {
  const ownText = pages.filter((p) => p.source === 'text-layer').length;
  if (ownText === 0) return engine;
  return pages.some((p) => p.source === 'ocr') ? t('documentText.engineSomeOwnText', { engine, count: ownText }) : t('documentText.engineOwnTextOnly');
}

/** Props of DocumentTextSection. */
export interface DocumentTextSectionProps {
  readonly item: Evidence;
  /** Whether the user may have the text read (experts and judges); others only see a stored text. */
  readonly mayRecognise: boolean;
}

/** The document text part of an evidence item's detail view. */
export function DocumentTextSection({ item, mayRecognise }: DocumentTextSectionProps) {
  const { t } = useTranslation();
  const api = useApi();
  const stored = useLoaded(useCallback(() => call(api, 'documents.text', { evidenceId: item.id }), [api, item.id]));
  const [language, setLanguage] = useState<Language>('auto');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [pages, setPages] = useState<{ done: number; total: number } | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const [pictured, setPictured] = useState<ReadonlySet<number>>(new Set());
  const text = stored.value ?? null;
  const picture = (page: number, on: boolean) =>
    setPictured((s) => {
      const next = new Set(s);
      if (on) next.add(page);
      else next.delete(page);
      return next;
    });

  useEffect(() => api.on('documents.progress', ({ evidenceId, done, total }) => (evidenceId === item.id ? setPages({ done, total }) : undefined)), [api, item.id]);

  const recognise = async () => {
    setBusy(true);
    setError(null);
    setPages(null);
    setCancelled(false);
    setCancelling(false);
    try {
      await call(api, 'documents.recognise', { evidenceId: item.id, language });
      stored.reload();
    } catch (caught) {
      // A reading the user cancelled is no error to show: it ended as asked, with nothing stored.
      if (caught instanceof ApiError && caught.info.code === 'CONFLICT' && caught.info.params?.reasonCode === 'cancelled') setCancelled(true);
      else setError(caught);
    } finally {
      setBusy(false);
      setPages(null);
    }
  };

  const cancel = async () => {
    setCancelling(true);
    try {
      await call(api, 'documents.cancel', { evidenceId: item.id });
    } catch (caught) {
      setError(caught);
      setCancelling(false);
    }
  };

  return (
    <Stack spacing={1} sx={{ mt: 3 }} data-testid="document-text">
      <Typography variant="h6" component="h2">
        {t('documentText.heading')}
      </Typography>
      {stored.error !== null && <ErrorAlert error={stored.error} />}
      {text ? (
        <>
          <Typography variant="body2" data-testid="document-text-summary">
            {t('documentText.summary', {
              count: text.result.pages.length,
              engine: engineText(t, text.result.pages, `${text.result.provenance.engine.engine} ${text.result.provenance.engine.version}`),
              languages: [...new Set(text.result.pages.map((p) => p.language).filter((l) => l !== null))].map((l) => t(`documentText.languages.${l}`)).join(', ') || '—',
              unsure: text.result.pages.reduce((n, p) => n + p.lowConfidenceWords, 0),
            })}
          </Typography>
          <Typography variant="body2" component="div">
            {t('documentText.hash')} <HashText value={text.sha256} testId="document-text-sha256" />
          </Typography>
          {text.result.pages.map((page) => (
            <Box key={page.page} sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5 }} data-testid={`document-text-page-${page.page}`}>
              <Typography variant="subtitle2" component="h3">
                {t(page.source === 'text-layer' ? 'documentText.pageTextLayer' : page.rotation === 0 ? 'documentText.page' : 'documentText.pageTurned', { page: page.page, rotation: page.rotation })}
              </Typography>
              <PageText page={page} threshold={text.result.provenance.parameters.lowConfidence} />
              {page.words.length > 0 && (
                <Button size="small" onClick={() => picture(page.page, !pictured.has(page.page))} data-testid={`document-text-picture-${page.page}`}>
                  {t(pictured.has(page.page) ? 'documentText.hideImage' : 'documentText.showImage')}
                </Button>
              )}
              {pictured.has(page.page) && (
                <DocumentPageImage
                  evidenceId={item.id}
                  page={page.page}
                  boxes={page.words.filter((w) => w.confidence < text.result.provenance.parameters.lowConfidence)}
                  mark="unsure"
                  words={page.words}
                  width={560}
                />
              )}
            </Box>
          ))}
        </>
      ) : (
        stored.value === null && <Typography variant="body2" color="text.secondary">{t('documentText.none')}</Typography>
      )}
      {mayRecognise && (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <ChoiceField
            size="small"
            label={t('documentText.language')}
            value={language}
            onChange={(l) => l !== '' && setLanguage(l)}
            choices={languages.map((l) => ({ value: l, label: t(`documentText.languages.${l}`) }))}
            disabled={busy}
            sx={{ minWidth: 200 }}
            testId="document-text-language"
          />
          <Button variant="outlined" onClick={() => void recognise()} disabled={busy} data-testid="document-text-recognise">
            {t(text ? 'documentText.again' : 'documentText.recognise')}
          </Button>
        </Stack>
      )}
      {busy && (
        <Stack spacing={0.5}>
          {pages && pages.total > 0 ? (
            <LinearProgress variant="determinate" value={Math.round((pages.done / pages.total) * 100)} aria-label={t('documentText.reading')} data-testid="document-text-progress" />
          ) : (
            <LinearProgress aria-label={t('documentText.reading')} />
          )}
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Typography variant="caption" color="text.secondary" data-testid="document-text-pages">
              {pages && pages.total > 0 ? t('documentText.pagesRead', { done: pages.done, total: pages.total }) : t('documentText.reading')}
            </Typography>
            <Button size="small" onClick={() => void cancel()} disabled={cancelling} data-testid="document-text-cancel">
              {t('documentText.cancel')}
            </Button>
          </Stack>
        </Stack>
      )}
      {cancelled && (
        <Alert severity="info" data-testid="document-text-cancelled">
          {t('documentText.cancelled')}
        </Alert>
      )}
      {error !== null && <ErrorAlert error={error} testId="document-text-error" />}
      {!mayRecognise && !text && stored.value === null && <Alert severity="info">{t('documentText.askExpert')}</Alert>}
    </Stack>
  );
}
