import { useCallback, useState } from 'react';

/** What the last copy did: copied, refused by the browser, or nothing yet. */
export type CopyFeedback = 'copied' | 'failed' | null;

/** The clipboard with feedback: `copy` writes text and remembers whether it worked, `reset` forgets it. */
export function useClipboard(): { readonly feedback: CopyFeedback; readonly copy: (text: string) => Promise<void>; readonly reset: () => void } {
  const [feedback, setFeedback] = useState<CopyFeedback>(null);
  const copy = useCallback(async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setFeedback('copied');
    } catch (error) {
      // Clipboard access can be refused (no focus, permissions); the user can still select the text.
      console.warn('[dalel] clipboard refused the text:', error);
      setFeedback('failed');
    }
  }, []);
  const reset = useCallback(() => setFeedback(null), []);
  return { feedback, copy, reset };
}
