/** What every CLI command shares (options, the opened workstation, typed calls, output), apart from the command tree. */
import type { Command } from 'commander';
import type { RequestChannel, RequestOf, ResponseOf } from '../contract/index.ts';
import { passphraseSealerFromEnv } from '../services/audit/key-passphrase.ts';
import { DalelError } from '../services/errors.ts';
import { defaultDataDir } from '../services/paths.ts';
import { actorOf, type Actor } from '../services/sessions.ts';
import { openWorkstation, type Workstation } from '../services/workstation.ts';
import type { PasswordInput } from './password-input.ts';

const clientKey = 'cli';

/** The options every command accepts. */
export interface GlobalOptions {
  dataDir?: string;
  json?: boolean;
  user?: string;
}

/** Where CLI output goes; tests pass their own. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly passwords: PasswordInput;
}

/** What every command shares: options, the opened workstation, typed calls, output. */
export class CliContext {
  private workstation: Workstation | null = null;

  constructor(
    private readonly program: Command,
    readonly io: CliIo,
  ) {}

  get options(): GlobalOptions {
    return this.program.opts<GlobalOptions>();
  }

  /** Opens the data folder once. */
  open(): Workstation {
    // The service account's key passphrase file (DALEL_KEY_PASSPHRASE_FILE) opens the signing key, as in browser mode.
    this.workstation ??= openWorkstation({ dataDir: this.options.dataDir ?? defaultDataDir(), keySealer: passphraseSealerFromEnv() });
    return this.workstation;
  }

  /** Calls a channel as the logged-in user, turning an error envelope into a thrown DalelError. */
  async call<C extends RequestChannel>(channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>> {
    const result = await this.open().dispatcher.invoke(clientKey, channel, payload);
    if (!result.ok) throw new DalelError(result.error.code, result.error.message, result.error.params);
    return result.value as ResponseOf<C>;
  }

  /** Logs in as --user, reading the password from standard input; returns it for a re-authentication in the same run (signing). */
  async login(): Promise<string> {
    const username = this.options.user;
    if (!username) throw new DalelError('UNAUTHENTICATED', 'This command acts as a user: pass --user NAME (the password is read from standard input).');
    const password = await this.io.passwords.next(`Password for ${username}: `);
    await this.call('auth.login', { username, password });
    return password;
  }

  /** Logs in as --user and returns the actor. */
  async actor(): Promise<Actor> {
    await this.login();
    const session = this.open().sessions.peek(clientKey);
    if (!session) throw new DalelError('UNAUTHENTICATED', 'Please log in.');
    return actorOf(session);
  }

  /** The logged-in user when --user was given; commands on files may also run anonymously (recorded as such). */
  async optionalActor(): Promise<Actor | null> {
    return this.options.user ? this.actor() : null;
  }

  /** What most commands do: logs in as --user, calls one channel, and prints its answer (`human` gives the text form). */
  async show<C extends RequestChannel>(channel: C, payload: RequestOf<C>, human: (answer: ResponseOf<C>) => string): Promise<void> {
    await this.login();
    const answer = await this.call(channel, payload);
    this.print(answer, () => human(answer));
  }

  /** Prints JSON with --json, the human form otherwise. */
  print(value: unknown, human: () => string): void {
    this.io.out(this.options.json ? JSON.stringify(value, null, 2) : human());
  }

  /** Closes the workstation (signing a last checkpoint when entries are unsigned and the key is open). */
  close(): void {
    this.workstation?.close();
    this.workstation = null;
  }
}
