// Entry point of the Azure DevOps task (dist/azure-devops/index.js): the one step body over the agent's port.
// Credential inputs are read before task-lib loads (it would echo them); runStep never throws, as task-lib's
// own uncaughtException handler would print a stack trace.
import { exitOnceWritten } from '../host/exit.js';
import { ignoreClosedPipes } from '../host/quiet-pipes.js';
import { runStep } from '../host/step.js';
import { snapshotCredentialInputs } from './credential-inputs.js';

ignoreClosedPipes();
const credentials = snapshotCredentialInputs(process.env);
const { createTaskPort } = await import('./task-port.js');
await runStep(createTaskPort(credentials, import.meta.url));
// task.complete, the variables and the summary are written: nothing the run gave up on may hold the step.
await exitOnceWritten();
