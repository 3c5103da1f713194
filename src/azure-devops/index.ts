// Entry point of the Azure DevOps task (dist/azure-devops/index.js). All logic is in main.ts, which never
// throws; task-lib's own uncaughtException handler would print a stack trace.
import { ignoreClosedPipes } from '../host/quiet-pipes.js';
import { main } from './main.js';
import { createTaskIo } from './task-io.js';

ignoreClosedPipes();

await main({ io: createTaskIo() });
