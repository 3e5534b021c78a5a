import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvRows, readCsvFile, recordAt } from '../../models/cases/csv.ts';
import { tempDir } from '../helpers/workstation.ts';

describe('CSV', () => {
  it('reads quoted fields, doubled quotes, CRLF, empty fields and a byte-order mark', () => {
    expect(parseCsvRows('\ufeffa,b\r\n1,"x,""y"""\r\n"line\nbreak",\n\n')).toEqual([
      ['a', 'b'],
      ['1', 'x,"y"'],
      ['line\nbreak', ''],
    ]);
    expect(parseCsvRows('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(() => parseCsvRows('a\n"open')).toThrow(/not closed/);
  });

  it('names the file and line of a record with the wrong number of fields', () => {
    expect(() => parseCsv('a,b\n1,2\n3\n', 'cases.csv')).toThrow(/cases\.csv: line 3 has 1 fields, the header has 2/);
    const table = parseCsv('a,b\n1,2\n', 'cases.csv');
    expect(recordAt(table, 0)).toEqual({ a: '1', b: '2' });
  });

  it('reads gzip files by their magic bytes', () => {
    const { dir, cleanup } = tempDir();
    try {
      const file = join(dir, 'cases.data');
      writeFileSync(file, gzipSync('a,b\n1,2\n'));
      expect(readCsvFile(file).rows).toEqual([['1', '2']]);
      expect(() => readCsvFile(join(dir, 'missing.csv'))).toThrow(/missing\.csv: cannot be read/);
    } finally {
      cleanup();
    }
  });
});
