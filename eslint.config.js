// ESLint flat config. The layering rules come from DESIGN.md: only main/electron imports 'electron'; raw
// ipcMain/ipcRenderer appear in two wrapper files; the renderer imports nothing from main but the contract.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const noElectron = {
  paths: [{ name: 'electron', message: 'Only main/electron may import electron (DESIGN.md layering).' }],
};

export default tseslint.config(
  // assets/audit/verify.mjs is generated from main/services/audit by scripts/build-verifier.mjs.
  { ignores: ['node_modules/', 'dist/', 'renderer/dist/', 'test-results/', 'coverage/', 'bench/out/', 'assets/audit/verify.mjs'] },
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
    files: ['main/services/**', 'main/db/**', 'main/web/**', 'main/cli.ts', 'main/start.ts', 'main/contract/**', 'native/**', 'models/**'],
    rules: { 'no-restricted-imports': ['error', noElectron] },
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
