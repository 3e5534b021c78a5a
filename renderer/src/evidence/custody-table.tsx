import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useTranslation } from 'react-i18next';
import type { CustodyEvent } from '../../../main/contract/index.ts';
import { useFormatters } from '../common/format.ts';
import { useCustodyNote } from './custody-note.ts';

/** Custody actions with a translation; an action added later by the services is shown as recorded. */
export const knownCustodyActions = ['received', 'received-again', 'kind-declared', 'analysed', 'exported', 'reported'] as const;

/** Props of CustodyTable. */
export interface CustodyTableProps {
  readonly events: readonly CustodyEvent[];
}

/** An evidence item's chain of custody, oldest first: when, what, who (and in which role), and what it recorded. */
export function CustodyTable({ events }: CustodyTableProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const noteOf = useCustodyNote();
  const actionText = (action: string) => ((knownCustodyActions as readonly string[]).includes(action) ? t(`custody.actions.${action}`) : action);
  return (
    <Table size="small" aria-label={t('custody.tableLabel')} data-testid="custody-table">
      <TableHead>
        <TableRow>
          <TableCell>{t('custody.at')}</TableCell>
          <TableCell>{t('custody.action')}</TableCell>
          <TableCell>{t('custody.actor')}</TableCell>
          <TableCell>{t('custody.note')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {events.map((event) => (
          <TableRow key={event.id} data-testid={`custody-event-${event.action}`}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{format.dateTime(event.at)}</TableCell>
            <TableCell sx={{ fontWeight: 600 }}>{actionText(event.action)}</TableCell>
            <TableCell>
              {event.actor} ({t(`roles.${event.actorRole}`)})
            </TableCell>
            <TableCell sx={{ wordBreak: 'break-all' }}>{noteOf(event)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
