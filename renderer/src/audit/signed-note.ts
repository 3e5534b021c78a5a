/**
 * A signed note pasted into a text box, made exact again: line endings back to "\n", surrounding blank space removed,
 * and the single final newline the C2SP format requires (text boxes and e-mail often drop or double it).
 */
export function normaliseSignedNote(text: string): string {
  return `${text.replace(/\r\n?/g, '\n').trim()}\n`;
}

/** Verifier keys typed one per line: trimmed, blank lines dropped. */
export function keyLines(text: string): string[] {
  return text
    .split(/\r\n?|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
