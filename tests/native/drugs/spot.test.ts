import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ciede2000 } from '../../../native/drugs/colour/ciede2000.ts';
import { InputError } from '../../../native/input-error.ts';
import { parseAssignments } from '../../../native/drugs/spot/assignments.ts';
import { parseColourTable } from '../../../native/drugs/spot/colour-table.ts';
import { combineWells } from '../../../native/drugs/spot/combine.ts';
import { matchColour } from '../../../native/drugs/spot/match.ts';
import { NIJ_REAGENTS } from '../../../native/drugs/spot/reagents.ts';
import { readSpotPlate } from '../../../native/drugs/spot/read-spot-plate.ts';
import { replicateTolerance, TOLERANCE_MODEL } from '../../../native/drugs/spot/tolerance.ts';
import { renderScene, seededRandom } from '../../helpers/drugs/synthetic-photo.ts';
import { thrownBy } from '../../helpers/thrown.ts';

const tablePath = fileURLToPath(new URL('../../../assets/drugs/colour-tests.csv', import.meta.url));
const tableText = readFileSync(tablePath, 'utf8');
const table = parseColourTable(tableText, 'colour-tests.csv');

const refusal = (run: () => unknown): InputError => thrownBy(InputError, run);

describe('NIJ colour table', () => {
  it('holds 152 rows covering the twelve NIJ reagents', () => {
    expect(table.rows).toHaveLength(152);
    expect(new Set(table.rows.map((r) => r.reagentId))).toEqual(new Set(NIJ_REAGENTS.map((r) => r.id)));
  });

  it('ranks each row’s substance first or tied-first for its own colour and reagent', () => {
    for (const row of table.rows) {
      const ranked = matchColour(table, row.reagentId, row.lab);
      const own = ranked.find((m) => m.substance === row.substance)!;
      expect(own.deltaE, `line ${row.line} ${row.reagentName} / ${row.substance}`).toBeLessThanOrEqual(ranked[0]!.deltaE);
      expect(own.consistent).toBe(true);
    }
  });

  it('names the file, row and column of a text in a number column', () => {
    const lines = tableText.split('\n');
    lines[5] = lines[5]!.replace(/,(-?\d+\.\d+),(-?\d+\.\d+),(-?\d+\.\d+),/, ',pale,$2,$3,');
    const error = refusal(() => parseColourTable(lines.join('\n'), 'colour-tests.csv'));
    expect(error.message).toMatch(/colour-tests\.csv: row 6, column lab_L: "pale"/);
    expect(error.extra).toMatchObject({ row: 6, column: 'lab_L' });
  });

  it('names the missing column', () => {
    const text = tableText.replace('lab_b', 'lab_B');
    const error = refusal(() => parseColourTable(text, 'mine.csv'));
    expect(error.reasonCode).toBe('missing-column');
    expect(error.message).toContain('mine.csv');
    expect(error.message).toContain('"lab_b"');
  });
});

describe('tolerance model (Elkins 2017 replicate spread)', () => {
  it('gives each colour a tolerance from simulated replicates, larger for dark colours', () => {
    const dark = replicateTolerance([15, 20, -18]);
    const light = replicateTolerance([85, 5, 20]);
    expect(light).toBeGreaterThan(3);
    expect(dark).toBeGreaterThan(light);
    expect(replicateTolerance([15, 20, -18])).toBe(dark);
    expect(TOLERANCE_MODEL.replicateRgbMean).toBe(25.1);
  });
});

