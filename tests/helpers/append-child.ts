// Child process for the crash test: appends audit entries in batches forever, printing "ack <last seq>" after each
// commit returns, until the parent kills it with SIGKILL.
import { writeSync } from 'node:fs';
import { openDatabase } from '../../main/db/database.ts';
import { AuditLog } from '../../main/services/audit/audit-log.ts';
import { systemClock } from '../../main/services/clock.ts';

const pause = new Int32Array(new SharedArrayBuffer(4));
const [file] = process.argv.slice(2) as [string];
const log = new AuditLog(openDatabase(file), systemClock, 'crash-test');
const actor = { userId: 'u', username: 'crash', role: 'clerk' as const };
for (let batch = 0; ; batch += 1) {
  const size = 1 + (batch % 17);
  const seqs = log.appendAll(Array.from({ length: size }, (_, i) => ({ action: 'crash.append', actor, details: { batch, i } })));
  // Synchronous write: the parent must never see an acknowledgement the child had not yet made durable.
  writeAck(`ack ${seqs[seqs.length - 1]}\n`);
}

/** Writes the whole line to stdout, waiting while the pipe is full: appends now outrun a parent busy elsewhere. */
function writeAck(line: string): void {
  const bytes = Buffer.from(line);
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(1, bytes, offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, 1);
    }
  }
}
