import TableCell from '@mui/material/TableCell';
import Typography from '@mui/material/Typography';
import { useFormatters } from './format.ts';

/** Props of StampCell. */
export interface StampCellProps {
  /** ISO timestamp. */
  readonly at: string;
  readonly by: string;
}

/** A table cell saying when a row was made (local date and time) and, beneath it, by whom. */
export function StampCell({ at, by }: StampCellProps) {
  const format = useFormatters();
  return (
    <TableCell>
      <Typography variant="body2">{format.dateTime(at)}</Typography>
      <Typography variant="caption" color="text.secondary">
        {by}
      </Typography>
    </TableCell>
  );
}
