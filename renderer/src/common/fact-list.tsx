import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/** One labelled value of a FactList. */
export interface Fact {
  readonly label: string;
  readonly value: ReactNode;
  /** data-testid of the value cell. */
  readonly testId?: string;
}

/** Props of FactList. */
export interface FactListProps {
  readonly facts: readonly Fact[];
}

/** Labelled values as a two-column description list (`<dl>`), labels aligned, values wrapping. */
export function FactList({ facts }: FactListProps) {
  return (
    <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'max-content minmax(0, 1fr)' }, columnGap: 3, rowGap: 1.25 }}>
      {facts.map((fact) => (
        <Box key={fact.label} sx={{ display: 'contents' }}>
          <Typography component="dt" variant="body2" color="text.secondary" sx={{ pt: '2px' }}>
            {fact.label}
          </Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0, minWidth: 0, wordBreak: 'break-word' }} data-testid={fact.testId}>
            {fact.value}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}
