/**
 * A child-process script bundled once into plain JavaScript, for tests that start the same child many times: each
 * start then costs a bare `node` start instead of tsx's loader and a TypeScript module graph. The bundle is the same
 * sources compiled by the same esbuild tsx uses; native packages stay outside it and resolve from this checkout.
 */
import { buildSync } from 'esbuild';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const nodeModules = fileURLToPath(new URL('../../node_modules/', import.meta.url));

/** Bundles `entry` into `outDir`; returns the argv prefix and environment to spawn it with `process.execPath`. */
export function bundleChild(entry: string, outDir: string): { args: string[]; env: NodeJS.ProcessEnv } {
  const outfile = join(outDir, 'child.cjs');
  buildSync({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node22', packages: 'external', logLevel: 'error' });
  // The bundle lives in a temporary folder: its require('better-sqlite3') finds the package through NODE_PATH.
  return { args: [outfile], env: { ...process.env, NODE_PATH: nodeModules } };
}
