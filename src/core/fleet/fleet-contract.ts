// The fleet merge's contract names: inputs and outputs of `imds-check merge`, the merge action and the
// ImdsCheckMerge task (kebab-case here and on GitHub and the CLI, camelCase on Azure DevOps).

export const MERGE_INPUT_NAMES = ['reports', 'expected', 'min-pass', 'allow-codes', 'report-path'] as const;
export type MergeInputName = (typeof MERGE_INPUT_NAMES)[number];

export const MERGE_INPUT_DEFAULTS: Readonly<Record<MergeInputName, string>> = {
  // Where actions/download-artifact puts one folder per matrix leg in the example workflow.
  reports: 'imds-check-reports/**/*.json',
  expected: '',
  'min-pass': '100%',
  'allow-codes': '',
  'report-path': '',
};

export const MERGE_OUTPUT_NAMES = [
  'machines',
  'passed',
  'warned',
  'failed',
  'missing',
  'invalid',
  'result',
  'report-path',
] as const;
export type MergeOutputName = (typeof MERGE_OUTPUT_NAMES)[number];

/** How a front door writes a merge input in a message: `min-pass`, `minPass` or `--min-pass`. */
export type MergeSpelling = (input: MergeInputName) => string;
