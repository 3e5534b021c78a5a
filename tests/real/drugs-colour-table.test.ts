import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseColourTable } from '../../native/drugs/spot/colour-table.ts';
import { matchColour } from '../../native/drugs/spot/match.ts';
import { announceSkipIfMissing, sharedDataDir } from '../helpers/shared-data.ts';

announceSkipIfMissing('drugs-colour-table');

describe.skipIf(!sharedDataDir)('the shipped NIJ colour table and ../shared/data/drugs', () => {
  it('ships the shared colour table unchanged, and every row ranks its own substance first for its reagent', () => {
    const shared = readFileSync(join(sharedDataDir!, 'drugs/colour-tests.csv'), 'utf8');
    const shipped = readFileSync(join(process.cwd(), 'assets/drugs/colour-tests.csv'), 'utf8');
    expect(shipped).toBe(shared);
    const table = parseColourTable(shared, 'colour-tests.csv');
    for (const row of table.rows) {
      const ranked = matchColour(table, row.reagentId, row.lab);
      expect(ranked.find((m) => m.substance === row.substance)!.deltaE, `line ${row.line}`).toBe(ranked[0]!.deltaE);
    }
  });
});
