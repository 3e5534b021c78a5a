/**
 * The typed IPC wrapper of the main process: the only file that touches ipcMain (DESIGN.md convention 1). Every
 * request comes in on one channel, is checked for its sender frame, then goes through the same Dispatcher as the
 * web bridge and the CLI, which validates the payload against the contract and enforces the channel's roles.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { EventChannel, EventOf, Result } from '../contract/index.ts';
import type { Dispatcher } from '../services/dispatcher.ts';
import { eventChannel, invokeChannel } from './ipc-channels.ts';
import { isAppUrl } from './protocol.ts';

/** The dispatcher's session key for a renderer: one per webContents, so a reload keeps the session. */
export function clientKeyOf(contents: Pick<WebContents, 'id'>): string {
  return `ipc-${contents.id}`;
}

/** The parts of an invoke event the sender check reads. */
export type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

/** The main window as far as the sender check needs it. */
export type MainWindowLike = Pick<BrowserWindow, 'isDestroyed'> & { readonly webContents: Pick<WebContents, 'id' | 'mainFrame'> };

/**
 * Why a sender is not trusted, or null when it is: it must be the top frame of the main window's webContents and
 * show a page from app://dalel (Electron security checklist #17). Anything else (an iframe, a page that got
 * navigated elsewhere, a second webContents, a frame already gone) is refused before any service sees the call.
 */
export function untrustedSenderReason(event: SenderEvent, mainWindow: MainWindowLike | null): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'the sending frame no longer exists';
  if (!mainWindow || mainWindow.isDestroyed()) return 'there is no main window';
  const contents = mainWindow.webContents;
  if (event.sender.id !== contents.id) return `webContents ${event.sender.id} is not the main window`;
  const top = contents.mainFrame;
  const isTop = frame === top || (frame.processId === top.processId && frame.routingId === top.routingId);
  if (!isTop || frame.parent !== null) return 'the sender is a sub-frame';
  if (!isAppUrl(frame.url)) return `the sender shows ${frame.url.slice(0, 120)}, not the app`;
  return null;
}

/** The answer given to an untrusted sender: the same envelope as any refusal, without any service having run. */
function forbidden(reason: string): Result<never> {
  return { ok: false, error: { code: 'FORBIDDEN', message: 'This window may not call the workstation.', params: { reason } } };
}

/**
 * Registers the contract's IPC handler. The dispatcher does payload validation and role checks; this adds the
 * sender check in front. Returns a function that removes the handler (for tests and orderly shutdown).
 */
export function registerContractHandlers(
  dispatcher: Pick<Dispatcher, 'invoke'>,
  mainWindow: () => MainWindowLike | null,
): () => void {
  ipcMain.handle(invokeChannel, async (event: IpcMainInvokeEvent, channel: unknown, payload: unknown): Promise<Result<unknown>> => {
    const reason = untrustedSenderReason(event, mainWindow());
    if (reason !== null) {
      console.warn(`[dalel] refused IPC ${String(channel).slice(0, 80)}: ${reason}`);
      return forbidden(reason);
    }
    return dispatcher.invoke(clientKeyOf(event.sender), channel, payload);
  });
  return () => ipcMain.removeHandler(invokeChannel);
}

/** Pushes a contract event to one renderer; a closed window is skipped rather than treated as an error. */
export function sendEvent<E extends EventChannel>(contents: Pick<WebContents, 'isDestroyed' | 'send'>, event: E, payload: EventOf<E>): void {
  if (contents.isDestroyed()) return;
  contents.send(eventChannel, event, payload);
}
