/**
 * `npm run bench -- upload [--server bin/dalel.js] [--mode stream|json] [--sizes 600,1100] [--chunked]`: starts `dalel serve` in a
 * child process, adds one PDF evidence file per size (in MB, 10^6 bytes) through the browser-mode bridge, and reports
 * each upload's HTTP status and the server process's peak resident memory during it (VmHWM, reset before each upload
 * through /proc/PID/clear_refs; Linux only). `--mode json` sends the file base64-encoded inside the JSON request, as
 * browser mode did before streamed uploads, so the same script measures an older checkout given with `--server`.
 * `--chunked` streams without a Content-Length, so that the server must enforce the limit while reading.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { textOption } from './options.ts';

interface Reply {
  readonly status: number;
  readonly body: string;
}

/** A PDF of exactly `size` bytes (a header, zeros, the end marker): the cheapest kind the intake accepts at any size. */
function writePdf(path: string, size: number): void {
  const head = Buffer.from('%PDF-1.4\n');
  const tail = Buffer.from('\n%%EOF\n');
  const fd = openSync(path, 'w');
  writeSync(fd, head);
  const block = Buffer.alloc(16 * 1024 * 1024);
  let left = size - head.length - tail.length;
  while (left > 0) left -= writeSync(fd, block, 0, Math.min(block.length, left));
  writeSync(fd, tail);
  closeSync(fd);
}

function peakRssMb(pid: number): number {
  const line = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Math.round(Number(line) / 1024);
}

function resetPeak(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

function send(port: number, path: string, headers: Record<string, string>, body: (req: ReturnType<typeof request>) => void): Promise<Reply> {
  return new Promise((resolvePromise, reject) => {
    let answered = false;
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers: { Host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', (error) => (answered ? undefined : reject(error)));
    body(req);
  });
}

/** Base64 of a file, streamed: chunks are re-cut to multiples of 3 bytes so that no padding appears mid-stream. */
async function* base64Of(path: string): AsyncGenerator<string> {
  let carry = Buffer.alloc(0);
  for await (const chunk of createReadStream(path, { highWaterMark: 3 * 1024 * 1024 }) as AsyncIterable<Buffer>) {
    const data = Buffer.concat([carry, chunk]);
    const cut = data.length - (data.length % 3);
    yield data.subarray(0, cut).toString('base64');
    carry = data.subarray(cut);
  }
  if (carry.length) yield carry.toString('base64');
}

async function startServer(server: string, dataDir: string): Promise<{ child: ChildProcess; port: number; token: string }> {
  const child = spawn(process.execPath, [server, '--data-dir', dataDir, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((done, fail) => {
    let text = '';
    child.stdout!.on('data', (c: Buffer) => {
      text += c.toString();
      const found = /http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+/.exec(text)?.[0];
      if (found) done(found);
    });
    child.once('exit', (code) => fail(new Error(`server exited (${code})`)));
  });
  const parsed = /:(\d+)\/#token=(.+)$/.exec(url)!;
  return { child, port: Number(parsed[1]), token: parsed[2]! };
}

/** Runs the measurement and prints one line per upload. */
export async function run(args: string[]): Promise<void> {
  const server = resolve(textOption(args, 'server', 'bin/dalel.js'));
  const mode = textOption(args, 'mode', 'stream');
  const sizes = textOption(args, 'sizes', '600,1100').split(',').map((mb) => Number(mb) * 1e6);
  const chunked = args.includes('--chunked');
  const work = mkdtempSync(join(tmpdir(), 'dalel-upload-bench-'));
  const { child, port, token } = await startServer(server, join(work, 'data'));
  const pid = child.pid!;
  const client = randomBytes(18).toString('base64url');
  const admin = randomBytes(18).toString('base64url');
  const headers = (key: string) => ({ Authorization: `Bearer ${token}`, 'X-Dalel-Client': key });
  const invoke = (key: string, channel: string, payload: unknown) =>
    send(port, `/api/invoke/${channel}`, { ...headers(key), 'Content-Type': 'application/json' }, (req) => req.end(JSON.stringify(payload)));
  try {
    const password = 'bench password 1234';
    await invoke(admin, 'auth.setupAdmin', { username: 'admin', displayName: 'Admin', password });
    await invoke(admin, 'users.add', { username: 'expert', displayName: 'Expert', role: 'expert', password });
    await invoke(client, 'auth.login', { username: 'expert', password });
    const created = JSON.parse((await invoke(client, 'cases.create', { number: 'BENCH-1', venue: 'Lab', caseType: 'forensic-examination', parties: '' })).body) as {
      value: { id: string };
    };
    const caseId = created.value.id;
    console.log(`server ${server} (pid ${pid}), mode ${mode}${chunked ? ' (chunked)' : ''}; idle peak RSS ${peakRssMb(pid)} MB`);
    for (const size of sizes) {
      const file = join(work, `evidence-${size}.pdf`);
      writePdf(file, size);
      const fileName = `scan-${Math.round(size / 1e6)}MB.pdf`;
      resetPeak(pid);
      const before = peakRssMb(pid);
      const started = Date.now();
      let reply: Reply;
      if (mode === 'stream') {
        reply = await send(
          port,
          '/api/upload',
          {
            ...headers(client),
            'Content-Type': 'application/octet-stream',
            'X-Dalel-File-Name': encodeURIComponent(fileName),
            ...(chunked ? {} : { 'Content-Length': String(size) }),
          },
          (req) => createReadStream(file).pipe(req),
        );
        if (reply.status === 200) reply = await invoke(client, 'evidence.add', { caseId, fileName, bytes: { upload: (JSON.parse(reply.body) as { upload: string }).upload } });
      } else {
        const prefix = `{"caseId":"${caseId}","fileName":"${fileName}","bytes":{"$bytes":"`;
        const suffix = '"}}';
        const length = prefix.length + 4 * Math.ceil(size / 3) + suffix.length;
        reply = await send(port, '/api/invoke/evidence.add', { ...headers(client), 'Content-Type': 'application/json', 'Content-Length': String(length) }, (req) => {
          void (async () => {
            req.write(prefix);
            for await (const piece of base64Of(file)) if (!req.write(piece)) await new Promise((r) => req.once('drain', r));
            req.end(suffix);
          })().catch(() => req.destroy());
        });
      }
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const peak = peakRssMb(pid);
      rmSync(file, { force: true });
      console.log(`${fileName}: HTTP ${reply.status} in ${seconds} s, server peak RSS ${peak} MB (${before} MB before): ${reply.body.slice(0, 160)}`);
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(work, { recursive: true, force: true });
  }
}
