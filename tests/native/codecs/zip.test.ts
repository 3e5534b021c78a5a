import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc32 } from 'node:zlib';
import { crc32Portable, readZipDirectory, readZipEntry } from '../../../native/codecs/zip/zip-read.ts';
import { ZipWriter } from '../../../native/codecs/zip/zip-write.ts';
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
});
