/**
 * A stand-in for the 'electron' module in unit tests (no Electron binary exists here): records what the main-process
 * code registers so that tests can call the handlers directly. Use with `vi.mock('electron', () => import('./fake-electron.ts'))`.
 */
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';

/** The repository root, which the fake app reports as its app path. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** A fake WebFrameMain. */
export class FakeFrame {
  constructor(
    public url: string,
    public readonly parent: FakeFrame | null = null,
    public readonly processId = 1,
    public readonly routingId = 1,
  ) {}
}

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
type HeadersListener = (
  details: { responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string | string[]> }) => void,
) => void;

/** A fake Session that keeps the handlers installed on it. */
export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null;
  devicePermissionHandler: ((...args: unknown[]) => boolean) | null = null;
  headersListener: HeadersListener | null = null;
  readonly setPermissionRequestHandler = vi.fn((handler: PermissionRequestHandler) => {
    this.permissionRequestHandler = handler;
  });
  readonly setPermissionCheckHandler = vi.fn((handler: (...args: unknown[]) => boolean) => {
    this.permissionCheckHandler = handler;
  });
  readonly setDevicePermissionHandler = vi.fn((handler: (...args: unknown[]) => boolean) => {
    this.devicePermissionHandler = handler;
  });
  readonly webRequest = {
    onHeadersReceived: vi.fn((listener: HeadersListener) => {
      this.headersListener = listener;
    }),
  };
}

let nextContentsId = 1;

/** A fake WebContents: an event emitter with a main frame, a session and a window-open handler slot. */
export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly mainFrame: FakeFrame;
  readonly session: FakeSession;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  destroyed = false;
  readonly send = vi.fn();
  readonly closeDevTools = vi.fn();

  constructor(url = 'app://dalel/index.html', session: FakeSession = new FakeSession()) {
    super();
    this.mainFrame = new FakeFrame(url, null, 1, this.id * 10);
    this.session = session;
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Simulates the renderer going away. */
  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

/** A fake app: an event emitter whose 'ready' the test fires by hand. */
class FakeApp extends EventEmitter {
  private resolveReady: () => void = () => {};
  private ready = new Promise<void>((resolve) => (this.resolveReady = resolve));
  /** Whether the test plays a packaged build. */
  isPackaged = false;
  readonly enableSandbox = vi.fn();
  readonly requestSingleInstanceLock = vi.fn(() => true);
  readonly quit = vi.fn();
  readonly exit = vi.fn();
  readonly getAppPath = vi.fn(() => repoRoot);
  readonly getPath = vi.fn((_name: string) => '/nonexistent/userData');
  readonly whenReady = vi.fn(() => this.ready);

  /** Resolves whenReady(), as Electron does once Chromium is up. */
  fireReady(): void {
    this.resolveReady();
  }
}

/** The fake `app`. */
export const app = new FakeApp();

/** The fake `session` module. */
export const session = { defaultSession: new FakeSession() };

/** The fake BrowserWindow: records its options and emits app 'web-contents-created' like Electron. */
export class BrowserWindow extends EventEmitter {
  static readonly instances: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents('app://dalel/index.html', session.defaultSession);
  readonly loadURL = vi.fn((_url: string) => Promise.resolve());
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  readonly isMinimized = vi.fn(() => false);
  destroyed = false;

  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.instances.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

type ProtocolHandler = (request: Request) => Promise<Response>;

/** The fake `protocol`: keeps the registered schemes and handlers. */
export const protocol = {
  handlers: new Map<string, ProtocolHandler>(),
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn((scheme: string, handler: ProtocolHandler) => {
    protocol.handlers.set(scheme, handler);
  }),
};

type InvokeHandler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

/** The fake `ipcMain`: keeps the handlers by channel. */
export const ipcMain = {
  handlers: new Map<string, InvokeHandler>(),
  handle: vi.fn((channel: string, handler: InvokeHandler) => {
    if (ipcMain.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcMain.handlers.set(channel, handler);
  }),
  removeHandler: vi.fn((channel: string) => {
    ipcMain.handlers.delete(channel);
  }),
};

/** The fake `ipcRenderer`: an emitter whose invoke is a spy. */
class FakeIpcRenderer extends EventEmitter {
  readonly invoke = vi.fn((..._args: unknown[]): Promise<unknown> => Promise.resolve({ ok: true, value: 'from-main' }));
}
/** The fake `ipcRenderer`. */
export const ipcRenderer = new FakeIpcRenderer();

/** The fake `contextBridge`: keeps what was exposed. */
export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld: vi.fn((key: string, value: unknown) => {
    contextBridge.exposed.set(key, value);
  }),
};

/** The fake `safeStorage`: a reversible, visibly different encoding, and a backend the test picks. */
export const safeStorage = {
  backend: 'gnome_libsecret' as string,
  available: true,
  isEncryptionAvailable: vi.fn(() => safeStorage.available),
  getSelectedStorageBackend: vi.fn(() => safeStorage.backend),
  encryptString: vi.fn((text: string) => Buffer.from(`v10${Buffer.from(text, 'utf8').reverse().toString('latin1')}`, 'latin1')),
  decryptString: vi.fn((sealed: Buffer) => {
    const text = sealed.toString('latin1');
    if (!text.startsWith('v10')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(text.slice(3), 'latin1').reverse().toString('utf8');
  }),
};

/** A menu built from a template: keeps the template so tests can read it. */
export interface FakeMenu {
  readonly template: unknown[];
}

/** The fake `Menu`: keeps the application menu set last. */
export const Menu = {
  applicationMenu: null as FakeMenu | null,
  buildFromTemplate: vi.fn((template: unknown[]): FakeMenu => ({ template })),
  setApplicationMenu: vi.fn((menu: FakeMenu | null) => {
    Menu.applicationMenu = menu;
  }),
};

/** The fake `dialog`. */
export const dialog = { showErrorBox: vi.fn() };

/** A fake utility process: records the job posted to it and whether it was killed; tests emit its messages. */
export class FakeUtilityProcess extends EventEmitter {
  readonly posted: unknown[] = [];
  killed = false;
  constructor(
    readonly modulePath: string,
    readonly options: unknown,
  ) {
    super();
  }
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  kill(): boolean {
    this.killed = true;
    this.emit('exit', null);
    return true;
  }
}

/** The fake `utilityProcess`: keeps every process it forked. */
export const utilityProcess = {
  forked: [] as FakeUtilityProcess[],
  fork: vi.fn((modulePath: string, _args: string[], options: unknown) => {
    const child = new FakeUtilityProcess(modulePath, options);
    utilityProcess.forked.push(child);
    return child;
  }),
};
