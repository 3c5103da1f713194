// Entry point of the GitHub Action (dist/index.js). All logic is in main.ts.
import { createActionsIo } from './actions-io.js';
import { main } from './main.js';

await main({ io: createActionsIo() });
