import { createInterface } from 'node:readline';

/**
 * Reads passwords from standard input: one per line when piped (scripts, CI), or typed at a hidden prompt on a
 * terminal. Passwords are never taken from arguments or the environment, where other users could read them.
 */
export class PasswordInput {
  private lines: string[] | null = null;

  constructor(private readonly stdin: NodeJS.ReadableStream & { readonly isTTY?: boolean } = process.stdin) {}

  /** The next password; `prompt` is shown only on a terminal. */
  async next(prompt: string): Promise<string> {
    if (this.stdin.isTTY) return this.ask(prompt);
    this.lines ??= await this.readAll();
    const line = this.lines.shift();
    if (line === undefined) throw new Error(`standard input ended before the ${prompt.replace(/:\s*$/, '').toLowerCase()} was given`);
    return line;
  }

  private async readAll(): Promise<string[]> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.stdin as AsyncIterable<Buffer | string>) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/);
  }

  private ask(prompt: string): Promise<string> {
    return new Promise((resolve) => {
      const rl = createInterface({ input: this.stdin, output: process.stderr, terminal: true });
      // Mute the echo of what is typed after the prompt.
      const output = rl as unknown as { _writeToOutput: (s: string) => void };
      process.stderr.write(prompt);
      output._writeToOutput = () => undefined;
      rl.question('', (answer) => {
        rl.close();
        process.stderr.write('\n');
        resolve(answer);
      });
    });
  }
}
