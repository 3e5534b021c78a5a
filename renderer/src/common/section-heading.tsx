import Typography from '@mui/material/Typography';

/** What a section heading shows: its title and the one-paragraph introduction below it. */
export interface SectionHeadingProps {
  readonly title: string;
  readonly intro: string;
  /** The type size; the heading is an h2 either way. */
  readonly variant?: 'h5' | 'h6';
}

/** A section's heading (an h2) with its introduction, as the workspace panels open. */
export function SectionHeading({ title, intro, variant = 'h5' }: SectionHeadingProps) {
  return (
    <div>
      <Typography variant={variant} component="h2">
        {title}
      </Typography>
      <Typography color="text.secondary">{intro}</Typography>
    </div>
  );
}
