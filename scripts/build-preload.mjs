// Bundles the preload into one CommonJS file: a sandboxed preload cannot load ES modules or other local files, only
// a single script whose require() knows 'electron' (and a few Node polyfills).
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { stdout } from 'node:process';
import { fileURLToPath, URL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outfile = `${root}dist/preload.cjs`;

await build({
  absWorkingDir: root,
  entryPoints: ['main/electron/preload.ts'],
  outfile,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node22',
  external: ['electron'],
  // Minified because the bundle carries zod (through the contract) and is parsed on every page load.
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
});

if (!existsSync(outfile)) throw new Error(`esbuild reported success but ${outfile} is missing`);
stdout.write(`preload bundled to ${outfile}\n`);
