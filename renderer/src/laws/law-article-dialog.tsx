import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.ts';
import { ApiError, call } from '../api/api-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useLoaded } from '../common/use-loaded.ts';

/** A cited article: the code's id in the legal-acts store (criminal, civil-procedure, …), the article and its part. */
export interface ArticleRef {
  readonly code: string;
  readonly article: string;
  readonly part?: string | null;
}

/** Props of LawArticleDialog. */
export interface LawArticleDialogProps extends ArticleRef {
  readonly onClose: () => void;
}

/** The stored text of a cited article (the current version), the cited part marked; says so when it is not stored. */
export function LawArticleDialog({ code, article, part, onClose }: LawArticleDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const load = useCallback(() => call(api, 'laws.article', { code, article }), [api, code, article]);
  const loaded = useLoaded(load);
  const found = loaded.value;
  const missing = loaded.error instanceof ApiError && loaded.error.info.code === 'NOT_FOUND';
  const codeName = t(`laws.codes.${code}`, { defaultValue: code });
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth data-testid="law-article-dialog">
      <DialogTitle>{t('laws.article.title', { code: codeName, article })}</DialogTitle>
      <DialogContent dividers>
        {loaded.loading && <LinearProgress aria-label={t('common.loading')} />}
        {missing && (
          <Alert severity="info" data-testid="law-article-missing">
            {t('laws.article.missing', { code: codeName, article })}
          </Alert>
        )}
        {loaded.error !== null && !missing && <ErrorAlert error={loaded.error} />}
        {found && (
          <>
            <Typography variant="subtitle1" data-testid="law-article-heading">
              {found.heading}
            </Typography>
            <Typography variant="caption" color="text.secondary">
              {t('laws.article.version', { version: found.version })}
            </Typography>
            {found.parts.map((p) => (
              <Box
                key={p.part}
                data-testid={`law-article-part-${p.part || 'text'}`}
                data-cited={part !== undefined && part !== null && p.part === part ? 'true' : undefined}
                sx={{ mt: 1, p: 0.5, whiteSpace: 'pre-wrap', bgcolor: part && p.part === part ? 'action.selected' : undefined }}
              >
                <Typography variant="body2">{p.text}</Typography>
              </Box>
            ))}
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
