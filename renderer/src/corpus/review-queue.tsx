import Alert from '@mui/material/Alert';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useFormatters } from '../common/format.ts';
import { useLoaded } from '../common/use-loaded.ts';
import { ReviewItemEditor } from './review-item-editor.tsx';
import { SectionHeading } from '../common/section-heading.tsx';

/** The clerk's review queue: decision texts whose values were read with too little confidence, one open at a time. */
export function ReviewQueue() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormatters();
  const load = useCallback(() => call(api, 'corpus.reviewQueue', {}), [api]);
  const queue = useLoaded(load);
  // Field titles and choices; without them (an older service, a failure) values are still shown and edited as text.
  const loadCaseTypes = useCallback(() => call(api, 'decision.caseTypes', {}), [api]);
  const caseTypes = useLoaded(loadCaseTypes);
  const [openId, setOpenId] = useState<string | null>(null);
  const [done, setDone] = useState<{ stored: boolean } | null>(null);
  const items = queue.value ?? [];
  const open = items.find((item) => item.id === openId) ?? items[0] ?? null;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="review-queue">
      <Stack spacing={2}>
        <SectionHeading title={t('corpus.review.title')} intro={t('corpus.review.intro')} variant="h6" />
        {queue.loading && <LinearProgress aria-label={t('common.loading')} />}
        {queue.error !== null && <ErrorAlert error={queue.error} testId="review-queue-error" />}
        {done && (
          <Alert severity="success" onClose={() => setDone(null)} data-testid="review-done">
            {t(done.stored ? 'corpus.review.stored' : 'corpus.review.notStored')}
          </Alert>
        )}
        {queue.value && items.length === 0 && <Alert severity="info">{t('corpus.review.empty')}</Alert>}
        {items.length > 0 && (
          <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
            <List dense sx={{ minWidth: 260 }} aria-label={t('corpus.review.title')}>
              {items.map((item) => (
                <ListItemButton key={item.id} selected={item.id === open?.id} onClick={() => setOpenId(item.id)} data-testid={`review-open-${item.id}`}>
                  <ListItemText primary={item.fileName} secondary={format.dateTime(item.createdAt)} />
                </ListItemButton>
              ))}
            </List>
            {open && (
              <ReviewItemEditor
                key={open.id}
                item={open}
                caseType={caseTypes.value?.find((c) => c.id === open.caseType) ?? null}
                onDecided={(stored) => {
                  setDone({ stored });
                  setOpenId(null);
                  queue.reload();
                }}
              />
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
