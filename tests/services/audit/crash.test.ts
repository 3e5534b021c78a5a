import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/database.ts';
import { AuditLog } from '../../../main/services/audit/audit-log.ts';
import { systemClock } from '../../../main/services/clock.ts';
import { hashLeaf, MemoryTree, sameHash } from '../../../main/services/audit/merkle.ts';
import { tempDir } from '../../helpers/workstation.ts';
import { bundleChild } from '../../helpers/bundled-child.ts';

const kills = 50;

/** Runs the appending child until a random moment after its first acknowledgement, kills it, returns the last ack. */
function runAndKill(appender: ReturnType<typeof bundleChild>, file: string, delayMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...appender.args, file], { stdio: ['ignore', 'pipe', 'pipe'], env: appender.env });
    let lastAck = -1;
    let buffer = '';
    let armed = false;
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      buffer += c.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) lastAck = Math.max(lastAck, Number(line.slice(4)));
      if (!armed) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child ended without being killed: ${stderr}`));
      else resolve(lastAck);
    });
  });
}

describe('audit log durability', () => {
  it(`keeps every acknowledged entry and a verifiable tree across ${kills} SIGKILLs`, async () => {
    // On the system's temporary folder, not tmpfs: the durability test keeps a real disk's fsync under the appends.
    const { dir, cleanup } = tempDir('dalel-crash-', tmpdir());
    const file = join(dir, 'audit.sqlite');
    // The appending child, bundled once: fifty tsx starts would cost more than the appends and checks together.
    const appender = bundleChild(join(import.meta.dirname, '../../helpers/append-child.ts'), dir);
    try {
      let acknowledged = -1;
      for (let round = 0; round < kills; round += 1) {
        const ack = await runAndKill(appender, file, 5 + ((round * 37) % 120));
        acknowledged = Math.max(acknowledged, ack);
        const db = openDatabase(file);
        const log = new AuditLog(db, systemClock, 'crash-test');
        const size = log.size();
        expect(size, `round ${round}`).toBeGreaterThan(acknowledged);
        // Every entry present, in order, and the stored subtrees agree with a tree rebuilt from the entries.
        const tree = new MemoryTree();
        let expected = 0;
        for (const { seq, bytes } of log.iterate()) {
          expect(seq).toBe(expected);
          expect(JSON.parse(Buffer.from(bytes).toString()).seq).toBe(expected);
          tree.appendLeafHash(hashLeaf(bytes));
          expected += 1;
        }
        expect(expected).toBe(size);
        expect(sameHash(log.root(), tree.root()), `round ${round}`).toBe(true);
        db.close();
      }
      console.log(`[crash] ${kills} kills, ${acknowledged + 1} acknowledged entries, all present`);
    } finally {
      cleanup();
    }
  }, 240_000);
});
