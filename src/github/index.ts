// Entry point of the GitHub Action (dist/index.js). All logic is in main.ts.
import { createActionsIo } from './actions-io.js';
import { main } from './main.js';

// A closed stdout/stderr pipe (EPIPE) must not become an unhandled 'error' event that prints a stack trace.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);

await main({ io: createActionsIo() });
