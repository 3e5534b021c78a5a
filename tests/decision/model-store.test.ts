import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ModelCardSchema } from '../../main/contract/index.ts';
import { listModelFolders, modelFiles, readModelFolder, writeModelFolder } from '../../main/services/decision/model-store.ts';
import { sha256OfBytes } from '../../core/canonical-json.ts';
import { trainToy } from './fixtures.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

describe('model folders', () => {
  const temp = useTempDir();

  it('writes model.onnx, model.json and a model card whose hash is the SHA-256 of the ONNX bytes', () => {
    const trained = trainToy(temp.dir, 'regression');
    const folder = join(temp.dir, 'models', 'toy');
    writeModelFolder(folder, trained.model, trained.onnx, trained.card);
    const read = readModelFolder(folder);
    expect(read.sha256).toBe(sha256OfBytes(new Uint8Array(readFileSync(join(folder, modelFiles.onnx)))));
    expect(read.card.modelSha256).toBe(read.sha256);
    expect(read.model).toEqual(trained.model);
    expect(ModelCardSchema.parse(read.card)).toBeTruthy();
    expect(listModelFolders(join(temp.dir, 'models')).map((e) => ('folder' in e ? e.folder.sha256 : null))).toEqual([read.sha256]);
  });

  it('fills the model card: data hash, held-out validation against baselines, intervals, disparity', () => {
    const { card } = trainToy(temp.dir, 'regression');
    expect(card.data).toMatchObject({ file: 'toy-regression.csv', records: 1200, cases: 1200, period: { field: 'year' } });
    expect(card.data.sha256).toBe(sha256OfBytes(new Uint8Array(readFileSync(join(temp.dir, 'toy-regression.csv')))));
    expect(card.validation).toMatchObject({ trainingCases: 765, calibrationCases: 135, testCases: 300 });
    const r = card.validation.regression!;
    expect(r.meanAbsoluteError).toBeLessThan(r.baselines.find((b) => b.name === 'training median')!.meanAbsoluteError);
    expect(r.intervals.halfWidth95).toBeGreaterThan(r.intervals.halfWidth80);
    expect(card.disparity).toHaveLength(1);
    expect(card.disparity[0]).toMatchObject({ attribute: 'sex' });
    expect(card.disparity[0]!.groups.map((g) => g.label).sort()).toEqual(['female', 'male']);
    expect(card.limitations[0]).toMatch(/Advisory only/);
  });

  it('refuses a folder whose files disagree, and never overwrites one', () => {
    const trained = trainToy(temp.dir, 'binary');
    const folder = join(temp.dir, 'm');
    writeModelFolder(folder, trained.model, trained.onnx, trained.card);
    expect(() => writeModelFolder(folder, trained.model, trained.onnx, trained.card)).toThrow(/never overwritten/);
    const json = join(folder, modelFiles.json);
    const original = readFileSync(json, 'utf8');
    writeFileSync(json, original.replace(/"intercept": \[\n\s*(-?[0-9.e-]+)/, '"intercept": [\n    42'));
    expect(() => readModelFolder(folder)).toThrow(/model\.json differs from the model inside model\.onnx/);
    writeFileSync(json, original);
    const cardFile = join(folder, modelFiles.card);
    writeFileSync(cardFile, readFileSync(cardFile, 'utf8').replace(trained.sha256, 'f'.repeat(64)));
    expect(() => readModelFolder(folder)).toThrow(/describes model ffffffffffff/);
    const listed = listModelFolders(temp.dir);
    expect(listed.some((e) => 'error' in e)).toBe(true);
  });
});
