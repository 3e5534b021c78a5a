/**
 * A fresh workstation gets the shipped demo models (assets/decision/models/, trained on synthetic cases and marked
 * so): each folder is copied into <data-dir>/models once, whole or not at all. A folder already there, or one the
 * user removed after a marker was written, is left alone.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assetPath } from './statute-text.ts';

/** The shipped demo model folders (source tree or built tree, as for the case types). */
export function demoModelsDir(): string {
  return assetPath('models/');
}

/** Copies missing demo models into the models folder; returns the names installed now. */
export function installDemoModels(modelsDir: string, from: string = demoModelsDir()): string[] {
  if (!existsSync(from)) return [];
  mkdirSync(modelsDir, { recursive: true });
  const installed: string[] = [];
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const target = join(modelsDir, entry.name);
    // The marker remembers a model once installed, so that deleting it is respected on the next start.
    const marker = join(modelsDir, `.${entry.name}.installed`);
    if (existsSync(target) || existsSync(marker)) continue;
    const temporary = join(modelsDir, `.${entry.name}.partial-${process.pid}`);
    rmSync(temporary, { recursive: true, force: true });
    cpSync(join(from, entry.name), temporary, { recursive: true });
    renameSync(temporary, target);
    writeFileSync(marker, `${new Date().toISOString()}\n`);
    installed.push(entry.name);
  }
  return installed;
}
