import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evidence } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useLoaded } from '../common/use-loaded.ts';
import { CustodyTable } from './custody-table.tsx';
import { EvidenceDetails } from './evidence-details.tsx';
import { KindCorrection } from './kind-correction.tsx';
import { DocumentTextSection, documentKinds } from './document-text-section.tsx';

/** Props of CustodyDialog. */
export interface CustodyDialogProps {
  readonly item: Evidence;
  readonly onClose: () => void;
  /** Given where the role may correct what an item is (experts): told after a correction. */
  readonly onKindCorrected?: () => void;
  /** Whether the user may have a document's text read (experts and judges). */
  readonly mayRecognise?: boolean;
}

/** The detail view of one evidence item: its particulars and its chain of custody. */
export function CustodyDialog({ item: initial, onClose, onKindCorrected, mayRecognise = false }: CustodyDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [item, setItem] = useState(initial);
  const load = useCallback(() => call(api, 'evidence.custody', { evidenceId: item.id }), [api, item]);
  const custody = useLoaded(load);
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="lg" aria-labelledby="custody-title" data-testid="custody-dialog">
      <DialogTitle id="custody-title">{t('custody.title', { name: item.originalName })}</DialogTitle>
      <DialogContent dividers>
        <EvidenceDetails item={item} />
        {onKindCorrected && (
          <KindCorrection
            item={item}
            onCorrected={(corrected) => {
              setItem(corrected);
              onKindCorrected();
            }}
          />
        )}
        {documentKinds.includes(item.kind) && <DocumentTextSection item={item} mayRecognise={mayRecognise} />}
        <Typography variant="h6" component="h2" sx={{ mt: 3, mb: 1 }}>
          {t('custody.heading')}
        </Typography>
        {custody.loading && <LinearProgress aria-label={t('common.loading')} />}
        {custody.error !== null && <ErrorAlert error={custody.error} />}
        {custody.value && <CustodyTable events={custody.value} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} autoFocus data-testid="custody-close">
          {t('common.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
