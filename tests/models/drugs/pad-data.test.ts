import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../models/cases/csv.ts';
import { parsePadCards, parsePadCsvBytes, type PadCardRow } from '../../../models/drugs/pad-data.ts';
import { padFeatureColumns, padFeatureCount, padFeatureIndex } from '../../../models/drugs/pad-layout.ts';
import { cardFolds, splitByCard } from '../../../models/drugs/pad-split.ts';
import { fitSoftmax, softmaxLogits } from '../../../models/drugs/softmax-regression.ts';
import { seededRandom } from '../../../models/ebm/random.ts';
import { DalelError } from '../../../core/errors.ts';
import { thrownBy } from '../../helpers/thrown.ts';

const header = ['', 'Image', 'Contains', 'Drug %', 'PAD S#', ...padFeatureColumns, 'IM_ISSUE'];
const line = (i: number, contains = 'amoxicillin', percent = '50', card = String(100 + i), value = '120') => [String(i), String(5000 + i), contains, percent, card, ...padFeatureColumns.map(() => value), 'FALSE'];
const csv = (rows: string[][], head = header) => [head, ...rows].map((r) => r.join(',')).join('\n');
const parse = (text: string, requireLabels = true) => parsePadCards(parseCsv(text, 'cards.csv'), 'cards.csv', requireLabels);

const thrown = (run: () => unknown): DalelError => thrownBy(DalelError, run);

describe('PAD card CSV', () => {
  it('has 360 features in the CSV order A1-R … L10-B', () => {
    expect(padFeatureCount).toBe(360);
    expect(padFeatureColumns.slice(0, 4)).toEqual(['A1-R', 'A1-G', 'A1-B', 'A2-R']);
    expect(padFeatureColumns.at(-1)).toBe('L10-B');
    expect(padFeatureColumns[padFeatureIndex(1, 0, 0)]).toBe('B1-R');
    expect(padFeatureColumns[padFeatureIndex(11, 9, 2)]).toBe('L10-B');
  });

  it('reads rows with labels, card ids and the image-issue flag', () => {
    const rows = [line(1), line(2, 'blank', '0', '77')];
    rows[1]![header.length - 1] = 'TRUE';
    rows[0]![header.indexOf('C3-G')] = '7.5';
    const table = parse(csv(rows));
    expect(table.labelled).toBe(true);
    expect(table.rows[0]!.features[padFeatureColumns.indexOf('C3-G')]).toBe(7.5);
    expect(table.rows[1]).toMatchObject({ contains: 'blank', drugPercent: 0, card: '77', image: '5002', imageIssue: true });
  });

  it('names the file, row and column of text in a number column', () => {
    const rows = [line(1), line(2)];
    rows[1]![header.indexOf('F7-B')] = 'purple';
    const error = thrown(() => parse(csv(rows)));
    expect(error.code).toBe('BAD_INPUT');
    expect(error.message).toMatch(/cards\.csv: row 2 \(line 3\), column F7-B: "purple" is not a number/);
    expect(error.params).toMatchObject({ file: 'cards.csv', row: 2, line: 3, column: 'F7-B' });
    const percent = [line(1, 'amoxicillin', 'lots')];
    expect(thrown(() => parse(csv(percent))).message).toMatch(/row 1 \(line 2\), column Drug %: "lots" is not a number/);
    const empty = [line(1)];
    empty[0]![header.indexOf('A1-R')] = '';
    expect(thrown(() => parse(csv(empty))).message).toMatch(/column A1-R: empty/);
    const range = [line(1)];
    range[0]![header.indexOf('B2-G')] = '300';
    expect(thrown(() => parse(csv(range))).message).toMatch(/column B2-G: 300 is outside 0–255/);
  });

  it('names missing columns', () => {
    const head = header.filter((h) => h !== 'K4-G' && h !== 'Contains');
    const rows = [line(1).filter((_, k) => header[k] !== 'K4-G' && header[k] !== 'Contains')];
    const error = thrown(() => parse(csv(rows, head)));
    expect(error.message).toMatch(/cards\.csv: missing columns K4-G, Contains/);
    expect(error.params).toMatchObject({ file: 'cards.csv', column: 'K4-G' });
    // Unlabelled batches need only the features.
    const unlabelled = header.filter((h) => h !== 'Contains' && h !== 'Drug %');
    const table = parse(csv([line(1).filter((_, k) => header[k] !== 'Contains' && header[k] !== 'Drug %')], unlabelled), false);
    expect(table.labelled).toBe(false);
    expect(table.rows[0]!.contains).toBeNull();
  });
});

