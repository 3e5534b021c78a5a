import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { AuditEntryView } from '../../../main/contract/index.ts';
import { useFormatters } from '../common/format.ts';
import { monospaceFamily } from '../theme/create-app-theme.ts';
import { ActorText } from './actor-text.tsx';
import { actionText, entryAbout } from './entry-words.ts';
import { RowLink } from '../common/row-link.tsx';

/** Props of TrailRow. */
export interface TrailRowProps {
  readonly entry: AuditEntryView;
  /** The case's number where known (else its id is shown). */
  readonly caseNumber: string | undefined;
  readonly onOpen: (entry: AuditEntryView) => void;
}

/** One audit entry in the trail; its sequence number is the keyboard-reachable link, and the whole row opens it too. */
export function TrailRow({ entry, caseNumber, onOpen }: TrailRowProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const about = entryAbout(t, entry, caseNumber);
  return (
    <TableRow hover onClick={() => onOpen(entry)} sx={{ cursor: 'pointer' }} data-testid={`trail-row-${entry.seq}`} data-action={entry.action}>
      <TableCell sx={{ width: 80 }}>
        <RowLink onOpen={() => onOpen(entry)} label={t('audit.trail.openEntry', { seq: entry.seq })} testId={`trail-open-${entry.seq}`} sx={{ fontFamily: monospaceFamily }}>
          {entry.seq}
        </RowLink>
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        <time dateTime={entry.at} title={entry.at}>
          {format.dateTime(entry.at)}
        </time>
      </TableCell>
      <TableCell>
        <ActorText actor={entry.actor} role={entry.role} name={entry.actorName} />
      </TableCell>
      <TableCell>
        <Typography variant="body2" data-testid={`trail-action-${entry.seq}`}>
          {actionText(t, entry.action)}
        </Typography>
      </TableCell>
      <TableCell sx={{ overflowWrap: 'anywhere' }}>
        {about.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            —
          </Typography>
        ) : (
          about.map((line) => (
            <Typography key={line} variant="body2" data-testid={`trail-about-${entry.seq}`}>
              {line}
            </Typography>
          ))
        )}
      </TableCell>
    </TableRow>
  );
}
