import Link from '@mui/material/Link';
import type { SxProps, Theme } from '@mui/material/styles';
import type { ReactNode } from 'react';

/** Props of RowLink. */
export interface RowLinkProps {
  readonly onOpen: () => void;
  readonly label: string;
  readonly testId: string;
  readonly sx?: SxProps<Theme>;
  readonly children: ReactNode;
}

/**
 * The keyboard-reachable link of a clickable table row (a case number, a file name, an entry's sequence number):
 * it opens the same thing as a click on the row, and stops that click so the row does not open it twice.
 */
export function RowLink({ onOpen, label, testId, sx, children }: RowLinkProps) {
  return (
    <Link
      component="button"
      type="button"
      variant="body2"
      onClick={(event) => {
        event.stopPropagation();
        onOpen();
      }}
      aria-label={label}
      sx={[{ fontWeight: 600 }, ...(Array.isArray(sx) ? sx : [sx])]}
      data-testid={testId}
    >
      {children}
    </Link>
  );
}
