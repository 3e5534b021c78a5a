/** Indented JSON for reading; text that does not parse is returned as it is (it is shown, never hidden). */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
