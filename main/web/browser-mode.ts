import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openWorkstation, type Workstation, type WorkstationOptions } from '../services/workstation.ts';
import { startWebBridge, type WebBridge } from './server.ts';

/** The built renderer: beside main/ in the source tree, two levels further up once compiled into dist/main/. */
export const defaultStaticDir = ['../../renderer/dist/', '../../../renderer/dist/']
  .map((relative) => fileURLToPath(new URL(relative, import.meta.url)))
  .find((dir) => existsSync(join(dir, 'index.html'))) ?? fileURLToPath(new URL('../../renderer/dist/', import.meta.url));

/** A workstation served to a browser over the loopback bridge. */
export interface BrowserMode {
  readonly workstation: Workstation;
  readonly bridge: WebBridge;
  close(): Promise<void>;
}

/** Opens the data folder and serves it on 127.0.0.1, pushing session events to the browser tabs. */
export async function startBrowserMode(
  options: Omit<WorkstationOptions, 'onSessionChanged'> & { readonly port?: number; readonly staticDir?: string; readonly token?: string },
): Promise<BrowserMode> {
  let bridge: WebBridge | null = null;
  const workstation = openWorkstation({
    periodicCheckpoints: true,
    ...options,
    onSessionChanged: (clientKey) => {
      const session = workstation.sessions.peek(clientKey);
      bridge?.emit(clientKey, 'session.changed', { session: session ? workstation.sessions.info(session) : null });
    },
    onExportProgress: (clientKey, done, total) => bridge?.emit(clientKey, 'audit.exportProgress', { done, total }),
    onVerifyProgress: (clientKey, done, total) => bridge?.emit(clientKey, 'audit.verifyProgress', { done, total }),
    onAnalysisProgress: (clientKey, event) => bridge?.emit(clientKey, 'analysis.progress', event),
    onDocumentProgress: (clientKey, event) => bridge?.emit(clientKey, 'documents.progress', event),
  });
  try {
    bridge = await startWebBridge({
      dispatcher: workstation.dispatcher,
      uploads: workstation.uploads,
      staticDir: options.staticDir ?? defaultStaticDir,
      port: options.port,
      token: options.token,
    });
  } catch (error) {
    workstation.close();
    throw error;
  }
  const running = bridge;
  return {
    workstation,
    bridge: running,
    close: async () => {
      await running.close();
      workstation.close();
    },
  };
}