describe('combining wells', () => {
  const rowOf = (reagent: string, substance: string) => table.rows.find((r) => r.reagentId === reagent && r.substance.startsWith(substance))!;

  it('ranks heroin first for its Marquis and Mecke colours', () => {
    const wells = [
      { label: 'A1', reagent: 'marquis', lab: rowOf('marquis', 'Diacetylmorphine').lab },
      { label: 'A2', reagent: 'mecke', lab: rowOf('mecke', 'Diacetylmorphine').lab },
    ];
    const reading = combineWells(table, wells, 1);
    expect(reading.outcome).toBe('consistent-with');
    expect(reading.candidates[0]!.substance).toBe('Diacetylmorphine HCl');
    expect(reading.advice).toContain('confirm-gc-ms');
  });

  it('puts unreacted wells in the "no reaction" class', () => {
    const reading = combineWells(table, [{ label: 'A1', reagent: 'marquis', lab: [95, 0, 2] }], 1);
    expect(reading.outcome).toBe('no-reaction');
    expect(reading.wells[0]!.reacted).toBe(false);
  });

  it('notes a possible mixture when no single substance explains every well', () => {
    const wells = [
      { label: 'A1', reagent: 'marquis', lab: rowOf('marquis', 'Aspirin').lab },
      { label: 'A2', reagent: 'simon', lab: rowOf('simon', 'MDMA').lab },
    ];
    const reading = combineWells(table, wells, 1);
    expect(reading.outcome).toBe('mixture-possible');
    expect(reading.mixturePossible).toBe(true);
  });
});

describe('reagent assignments', () => {
  it('reads wells, reagent spellings and blanks', () => {
    expect(parseAssignments("A1=Marquis, B2=Simon's, a4=marquis:blank, C1=Froede", '--reagents')).toEqual([
      { label: 'A1', reagent: 'marquis', blank: false },
      { label: 'B2', reagent: 'simon', blank: false },
      { label: 'A4', reagent: 'marquis', blank: true },
      { label: 'C1', reagent: 'froehde', blank: false },
    ]);
    expect(refusal(() => parseAssignments('A1:Marquis', '--reagents')).message).toContain('--reagents');
  });
});

describe('spot plates in synthetic photos', () => {
  const illuminants = ['daylight', 'tungsten', 'fluorescent'] as const;
  const labels = Array.from({ length: 12 }, (_, i) => `${'ABC'[Math.floor(i / 4)]}${(i % 4) + 1}`);

  it('finds every well on ≥ 95 % of generated photos and reads their colours (≤ 3 ΔE2000 within the target’s lightness range)', () => {
    const photos = 21;
    let allFound = 0;
    for (let seed = 100; seed < 100 + photos; seed += 1) {
      const random = seededRandom(seed);
      const wells = labels.map((label) => ({ label, lab: random() < 0.2 ? null : table.rows[Math.floor(random() * table.rows.length)]!.lab }));
      const { image, truth } = renderScene({ seed, illuminant: illuminants[seed % 3], wells, width: 720, height: 480, noiseSigma: 2, perspective: 0.05, exposure: 0.75 });
      const assignments = parseAssignments(labels.map((l) => `${l}=Marquis`).join(','), 'test');
      let reading;
      try {
        reading = readSpotPlate(image, `plate-${seed}.png`, table, assignments);
      } catch (error) {
        if (error instanceof InputError && error.reasonCode === 'well-not-found') continue;
        throw error;
      }
      const found = truth.wells.every((w) => reading.wells.some((f) => f.label === w.label && Math.hypot(f.x - w.centre.x, f.y - w.centre.y) < 0.25 * w.radiusPx));
      if (found) allFound += 1;
      for (const w of truth.wells) {
        const read = reading.wells.find((f) => f.label === w.label);
        // Colours darker than the target's black patch (L* 20) are extrapolated and flare weighs on them: looser.
        if (read && w.lab) expect(ciede2000(read.correctedLab, w.lab), `seed ${seed} ${w.label}`).toBeLessThanOrEqual(w.lab[0] >= 20 ? 3 : 8);
      }
    }
    console.log(`[spot plates] every well found on ${allFound}/${photos} photos (12 wells each, three illuminants)`);
    expect(allFound / photos).toBeGreaterThanOrEqual(0.95);
  });
});
