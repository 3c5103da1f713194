// task-lib's getInput echoes every value as a debug line (`endpoint=<value>`), and at import it moves the
// INPUT_ variables into its vault. Inputs that may carry a credential are therefore read here, from the
// environment, before task-lib is loaded, and never through getInput.
import { CREDENTIAL_INPUTS, toCamel, type InputName } from '../core/index.js';

export type CredentialInputs = Partial<Record<InputName, string>>;

/** The agent names each input INPUT_<NAME> (upper-cased, as in task.json). */
export function snapshotCredentialInputs(env: NodeJS.ProcessEnv): CredentialInputs {
  const found: CredentialInputs = {};
  for (const name of CREDENTIAL_INPUTS) {
    const value = env[`INPUT_${toCamel(name).toUpperCase()}`];
    if (value !== undefined) found[name] = value;
  }
  return found;
}
