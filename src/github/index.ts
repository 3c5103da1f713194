// Entry point of the GitHub Action (dist/index.js). All logic is in main.ts.
import { createActionsIo } from './actions-io.js';
import { ignoreClosedPipes } from '../host/quiet-pipes.js';
import { main } from './main.js';

ignoreClosedPipes();

await main({ io: createActionsIo() });
