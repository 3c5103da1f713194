// Flat config: typescript-eslint recommended, plus the boundary rule: the engine imports no platform library
// and reads no process.env (adapters pass in what it needs).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'build/**', 'node_modules/**', 'coverage/**', '.ado-stage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['__tests__/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  // CommonJS by design: the CLI's code-cache loader, which starts a CommonJS bundle.
  { files: ['scripts/cli-loader.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    files: ['src/core/**/*.ts'],
    rules: {
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
);
