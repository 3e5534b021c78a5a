// ESLint flat config. The layering rules come from DESIGN.md: only main/electron imports 'electron'; raw
// ipcMain/ipcRenderer appear in two wrapper files; the renderer imports nothing from main but the contract.
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const noElectron = {
  paths: [{ name: 'electron', message: 'Only main/electron may import electron (DESIGN.md layering).' }],
};

/** A layer rule: the folders a layer must not import from (matched on the import path, relative or not). */
const forbid = (folder, message, extra = {}) => ({ regex: `(^|/)${folder}/`, message, ...extra });
const layerRule = (...patterns) => ['error', { paths: noElectron.paths, patterns }];

export default tseslint.config(
  // assets/audit/verify.mjs is generated from main/services/audit by scripts/build-verifier.mjs.
  // tests/lint/fixtures/ break the layer rules on purpose: tests/lint/layers.test.ts lints them and expects the errors.
  { ignores: ['node_modules/', 'dist/', 'renderer/dist/', 'test-results/', 'coverage/', 'bench/out/', 'assets/audit/verify.mjs', 'tests/lint/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // Plain Node scripts run outside TypeScript; give them Node's globals.
    files: ['scripts/**/*.mjs', 'bin/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly' } },
  },
  {
    // No import cycles anywhere. Imports name their .ts files, so the node resolver only needs the extensions.
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['main/services/**', 'main/db/**', 'main/web/**', 'main/cli.ts', 'main/cli/**', 'main/start.ts', 'main/contract/**'],
    rules: { 'no-restricted-imports': ['error', noElectron] },
  },
  {
    // native/ holds pure algorithms and codecs: it throws its own InputError, services convert it (native-input.ts).
    files: ['native/**'],
    rules: {
      'no-restricted-imports': layerRule(
        forbid('main', 'native/ imports nothing from main/ (issue 11 layering): throw native/input-error.ts, convert in the service.'),
        forbid('renderer', 'native/ imports nothing from renderer/.'),
      ),
    },
  },
  {
    // models/ is the training library: the workstation imports it, never the other way round; contract types only.
    files: ['models/**'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': layerRule(
        { regex: '(^|/)main/(?!contract/)', message: 'models/ imports nothing from main/ (issue 11 layering); shared code lives in models/ or core/.' },
        forbid('main/contract', 'models/ may import only types from main/contract/.', { allowTypeImports: true }),
        forbid('renderer', 'models/ imports nothing from renderer/.'),
      ),
    },
  },
  {
    // core/ is the bottom layer (errors, canonical JSON, version) every other layer and the offline verifier use.
    files: ['core/**'],
    rules: {
      'no-restricted-imports': layerRule(
        forbid('main', 'core/ imports nothing from the project.'),
        forbid('native', 'core/ imports nothing from the project.'),
        forbid('models', 'core/ imports nothing from the project.'),
        forbid('renderer', 'core/ imports nothing from the project.'),
      ),
    },
  },
  {
    files: ['main/electron/**'],
    ignores: ['main/electron/ipc.ts', 'main/electron/preload.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain', 'ipcRenderer'],
              message: 'Use the typed wrappers in main/electron/ipc.ts and preload.ts (DESIGN.md convention 1).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron.paths[0]],
          patterns: [
            {
              regex: '(^|/)main/(?!contract/)',
              message: 'The renderer may import only main/contract/ (DESIGN.md layering).',
            },
            { group: ['node:*', 'fs', 'path', 'child_process'], message: 'The renderer has no Node.' },
          ],
        },
      ],
    },
  },
);
