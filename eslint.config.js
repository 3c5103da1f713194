// Flat config: typescript-eslint recommended, plus the boundary rules: the engine imports no platform library
// and reads no process.env (adapters pass in what it needs); its import graph has no cycle and no arrow back up
// its layers (scripts/eslint-layers.mjs); the doors import the engine through its index only.
import tseslint from 'typescript-eslint';
import { layersPlugin } from './scripts/eslint-layers.mjs';

export default tseslint.config(
  { ignores: ['dist/**', 'build/**', 'node_modules/**', 'coverage/**', '.ado-stage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // `interface ProbeOptions extends TokenOptions {}`: how a check adds its options to the shared interface.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  { files: ['__tests__/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  // CommonJS by design: the CLI's code-cache loader, which starts a CommonJS bundle.
  { files: ['scripts/cli-loader.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    files: ['src/core/**/*.ts'],
    plugins: { layers: layersPlugin },
    rules: {
      'layers/no-cycle': 'error',
      'layers/no-back-arrow': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '@actions/*',
            'azure-pipelines-task-lib',
            'azure-pipelines-task-lib/*',
            '../github/*',
            '../azure-devops/*',
            '../cli/*',
            '../host/*',
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'src/core reads no process.env: take it from RuntimeContext.',
        },
        { object: 'process', property: 'exit', message: 'src/core never exits the process.' },
        {
          object: 'process',
          property: 'platform',
          message: 'src/core takes the platform from RuntimeContext.',
        },
      ],
    },
  },
  // The doors (and the code they share) reach the engine through its index, or the fleet's, only.
  {
    files: ['src/host/**/*.ts', 'src/cli/**/*.ts', 'src/github/**/*.ts', 'src/azure-devops/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+core/(?!index\\.js$|fleet/index\\.js$)',
              message:
                'The doors import the engine through src/core/index.ts (or src/core/fleet/index.ts) only.',
            },
          ],
        },
      ],
    },
  },
);
