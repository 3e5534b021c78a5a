// Child process for the crash test: appends audit entries in batches forever, printing "ack <last seq>" after each
// commit returns, until the parent kills it with SIGKILL.
import { writeSync } from 'node:fs';
import { openDatabase } from '../../main/db/database.ts';
import { AuditLog } from '../../main/services/audit/audit-log.ts';
import { systemClock } from '../../main/services/clock.ts';

const [file] = process.argv.slice(2) as [string];
const log = new AuditLog(openDatabase(file), systemClock, 'crash-test');
const actor = { userId: 'u', username: 'crash', role: 'clerk' as const };
for (let batch = 0; ; batch += 1) {
  const size = 1 + (batch % 17);
  const seqs = log.appendAll(Array.from({ length: size }, (_, i) => ({ action: 'crash.append', actor, details: { batch, i } })));
  // Synchronous write: the parent must never see an acknowledgement the child had not yet made durable.
  writeSync(1, `ack ${seqs[seqs.length - 1]}\n`);
}