describe('PAD card CSV, the byte path', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('reads what the RFC 4180 path reads, with CRLF, a BOM, blank lines, decimals and odd-but-valid numbers', () => {
    const rows = [line(1), line(2, 'blank', '0', '9'), line(3)];
    rows[0]![header.indexOf('A1-R')] = '12.375';
    rows[1]![header.indexOf('B5-G')] = ' 17 ';
    rows[2]![header.indexOf('L10-B')] = '1e2';
    const text = `\ufeff${csv(rows).replaceAll('\n', '\r\n\r\n')}\r\n`;
    const fast = parsePadCsvBytes(bytes(text), 'cards.csv', true);
    const slow = parse(text.replace(/^\ufeff/, '').replace(/(\r\n)+/g, '\n'));
    expect(fast.rows).toEqual(slow.rows);
    expect(fast.rows[0]!.features[0]).toBe(12.375);
    expect(fast.rows[2]!.features[padFeatureCount - 1]).toBe(100);
    // Quoted files take the general parser.
    const quoted = parsePadCsvBytes(bytes(csv([line(1)]).replace('amoxicillin', '"amoxicillin, tablets"')), 'q.csv', true);
    expect(quoted.rows[0]!.contains).toBe('amoxicillin, tablets');
  });

  it('names the file line of a bad field when blank lines precede it, and rows with the wrong field count', () => {
    const rows = [line(1), line(2)];
    rows[1]![header.indexOf('D4-R')] = 'n/a';
    const text = csv(rows).replace('\n', '\n\n\n');
    expect(thrown(() => parsePadCsvBytes(bytes(text), 'cards.csv')).message).toMatch(/cards\.csv: row 2 \(line 5\), column D4-R: "n\/a" is not a number/);
    expect(thrown(() => parsePadCsvBytes(bytes(`${csv([line(1)])}\n1,2,3`), 'cards.csv')).message).toMatch(/cards\.csv: line 3 has 3 fields, the header has 366/);
    expect(thrown(() => parsePadCsvBytes(bytes(''), 'empty.csv')).message).toMatch(/empty\.csv: the file is empty/);
  });
});

describe('split by card', () => {
  const rows: PadCardRow[] = [];
  const random = seededRandom(3);
  for (let card = 0; card < 60; card += 1) {
    const photos = 1 + Math.floor(random() * 5);
    for (let p = 0; p < photos; p += 1) {
      rows.push({ index: String(rows.length), image: String(rows.length), card: `S${card}`, contains: `drug${card % 4}`, drugPercent: 50, imageIssue: false, features: new Float64Array(360) });
    }
  }
  const all = rows.map((_, i) => i);

  it('keeps every photo of a card on one side, holds out about a fifth of each class, and is reproducible', () => {
    const split = splitByCard(rows, all, 0.2, 11);
    const trainCards = new Set(split.train.map((i) => rows[i]!.card));
    const testCards = new Set(split.test.map((i) => rows[i]!.card));
    expect([...testCards].filter((c) => trainCards.has(c))).toEqual([]);
    expect(split.train.length + split.test.length).toBe(rows.length);
    expect(testCards.size).toBe(12);
    for (let d = 0; d < 4; d += 1) expect([...testCards].filter((c) => Number(c.slice(1)) % 4 === d).length).toBe(3);
    expect(splitByCard(rows, all, 0.2, 11)).toEqual(split);
    const folds = cardFolds(rows, all, 5, 1);
    expect(folds.flatMap((f) => f.test).sort((a, b) => a - b)).toEqual(all);
  });
});

describe('softmax regression (L-BFGS)', () => {
  it('separates three Gaussian classes and matches the gradient optimum', () => {
    const random = seededRandom(5);
    const n = 300;
    const F = 2;
    const x = new Float64Array(n * F);
    const y = new Int32Array(n);
    const centres = [
      [0, 0],
      [3, 0],
      [0, 3],
    ];
    for (let i = 0; i < n; i += 1) {
      y[i] = i % 3;
      x[i * F] = centres[y[i]!]![0]! + (random() - 0.5) * 2;
      x[i * F + 1] = centres[y[i]!]![1]! + (random() - 0.5) * 2;
    }
    const layer = fitSoftmax(x, y, n, F, 3, { l2: 0.01 });
    const logits = softmaxLogits(layer, x, n);
    let correct = 0;
    for (let i = 0; i < n; i += 1) {
      const row = [0, 1, 2].map((k) => logits[i * 3 + k]!);
      if (row.indexOf(Math.max(...row)) === y[i]) correct += 1;
    }
    expect(correct / n).toBeGreaterThan(0.97);
    // At the optimum the penalised gradient vanishes: refitting from there moves nothing.
    const again = fitSoftmax(x, y, n, F, 3, { l2: 0.01, maxIterations: 1000, tolerance: 1e-12 });
    expect(Math.abs(again.loss - layer.loss)).toBeLessThan(1e-4);
  });
});
