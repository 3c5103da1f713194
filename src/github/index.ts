// Entry point of the GitHub Action (dist/index.js): the one step body over the runner's port.
import { runStep } from '../host/step.js';
import { ignoreClosedPipes } from '../host/quiet-pipes.js';
import { createGitHubPort } from './actions-port.js';

ignoreClosedPipes();
await runStep(createGitHubPort());
