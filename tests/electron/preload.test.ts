import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DalelApi, RequestChannel } from '../../main/contract/index.ts';
import { contextBridge, ipcRenderer } from './fake-electron.ts';

vi.mock('electron', () => import('./fake-electron.ts'));

describe('preload', () => {
  let api: DalelApi;
  beforeAll(async () => {
    await import('../../main/electron/preload.ts');
    api = contextBridge.exposed.get('api') as DalelApi;
  });
  beforeEach(() => {
    ipcRenderer.invoke.mockClear();
    ipcRenderer.removeAllListeners();
  });

  it('exposes exactly one object, window.api, with invoke and on only', () => {
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect([...contextBridge.exposed.keys()]).toEqual(['api']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
  });

  it('forwards a contract channel on dalel:invoke and returns the main process answer', async () => {
    const result = await api.invoke('auth.status', {});
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('dalel:invoke', 'auth.status', {});
    expect(result).toEqual({ ok: true, value: 'from-main' });
  });

  it.each(['fs.readFile', 'dalel:invoke', '__proto__', 'toString', ''])('refuses the non-contract channel %j without any IPC', async (name) => {
    const result = await api.invoke(name as RequestChannel, {} as never);
    expect(result.ok === false && result.error.code).toBe('UNKNOWN_CHANNEL');
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('delivers only the payload of the requested event, never the IPC event object', () => {
    const listener = vi.fn();
    api.on('session.changed', listener);
    ipcRenderer.emit('dalel:event', { sender: 'secret ipcRenderer' }, 'session.changed', { session: null });
    ipcRenderer.emit('dalel:event', { sender: 'secret ipcRenderer' }, 'other.event', { x: 1 });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([{ session: null }]);
  });

  it('unsubscribes with the returned function', () => {
    const listener = vi.fn();
    const off = api.on('session.changed', listener);
    off();
    ipcRenderer.emit('dalel:event', {}, 'session.changed', { session: null });
    expect(listener).not.toHaveBeenCalled();
    expect(ipcRenderer.listenerCount('dalel:event')).toBe(0);
  });

  it('refuses to subscribe to an event that is not in the contract', () => {
    expect(() => api.on('ipc.raw' as 'session.changed', vi.fn())).toThrow(/Unknown event/);
    expect(ipcRenderer.listenerCount('dalel:event')).toBe(0);
  });
});
