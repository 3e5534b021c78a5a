// Child process for the concurrent-import test: opens the shared data folder, waits for a common start moment,
// then imports one file, printing the result envelope as JSON.
import { readFileSync } from 'node:fs';
import { openWorkstation } from '../../main/services/workstation.ts';
import { fastScrypt, password } from './workstation.ts';

const [dataDir, caseId, file, startAt] = process.argv.slice(2) as [string, string, string, string];
const ws = openWorkstation({ dataDir, scryptParams: fastScrypt });
const login = await ws.dispatcher.invoke('child', 'auth.login', { username: 'expert', password });
if (!login.ok) throw new Error(login.error.message);
const bytes = new Uint8Array(readFileSync(file));
while (Date.now() < Number(startAt)) {
  // spin: all children enter intake at the same instant
}
const result = await ws.dispatcher.invoke('child', 'evidence.add', { caseId, fileName: `copy-${process.pid}.png`, bytes });
ws.close();
process.stdout.write(JSON.stringify(result));
