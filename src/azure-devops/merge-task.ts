// Entry point of the ImdsCheckMerge task (dist/azure-devops-merge/index.js): the merge step body over the
// same agent port as the check. The merge has no credential inputs; runMergeStep never throws, as
// task-lib's own uncaughtException handler would print a stack trace.
import { runMergeStep } from '../host/merge-step.js';
import { ignoreClosedPipes } from '../host/quiet-pipes.js';
import { createTaskPort } from './task-port.js';

ignoreClosedPipes();
await runMergeStep(createTaskPort({}, import.meta.url));
