import { accessSync, constants, mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { RequestChannel, RequestOf, ResponseOf, Role } from '../../main/contract/index.ts';
import type { Clock } from '../../main/services/clock.ts';
import { openWorkstation, type Workstation, type WorkstationOptions } from '../../main/services/workstation.ts';

/** A clock the test moves by hand. */
export class ManualClock implements Clock {
  constructor(private ms = Date.parse('2026-11-27T09:00:00Z')) {}
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

/** Cheap scrypt so that tests stay fast; production uses the default cost. */
export const fastScrypt = { N: 1024, r: 8, p: 1 } as const;

/**
 * Where test folders go: DALEL_TEST_TMPDIR when set; else a RAM-backed folder (/dev/shm) when it is writable with
 * 2 GiB free; else the system's temporary folder. The databases commit with synchronous = FULL, and on a disk each
 * commit waits for fsync, which made most of a workstation test's wall time (access.test.ts: 174 s on /tmp, 54 s
 * on /dev/shm, the same CPU). The code under test is the same either way; only a power cut could tell the two apart.
 */
export const testTempRoot: string = (() => {
  const chosen = process.env.DALEL_TEST_TMPDIR;
  if (chosen) return chosen;
  try {
    const shm = '/dev/shm';
    accessSync(shm, constants.W_OK);
    const fs = statfsSync(shm);
    if (fs.bavail * fs.bsize >= 2 ** 31) return shm;
  } catch {
    // No such folder, or not ours to write: the system's temporary folder.
  }
  return tmpdir();
})();

/** A fresh temporary folder (under `root`: `testTempRoot` unless given), removed by the returned cleanup. */
export function tempDir(prefix = 'dalel-test-', root = testTempRoot): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(root, prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A workstation on a temporary data folder with a manual clock and cheap password hashing. */
export function testWorkstation(options: Partial<WorkstationOptions> = {}): { ws: Workstation; clock: ManualClock; dispose: () => void } {
  const { dir, cleanup } = tempDir();
  const clock = new ManualClock();
  // Demo models are copied only where a test asks for them (demoModels: true): most tests need an empty models folder.
  const ws = openWorkstation({ dataDir: dir, clock, scryptParams: fastScrypt, demoModels: false, checkResponses: true, ...options });
  return {
    ws,
    clock,
    dispose: () => {
      ws.close();
      cleanup();
    },
  };
}

/** Calls a channel and returns its value, failing the test with the error envelope otherwise. */
export async function call<C extends RequestChannel>(ws: Workstation, client: string, channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await ws.dispatcher.invoke(client, channel, payload);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.value as ResponseOf<C>;
}

/** The standard test password. */
export const password = 'correct horse battery';

/**
 * One expert signs a case alone, as a laboratory with the technical review switched off allows: submit, verify,
 * re-authenticate with the standard password, sign as approved. Returns the signed review.
 */
export async function signAlone(ws: Workstation, expertClient: string, caseId: string): Promise<ResponseOf<'review.transition'>> {
  await call(ws, expertClient, 'review.transition', { caseId, action: 'submit' });
  await call(ws, expertClient, 'review.transition', { caseId, action: 'verify' });
  await call(ws, expertClient, 'auth.reauthenticate', { password });
  return call(ws, expertClient, 'review.transition', { caseId, action: 'sign', meaning: 'approved' });
}

/** Sets up an administrator on client 'admin' and one logged-in user per role on clients named after the role. */
export async function seedUsers(ws: Workstation): Promise<Record<Role, string>> {
  await call(ws, 'admin-client', 'auth.setupAdmin', { username: 'admin', displayName: 'Administrator', password });
  const clients: Record<Role, string> = { administrator: 'admin-client', expert: 'expert-client', judge: 'judge-client', clerk: 'clerk-client' };
  for (const role of ['expert', 'judge', 'clerk'] as const) {
    await call(ws, 'admin-client', 'users.add', { username: role, displayName: `A ${role}`, role, password });
    await call(ws, clients[role], 'auth.login', { username: role, password });
  }
  return clients;
}

/** A real PNG with a gradient, `bitDepth` 8 or 16. */
export function makePng(width: number, height: number, seed = 0, bitDepth: 8 | 16 = 8): Uint8Array {
  const png = new PNG({ width, height, bitDepth, colorType: 6, inputColorType: 6 } as ConstructorParameters<typeof PNG>[0]);
  const max = bitDepth === 16 ? 65535 : 255;
  const data = bitDepth === 16 ? new Uint16Array(width * height * 4) : new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * 4;
      data[i] = Math.round(((x + seed) % width) / width * max);
      data[i + 1] = Math.round((y / height) * max);
      data[i + 2] = (seed * 37) % max;
      data[i + 3] = max;
    }
  }
  png.data = Buffer.from(data.buffer);
  return new Uint8Array(PNG.sync.write(png, { bitDepth, colorType: 6, inputColorType: 6 }));
}
