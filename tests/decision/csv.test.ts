import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvRows, readCsvFile, recordAt } from '../../models/cases/csv.ts';
import type { DalelError } from '../../core/errors.ts';
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

  it('refuses text after a closing quote, naming the file, the line and the column', () => {
    expect(() => parseCsvRows('a,b\n"x"y,z\n')).toThrow(/^line 2: text follows the closing quote/);
    try {
      parseCsv('a,b\n1,2\n"x"y,z\n', 'cases.csv');
      expect.unreachable();
    } catch (error) {
      expect((error as DalelError).message).toMatch(/^cases\.csv: line 3: text follows the closing quote/);
      expect((error as DalelError).params).toMatchObject({ file: 'cases.csv', reasonCode: 'malformed-csv', line: 3 });
      expect((error as DalelError).params.column).toEqual(expect.any(Number));
    }
    expect(() => parseCsv('a\n"open', 'cases.csv')).toThrow(/^cases\.csv: line 2: a quoted field is not closed/);
  });

  it('counts lines inside quoted fields when it names a short record', () => {
    expect(() => parseCsv('a,b\n"two\nlines",2\n3\n', 'cases.csv')).toThrow(/cases\.csv: line 4 has 1 fields, the header has 2/);
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
