/** The raw IPC channel names, kept apart from ipc.ts so that the sandboxed preload bundle does not pull in ipcMain. */

/** The one request/response IPC channel; the contract channel name travels as its first argument. */
export const invokeChannel = 'dalel:invoke';
/** The one event IPC channel; the contract event name travels as its first argument. */
export const eventChannel = 'dalel:event';
