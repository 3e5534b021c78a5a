// Bundles the offline audit-bundle verifier (main/services/audit/verify-main.ts and the dependency-free modules it
// uses) into assets/audit/verify.mjs, the single file copied into every export. The output is committed; a unit test
// rebuilds it in memory and fails when the committed file is stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The verifier's source, bundled. */
export async function bundleVerifier() {
  const result = await build({
    entryPoints: [join(root, 'main/services/audit/verify-main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node18',
    write: false,
    legalComments: 'none',
    banner: { js: '// Dalel audit bundle verifier: checks entries, proofs, checkpoint and checksums offline. Node.js >= 18, no packages.' },
  });
  return result.outputFiles[0].text;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = join(root, 'assets/audit/verify.mjs');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, await bundleVerifier());
  console.log(`wrote ${out}`);
}
