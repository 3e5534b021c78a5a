/**
 * The sandboxed preload: exposes the contract as `window.api` and nothing else. It is the only file that touches
 * ipcRenderer (DESIGN.md convention 1); the page never sees ipcRenderer, IPC events or their sender. Bundled to
 * dist/preload.cjs by scripts/build-preload.mjs, because a sandboxed preload must be a single CommonJS file.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isEventChannel, isRequestChannel, type DalelApi, type EventOf, type ResponseOf, type Result } from '../contract/index.ts';
import { eventChannel, invokeChannel } from './ipc-channels.ts';

/** The `window.api` object: only contract channels pass, and listeners receive the payload alone. */
export const api: DalelApi = {
  invoke(channel, payload) {
    if (!isRequestChannel(channel)) {
      const refused: Result<never> = {
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', message: `Unknown channel ${String(channel).slice(0, 80)}.` },
      };
      return Promise.resolve(refused);
    }
    return ipcRenderer.invoke(invokeChannel, channel, payload) as Promise<Result<ResponseOf<typeof channel>>>;
  },
  on(event, listener) {
    if (!isEventChannel(event)) throw new Error(`Unknown event ${String(event).slice(0, 80)}.`);
    const forward = (_ipcEvent: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) listener(payload as EventOf<typeof event>);
    };
    ipcRenderer.on(eventChannel, forward);
    return () => {
      ipcRenderer.removeListener(eventChannel, forward);
    };
  },
};

contextBridge.exposeInMainWorld('api', api);
