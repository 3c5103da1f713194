// The public contract's names, put together from the run's own inputs and outputs and those of every registered
// check, in that order: kebab-case on GitHub and the CLI, camelCase on Azure DevOps. action.yml and task.json are
// generated from these lists (npm run manifests), the CLI's flags and --help lines too.
import { RUN_INPUTS } from './pipeline/run-inputs.js';
import type { InputGroup, InputSpec } from './pipeline/input-spec.js';
import type { OutputSpec } from './pipeline/output-spec.js';
import { RUN_OUTPUTS } from './pipeline/run-outputs.js';
import { CHECKS } from './registry.js';
import type { InputName, OutputName } from './types.js';

export { toCamel } from './pipeline/input-spec.js';

/** The run's inputs, then each check's, in registry order. */
export const INPUT_GROUPS: readonly InputGroup[] = [
  RUN_INPUTS,
  ...CHECKS.flatMap((check) => (check.inputs ? [check.inputs] : [])),
];
export const CONTRACT_INPUTS: readonly InputSpec[] = INPUT_GROUPS.flatMap((group) => group.inputs);
export const INPUT_NAMES: readonly InputName[] = CONTRACT_INPUTS.map((input) => input.name);

export const INPUT_DEFAULTS: Readonly<Record<InputName, string>> = Object.assign(
  Object.create(null) as Record<InputName, string>,
  Object.fromEntries(CONTRACT_INPUTS.map((input) => [input.name, input.default])),
);

/** Inputs that may carry a credential: adapters read them without any echo and mask what parsing found. */
export const CREDENTIAL_INPUTS: readonly InputName[] = CONTRACT_INPUTS.filter((i) => i.credential).map(
  (i) => i.name,
);

/** The run's outputs, then each check's, in registry order. */
export const CONTRACT_OUTPUTS: readonly OutputSpec[] = [
  ...RUN_OUTPUTS,
  ...CHECKS.flatMap((check) => check.outputs ?? []),
];
export const OUTPUT_NAMES: readonly OutputName[] = CONTRACT_OUTPUTS.map((output) => output.name);
