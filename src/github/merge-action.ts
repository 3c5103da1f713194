// Entry point of the merge action (merge/action.yml → dist/merge/index.js): the merge step body over the
// same runner port as the check.
import { runMergeStep } from '../host/merge-step.js';
import { ignoreClosedPipes } from '../host/quiet-pipes.js';
import { createGitHubPort } from './actions-port.js';

ignoreClosedPipes();
await runMergeStep(createGitHubPort());
