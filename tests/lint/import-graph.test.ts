import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * import-x/no-cycle (eslint.config.js) skips type-only imports, because they vanish at run time; a cycle through
 * types still ties two modules together (main/cli.ts ↔ main/cli/*-commands.ts was one), so this test walks every
 * relative import, types included, and expects no strongly connected component larger than one file.
 */
const root = join(import.meta.dirname, '../..');
const specifier = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/** The project's import graph: each tracked source file and the project files it imports. */
function importGraph(files: readonly string[], read: (file: string) => string, exists: (file: string) => boolean): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = [...read(file).matchAll(specifier)].map((m) => normalize(join(dirname(file), m[1]!))).filter(exists);
    graph.set(file, targets);
  }
  return graph;
}

/** Tarjan's strongly connected components with more than one file: every import cycle, each once. */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) found.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('import graph', () => {
  it('finds a cycle made of type-only imports', () => {
    const sources: Record<string, string> = {
      'main/cli.ts': "import { addAudit } from './cli/audit-commands.ts';\nexport class CliContext {}",
      'main/cli/audit-commands.ts': "import type { CliContext } from '../cli.ts';\nexport function addAudit(c: CliContext) {}",
      'main/cli/table.ts': 'export const table = 1;',
    };
    const graph = importGraph(Object.keys(sources), (f) => sources[f]!, (f) => f in sources);
    expect(cycles(graph)).toEqual([['main/cli.ts', 'main/cli/audit-commands.ts']]);
  });

  it('has no cycles in the project, types included', () => {
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.tsx', '*.mjs'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter((f) => f && !f.startsWith('tests/lint/fixtures/') && f !== 'assets/audit/verify.mjs');
    const graph = importGraph(files, (f) => readFileSync(join(root, f), 'utf8'), (f) => existsSync(join(root, f)));
    const found = cycles(graph);
    if (found.length > 0) console.log(JSON.stringify(found));
    expect(found).toEqual([]);
  });
});
