import Box from '@mui/material/Box';
import { useEffect, useRef } from 'react';

/** Props of HighlightedText. */
export interface HighlightedTextProps {
  readonly text: string;
  /** The span to mark (character offsets into text), or null for none. */
  readonly span: { readonly start: number; readonly end: number } | null;
  readonly testId: string;
}

/** A decision text with one span marked and scrolled into view, so the clerk reads a value where it was found. */
export function HighlightedText({ text, span, testId }: HighlightedTextProps) {
  // Offsets come from the service; clamp them so a span past the end marks what exists rather than breaking the text.
  const start = span ? Math.max(0, Math.min(span.start, text.length)) : 0;
  const end = span ? Math.max(start, Math.min(span.end, text.length)) : 0;
  const container = useRef<HTMLElement>(null);
  const mark = useRef<HTMLElement>(null);
  // Scrolls the text box alone (not the page; the box is the mark's offset parent) to the mark, only when another
  // span is chosen, so typing never jumps.
  useEffect(() => {
    const box = container.current;
    const marked = mark.current;
    if (box && marked) box.scrollTop = Math.max(0, marked.offsetTop - box.clientHeight / 3);
  }, [start, end]);
  return (
    <Box
      component="pre"
      ref={container}
      data-testid={testId}
      sx={{ position: 'relative', whiteSpace: 'pre-wrap', fontFamily: 'inherit', fontSize: '0.9rem', m: 0, p: 1.5, maxHeight: 360, overflow: 'auto', bgcolor: 'action.hover', borderRadius: 1 }}
    >
      {span && end > start ? (
        <>
          {text.slice(0, start)}
          <Box component="mark" data-testid={`${testId}-mark`} ref={mark} sx={{ bgcolor: 'warning.light', px: 0.25 }}>
            {text.slice(start, end)}
          </Box>
          {text.slice(end)}
        </>
      ) : (
        text
      )}
    </Box>
  );
}
