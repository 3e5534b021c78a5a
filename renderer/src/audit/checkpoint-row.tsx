import ArticleIcon from '@mui/icons-material/Article';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { CheckpointInfo } from '../../../main/contract/index.ts';
import { CopyButton } from '../common/copy-button.tsx';
import { useFormatters } from '../common/format.ts';
import { monospaceFamily } from '../theme/create-app-theme.ts';
import { checkpointReasons } from './checkpoint-reason.ts';

/** Props of CheckpointRow. */
export interface CheckpointRowProps {
  readonly checkpoint: CheckpointInfo;
  readonly onShowNote: (checkpoint: CheckpointInfo) => void;
}

/** One signed checkpoint: number, size, time, reason, key, root hash, witnesses, and its signed note to copy or read. */
export function CheckpointRow({ checkpoint, onShowNote }: CheckpointRowProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const reasonKey = checkpointReasons[checkpoint.reason];
  return (
    <TableRow data-testid={`checkpoint-row-${checkpoint.id}`} sx={{ verticalAlign: 'top' }}>
      <TableCell sx={{ fontWeight: 600 }}>{checkpoint.id}</TableCell>
      <TableCell align="right">{format.integer(checkpoint.size)}</TableCell>
      <TableCell>
        <time dateTime={checkpoint.createdAt} title={checkpoint.createdAt}>
          {format.dateTime(checkpoint.createdAt)}
        </time>
      </TableCell>
      <TableCell>{reasonKey ? t(`audit.checkpoints.reasons.${reasonKey}`) : checkpoint.reason}</TableCell>
      <TableCell sx={{ display: { xs: 'none', lg: 'table-cell' } }}>
        <Typography component="code" variant="body2" sx={{ fontFamily: monospaceFamily, fontSize: '0.8rem' }}>
          {checkpoint.keyId}
        </Typography>
      </TableCell>
      {/* Key id and root are also in the signed note (the last column) and the key's section: a narrow window leaves them there. */}
      <TableCell sx={{ maxWidth: 260, display: { xs: 'none', lg: 'table-cell' } }}>
        <Typography component="code" variant="body2" sx={{ fontFamily: monospaceFamily, fontSize: '0.75rem', wordBreak: 'break-all' }} data-testid={`checkpoint-root-${checkpoint.id}`}>
          {checkpoint.rootBase64}
        </Typography>
      </TableCell>
      <TableCell>
        {checkpoint.cosignatures.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {t('audit.checkpoints.noWitness')}
          </Typography>
        ) : (
          <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {checkpoint.cosignatures.map((c) => (
              <Tooltip key={c.witness} title={t('audit.checkpoints.cosignedAt', { at: format.dateTime(new Date(c.timestamp * 1000).toISOString()) })}>
                <Chip size="small" color="success" variant="outlined" label={c.witness} data-testid={`checkpoint-witness-${checkpoint.id}`} />
              </Tooltip>
            ))}
          </Stack>
        )}
      </TableCell>
      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
        <CopyButton value={checkpoint.note} label={t('audit.checkpoints.copyNote', { id: checkpoint.id })} testId={`checkpoint-copy-${checkpoint.id}`} />
        <Tooltip title={t('audit.checkpoints.showNote', { id: checkpoint.id })}>
          <IconButton size="small" aria-label={t('audit.checkpoints.showNote', { id: checkpoint.id })} onClick={() => onShowNote(checkpoint)} data-testid={`checkpoint-show-${checkpoint.id}`}>
            <ArticleIcon fontSize="inherit" />
          </IconButton>
        </Tooltip>
      </TableCell>
    </TableRow>
  );
}
