import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('assets/audit/verify.mjs', () => {
  it('is the current build of the verifier sources (run `npm run build:verifier` after changing them)', async () => {
    const { bundleVerifier } = await import('../../../scripts/build-verifier.mjs');
    const committed = readFileSync(new URL('../../../assets/audit/verify.mjs', import.meta.url), 'utf8');
    expect(committed === (await bundleVerifier())).toBe(true);
  });

  it('uses nothing but Node built-ins available in Node 18', () => {
    const source = readFileSync(new URL('../../../assets/audit/verify.mjs', import.meta.url), 'utf8');
    const imports = [...source.matchAll(/from "([^"]+)"/g)].map((m) => m[1]);
    expect(imports.every((name) => name?.startsWith('node:'))).toBe(true);
    const zlibImports = [...source.matchAll(/import \{([^}]*)\} from "node:zlib"/g)].map((m) => m[1]).join(',');
    expect(zlibImports).not.toMatch(/\bcrc32\b/); // zlib.crc32 arrived in Node 20.15 / 22.2
    expect(source).not.toContain('recursive: true');
  });
});
