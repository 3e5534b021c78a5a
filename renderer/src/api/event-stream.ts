/** One server-sent event: its name and its data lines joined. */
export interface ServerSentEvent {
  readonly event: string;
  readonly data: string;
}

/**
 * Incremental text/event-stream parser (the WHATWG format): feed it chunks as they arrive, it calls back once per
 * complete event. Needed because EventSource cannot send the Authorization header the bridge requires.
 */
export class SseParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];
  private pendingCarriageReturn = false;

  constructor(private readonly onEvent: (event: ServerSentEvent) => void) {}

  /** Adds a decoded chunk; complete lines are processed, a trailing partial line waits for the next chunk. */
  push(chunk: string): void {
    // A chunk ending in '\r' may be the first half of '\r\n': the '\n' that may open the next chunk is not a new line.
    const text = this.pendingCarriageReturn && chunk.startsWith('\n') ? chunk.slice(1) : chunk;
    this.pendingCarriageReturn = text.endsWith('\r');
    const lines = (this.buffer + text).split(/\r\n|\r|\n/);
    this.buffer = lines.pop() ?? '';
    for (const line of lines) this.line(line);
  }

  private line(line: string): void {
    if (line === '') {
      if (this.data.length > 0) this.onEvent({ event: this.event || 'message', data: this.data.join('\n') });
      this.event = '';
      this.data = [];
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
  }
}
