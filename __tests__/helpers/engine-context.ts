// A real RuntimeContext (real clock, fs and sockets) with a clean environment, for end-to-end tests against
// the emulator. The Arc tokens folder is injected here, as the engine's contract allows for tests. The machine
// the AMA rollout checks see is fixed (Ubuntu 22.04, x64, 100 GB free), so no result depends on the test host.
import { createHostContext } from '../../src/host/process-context.js';
import { CLI_SPELLING } from '../../src/host/spelling.js';
import type { RuntimeContext } from '../../src/core/index.js';
import { fakeSystem, UBUNTU_2204, withOsRelease } from './fake-system.js';

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
  const machine = { fs: withOsRelease(base.fs, UBUNTU_2204), system: fakeSystem() };
  return { ctx: { ...base, containerMarkers: [], arcAgentMarkers: [], ...machine, ...overrides }, secrets };
}
