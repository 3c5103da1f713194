// Entry point of the GitHub Action (dist/index.js): the one step body over the runner's port.
import { exitOnceWritten } from '../host/exit.js';
import { runStep } from '../host/step.js';
import { ignoreClosedPipes } from '../host/quiet-pipes.js';
import { createGitHubPort } from './actions-port.js';

ignoreClosedPipes();
await runStep(createGitHubPort());
// Outputs, summary and report are written: nothing the run gave up on (a stuck lookup) may hold the step.
await exitOnceWritten();
