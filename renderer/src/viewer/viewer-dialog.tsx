import CloseIcon from '@mui/icons-material/Close';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import IconButton from '@mui/material/IconButton';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { moduleRunView } from '../forensics/registry.ts';
import { ComparisonViewer, type ViewerSource } from './comparison-viewer.tsx';
import { useElementWidth } from './use-element-width.ts';

/** Props of ViewerDialog. */
export interface ViewerDialogProps {
  readonly caseId: string;
  readonly source: ViewerSource;
  readonly onClose: () => void;
  readonly onFindingAdded: () => void;
  /** The findings and review panel, shown beside the viewer on a wide window and below it on a narrow one. */
  readonly aside: ReactNode;
  /** Whether the user may start analyses (a module's run viewer may then offer to run again with corrections). */
  readonly mayStartRuns?: boolean;
}

/** Below this window width the findings go under the viewer instead of beside it. */
const besideFrom = 1200;
/** Room taken above and below the panes (title bar, viewer toolbar, legends). */
const chrome = 240;

function useWindowSize(): { readonly width: number; readonly height: number } {
  const read = () => ({ width: window.innerWidth, height: window.innerHeight });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return size;
}

/**
 * The viewer as a large view over the whole window, whatever its width: the panes take the room the window has, the
 * findings sit beside them (wide) or below them (narrow). Escape or the close button returns to the case; focus stays
 * inside while it is open. The viewer's own shortcuts keep working in it (use-hotkeys lets this dialog through).
 */
export function ViewerDialog({ caseId, source, onClose, onFindingAdded, aside, mayStartRuns = false }: ViewerDialogProps) {
  const { t } = useTranslation();
  const viewport = useWindowSize();
  const [paneBox, paneWidth] = useElementWidth<HTMLDivElement>(Math.max(320, viewport.width - 48));
  const beside = viewport.width >= besideFrom;
  const height = Math.max(320, viewport.height - chrome);
  const title = source.kind === 'evidence' && source.items.length === 1 ? t('viewer.titleSingle', { name: source.items[0].name }) : t('viewer.title');
  // A module with its own viewer for this run's method (a photo read for colours, not surfaces compared) shows it.
  const runView = source.kind === 'run' && source.module ? moduleRunView(source.module, { runId: source.runId, ...(mayStartRuns ? { caseId } : {}), evidenceIds: source.evidenceIds, width: paneWidth, height }) : null;
  return (
    <Dialog
      open
      fullScreen
      onClose={onClose}
      aria-labelledby="viewer-dialog-title"
      data-testid="viewer-dialog"
      slotProps={{ paper: { 'data-viewer-dialog': '' } as React.HTMLAttributes<HTMLDivElement> }}
    >
      <AppBar position="sticky" color="default" elevation={1}>
        <Toolbar variant="dense" sx={{ gap: 1 }}>
          <Typography id="viewer-dialog-title" variant="h6" component="h2" sx={{ flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
            {title}
          </Typography>
          <IconButton edge="end" onClick={onClose} aria-label={t('viewer.close')} data-testid="viewer-close">
            <CloseIcon />
          </IconButton>
        </Toolbar>
      </AppBar>
      <Box sx={{ p: 2, display: 'flex', flexDirection: beside ? 'row' : 'column', gap: 2, alignItems: 'flex-start' }}>
        <Box ref={paneBox} sx={{ flex: '1 1 auto', minWidth: 0, width: beside ? undefined : '100%' }}>
          {runView ?? <ComparisonViewer caseId={caseId} source={source} onFindingAdded={onFindingAdded} width={paneWidth} height={height} />}
        </Box>
        <Box data-testid="viewer-aside" sx={beside ? { flex: '0 0 420px', minWidth: 0, maxHeight: `calc(100vh - 96px)`, overflow: 'auto' } : { width: '100%' }}>
          {aside}
        </Box>
      </Box>
    </Dialog>
  );
}
