import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyConsistency, verifyInclusion } from '../../main/services/audit/merkle.ts';
import { announceSkipIfMissing, sharedDataDir } from '../helpers/shared-data.ts';

announceSkipIfMissing('audit vectors');

const b64 = (s: string | null) => new Uint8Array(Buffer.from(s ?? '', 'base64'));

function cases(kind: 'inclusion' | 'consistency'): Array<[string, Record<string, unknown>]> {
  if (!sharedDataDir) return [];
  const root = join(sharedDataDir, 'audit', kind);
  return readdirSync(root).flatMap((set) =>
    readdirSync(join(root, set)).map((file) => [`${set}/${file}`, JSON.parse(readFileSync(join(root, set, file), 'utf8')) as Record<string, unknown>] as [string, Record<string, unknown>]),
  );
}

describe.skipIf(!sharedDataDir)('transparency-dev Merkle test vectors', () => {
  const inclusion = cases('inclusion');
  const consistency = cases('consistency');

  it('has vectors to run', () => {
    expect(inclusion.length).toBeGreaterThan(40);
    expect(consistency.length).toBeGreaterThan(30);
  });

  it.each(inclusion)('inclusion %s', (_name, v) => {
    const failure = verifyInclusion(v.leafIdx as number, v.treeSize as number, b64(v.leafHash as string), ((v.proof as string[] | null) ?? []).map(b64), b64(v.root as string));
    expect(failure !== null).toBe(v.wantErr);
  });

  it.each(consistency)('consistency %s', (_name, v) => {
    const failure = verifyConsistency(v.size1 as number, v.size2 as number, ((v.proof as string[] | null) ?? []).map(b64), b64(v.root1 as string), b64(v.root2 as string));
    expect(failure !== null).toBe(v.wantErr);
  });
});
