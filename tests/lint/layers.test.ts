import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/*
 * The layer rules (issue 11) are lint errors: each case lints a small offending source with the project's own
 * eslint.config.js, as if it were a file at that path, and expects the rule to fire; the allowed forms must not.
 */
const root = join(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root, ignore: false });

async function errors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return result!.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layer rules', () => {
  it('native/ imports nothing from main/ or renderer/, and not electron', async () => {
    expect(await errors('native/fixture.ts', "import { badInput } from '../main/services/errors.ts';\nexport const f = badInput;\n")).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*native\/ imports nothing from main\//),
    ]);
    expect(await errors('native/x3p/fixture.ts', "import type { ErrorInfo } from '../../main/contract/index.ts';\nexport type E = ErrorInfo;\n")).toHaveLength(1);
    expect(await errors('native/fixture.ts', "import { t } from '../renderer/src/i18n/i18n.ts';\nexport const f = t;\n")).toEqual([expect.stringMatching(/renderer/)]);
    expect(await errors('native/fixture.ts', "import { app } from 'electron';\nexport const f = app;\n")).toEqual([expect.stringMatching(/electron/)]);
    expect(await errors('native/fixture.ts', "import { stableJson } from '../core/canonical-json.ts';\nexport const f = stableJson;\n")).toEqual([]);
  });

  it('models/ imports nothing from main/ but contract types', async () => {
    expect(await errors('models/ebm/fixture.ts', "import { DecisionService } from '../../main/services/decision/decision-service.ts';\nexport const f = DecisionService;\n")).toEqual([
      expect.stringMatching(/^@typescript-eslint\/no-restricted-imports: .*models\/ imports nothing from main\//),
    ]);
    expect(await errors('models/ebm/fixture.ts', "import { ModelCardSchema } from '../../main/contract/index.ts';\nexport const f = ModelCardSchema;\n")).toEqual([
      expect.stringMatching(/only types from main\/contract/),
    ]);
    expect(await errors('models/ebm/fixture.ts', "import type { ModelCard } from '../../main/contract/index.ts';\nexport type C = ModelCard;\n")).toEqual([]);
    expect(await errors('models/ebm/fixture.ts', "import { app } from 'electron';\nexport const f = app;\n")).toEqual([expect.stringMatching(/electron/)]);
  });

  it('core/ imports nothing from the project', async () => {
    expect(await errors('core/fixture.ts', "import { readX3p } from '../native/x3p/x3p-read.ts';\nexport const f = readX3p;\n")).toEqual([expect.stringMatching(/core\/ imports nothing/)]);
  });

  it('main/services never import electron; the renderer imports only main/contract/', async () => {
    expect(await errors('main/services/fixture.ts', "import { app } from 'electron';\nexport const f = app;\n")).toEqual([expect.stringMatching(/electron/)]);
    expect(await errors('renderer/src/fixture.ts', "import { DalelError } from '../../main/services/errors.ts';\nexport const f = DalelError;\n")).toEqual([
      expect.stringMatching(/only main\/contract/),
    ]);
    expect(await errors('renderer/src/fixture.ts', "import { roles } from '../../main/contract/index.ts';\nexport const f = roles;\n")).toEqual([]);
  });

  it('finds import cycles', async () => {
    const [result] = await eslint.lintFiles([join(root, 'tests/lint/fixtures/cycle-a.ts')]);
    expect(result!.messages.map((m) => m.ruleId)).toEqual(['import-x/no-cycle']);
  });
});
