import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc32 } from 'node:zlib';
import { crc32Portable, readZipDirectory, readZipEntry } from '../../../native/codecs/zip/zip-read.ts';
import { dosDateTime, ZipWriter } from '../../../native/codecs/zip/zip-write.ts';
import { tempDir } from '../../helpers/workstation.ts';

describe('zip writer and reader', () => {
  it('round-trips stored and deflated entries with UTF-8 names', () => {
    const { dir, cleanup } = tempDir();
    try {
      const path = join(dir, 'a.zip');
      const zip = new ZipWriter(path);
      zip.add('small.txt', Buffer.from('hi'));
      zip.add('папка/дәлел.txt', Buffer.from('қазақ '.repeat(500)));
      zip.close();
      const bytes = new Uint8Array(readFileSync(path));
      const entries = readZipDirectory(bytes);
      expect(entries.map((e) => [e.name, e.method])).toEqual([['small.txt', 0], ['папка/дәлел.txt', 8]]);
      expect(Buffer.from(readZipEntry(bytes, entries[1]!, 1e6)).toString()).toBe('қазақ '.repeat(500));
      if (spawnSync('sh', ['-c', 'command -v unzip']).status === 0) execFileSync('unzip', ['-tq', path]);
    } finally {
      cleanup();
    }
  });

  it('writes ZIP64 directories past 65 535 entries, readable by unzip and by the reader', () => {
    const { dir, cleanup } = tempDir();
    try {
      const path = join(dir, 'many.zip');
      const zip = new ZipWriter(path);
      for (let i = 0; i < 70_000; i += 1) zip.add(`proofs/${i}.txt`, Buffer.from(String(i)));
      zip.close();
      const bytes = new Uint8Array(readFileSync(path));
      const entries = readZipDirectory(bytes);
      expect(entries).toHaveLength(70_000);
      expect(Buffer.from(readZipEntry(bytes, entries[69_999]!, 100)).toString()).toBe('69999');
      if (spawnSync('sh', ['-c', 'command -v unzip']).status === 0) {
        const listing = execFileSync('unzip', ['-l', path], { maxBuffer: 64 * 1024 * 1024 }).toString();
        expect(listing.trim().split('\n').pop()).toMatch(/70000 files/);
      } else console.log('[zip] unzip not installed: skipped the cross-check');
    } finally {
      cleanup();
    }
  });

  it('computes the same CRC-32 in plain JavaScript (Node 18) as zlib', () => {
    const data = new Uint8Array(100_000).map((_, i) => (i * 2654435761) >>> 24);
    expect(crc32Portable(data)).toBe(crc32(data));
    expect(crc32Portable(new Uint8Array(0))).toBe(0);
  });

  it('refuses a changed data byte (CRC-32) and a truncated archive', () => {
    const { dir, cleanup } = tempDir();
    try {
      const path = join(dir, 'c.zip');
      const zip = new ZipWriter(path);
      zip.add('x.txt', Buffer.from('content that matters'), false);
      zip.close();
      const bytes = new Uint8Array(readFileSync(path));
      const entries = readZipDirectory(bytes);
      const changed = new Uint8Array(bytes);
      const at = 30 + 'x.txt'.length + 2;
      changed[at] = changed[at]! ^ 0x20;
      expect(() => readZipEntry(changed, entries[0]!, 100)).toThrow(/CRC-32/);
      expect(() => readZipDirectory(bytes.subarray(0, bytes.length - 10))).toThrow(/truncated/);
    } finally {
      cleanup();
    }
  });

  it('finds the end record when the archive comment holds its signature', () => {
    const { dir, cleanup } = tempDir();
    try {
      const path = join(dir, 'commented.zip');
      const zip = new ZipWriter(path);
      zip.add('a.txt', Buffer.from('a'));
      zip.close();
      const plain = readFileSync(path);
      // A comment that itself holds the end-record signature followed by 18 bytes, as a decoy record would.
      const comment = Buffer.concat([Buffer.from('signed by PK'), Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(18, 0x41)]);
      const bytes = Buffer.concat([plain, comment]);
      bytes.writeUInt16LE(comment.length, plain.length - 2);
      writeFileSync(path, bytes);
      const entries = readZipDirectory(new Uint8Array(bytes));
      expect(entries.map((e) => e.name)).toEqual(['a.txt']);
      expect(Buffer.from(readZipEntry(new Uint8Array(bytes), entries[0]!, 10)).toString()).toBe('a');
    } finally {
      cleanup();
    }
  });

  it('refuses an archive with two entries of one name', () => {
    const { dir, cleanup } = tempDir();
    try {
      const path = join(dir, 'twice.zip');
      const zip = new ZipWriter(path);
      zip.add('entries.jsonl', Buffer.from('first'));
      zip.add('entries.jsonl', Buffer.from('second'));
      zip.close();
      expect(() => readZipDirectory(new Uint8Array(readFileSync(path)))).toThrow('the zip archive holds two entries named entries.jsonl');
    } finally {
      cleanup();
    }
  });

  it('stamps entries with the time they were written (MS-DOS date and time, local)', () => {
    const { dir, cleanup } = tempDir();
    try {
      const path = join(dir, 'dated.zip');
      const at = new Date(2026, 2, 14, 15, 9, 27).getTime();
      const zip = new ZipWriter(path, { now: () => at });
      zip.add('a.txt', Buffer.from('a'));
      const streamed = zip.begin('b.bin');
      streamed.write(Buffer.from('bb'));
      streamed.end();
      zip.close();
      const bytes = readFileSync(path);
      const expected = { time: (15 << 11) | (9 << 5) | 13, date: (46 << 9) | (3 << 5) | 14 };
      expect(dosDateTime(at)).toEqual(expected);
      const entries = readZipDirectory(new Uint8Array(bytes));
      const central = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      for (const [i, entry] of entries.entries()) {
        expect({ time: bytes.readUInt16LE(entry.localHeader + 10), date: bytes.readUInt16LE(entry.localHeader + 12) }).toEqual(expected);
        const record = i === 0 ? central : bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), central + 1);
        expect({ time: bytes.readUInt16LE(record + 12), date: bytes.readUInt16LE(record + 14) }).toEqual(expected);
      }
      if (spawnSync('sh', ['-c', 'command -v unzip']).status === 0) {
        expect(execFileSync('unzip', ['-l', path]).toString()).toMatch(/(2026-03-14|03-14-2026) 15:09\s+a\.txt/);
      }
      expect(dosDateTime(new Date(1970, 0, 1).getTime())).toEqual({ time: 0, date: (1 << 5) | 1 });
    } finally {
      cleanup();
    }
  });
});
