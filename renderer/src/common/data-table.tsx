import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { SxProps, Theme } from '@mui/material/styles';
import type { ReactNode } from 'react';
import { EmptyTableRow } from './empty-table-row.tsx';

/** A column's heading: its words (none for an actions column), alignment and styling. */
export interface DataColumn {
  readonly label?: ReactNode;
  readonly align?: 'right';
  readonly sx?: SxProps<Theme>;
}

/** Props of DataTable. */
export interface DataTableProps {
  /** The headings, in order: words, or a DataColumn where a column is aligned, styled or unlabelled. */
  readonly columns: ReadonlyArray<string | DataColumn>;
  readonly label?: string;
  readonly testId?: string;
  readonly stickyHeader?: boolean;
  /** The one row said when there are none (its sentence and test id); false or absent while there are rows. */
  readonly empty?: { readonly testId: string; readonly text: ReactNode } | false | null;
  /** The body's rows. */
  readonly children: ReactNode;
}

/** A small table with one heading row and its body rows, and a sentence in place of the rows when there are none. */
export function DataTable({ columns, label, testId, stickyHeader, empty, children }: DataTableProps) {
  return (
    <Table size="small" stickyHeader={stickyHeader} aria-label={label} data-testid={testId}>
      <TableHead>
        <TableRow>
          {columns.map((column, index) => {
            const { label: heading, align, sx } = typeof column === 'string' ? { label: column } : column;
            return (
              <TableCell key={index} align={align} sx={sx}>
                {heading}
              </TableCell>
            );
          })}
        </TableRow>
      </TableHead>
      <TableBody>
        {children}
        {empty && (
          <EmptyTableRow columns={columns.length} testId={empty.testId}>
            {empty.text}
          </EmptyTableRow>
        )}
      </TableBody>
    </Table>
  );
}
