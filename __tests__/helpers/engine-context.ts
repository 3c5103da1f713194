// A real RuntimeContext (real clock, fs and sockets) with a clean environment, for end-to-end tests against
// the emulator. The Arc tokens folder is injected here, as the engine's contract allows for tests.
import { createHostContext } from '../../src/host/process-context.js';
import { CLI_SPELLING } from '../../src/host/spelling.js';
import type { RuntimeContext } from '../../src/core/index.js';

export interface RecordingContext {
  ctx: RuntimeContext;
  secrets: string[];
}

export function engineContext(overrides: Partial<RuntimeContext> = {}): RecordingContext {
  const secrets: string[] = [];
  const base = createHostContext({
    spell: CLI_SPELLING,
    registerSecret: (v) => secrets.push(v),
    env: {},
    platform: 'linux',
  });
  return { ctx: { ...base, containerMarkers: [], arcAgentMarkers: [], ...overrides }, secrets };
}
