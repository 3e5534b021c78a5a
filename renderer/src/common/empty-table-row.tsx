import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/** Props of EmptyTableRow. */
export interface EmptyTableRowProps {
  /** How many columns the sentence spans (the table's width). */
  readonly columns: number;
  readonly testId: string;
  readonly children: ReactNode;
}

/** The row a table shows when it has none: one centred sentence saying why (nothing yet, nothing matches). */
export function EmptyTableRow({ columns, testId, children }: EmptyTableRowProps) {
  return (
    <TableRow>
      <TableCell colSpan={columns} data-testid={testId}>
        <Typography color="text.secondary" sx={{ py: 2, textAlign: 'center' }}>
          {children}
        </Typography>
      </TableCell>
    </TableRow>
  );
}
