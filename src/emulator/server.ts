// startEmulator: one node:http server per call, all state on the instance. close() cancels timers, destroys
// every socket (silent and trickle scenarios keep them open forever) and removes the files it wrote.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Emulator, EmulatorIdentity, EmulatorMode, StartOptions } from './types.js';
import { findScenario, type ScenarioSpec } from './scenarios.js';
import { seededRandom, type EmulatorState } from './state.js';
import { checkOverrides } from './overrides.js';
import { handleRequest } from './router.js';
import { prepareArcDirs, removeAll } from './arc-files.js';
import {
  ARC_DEFAULT_IDENTITIES,
  ARC_SYSTEM_IDENTITY,
  DEFAULT_IDENTITIES,
  USER_IDENTITY_1,
  USER_IDENTITY_2,
} from './identities.js';

/** How long an unused Arc key file lives (real ones are short-lived; the value itself is not published). */
export const DEFAULT_ARC_KEY_LIFETIME_MS = 10_000;

function identitiesFor(spec: ScenarioSpec, mode: EmulatorMode): readonly EmulatorIdentity[] {
  const users = [USER_IDENTITY_1, USER_IDENTITY_2];
  switch (spec.identitySet) {
    case 'none':
      return [];
    case 'users-only':
      return users;
    case 'one-user':
      return [USER_IDENTITY_1];
    case 'with-users':
      return mode === 'arc' ? [ARC_SYSTEM_IDENTITY, ...users] : DEFAULT_IDENTITIES;
    default:
      return mode === 'arc' ? ARC_DEFAULT_IDENTITIES : DEFAULT_IDENTITIES;
  }
}

function resolveStart(options: StartOptions): {
  spec: ScenarioSpec;
  mode: EmulatorMode;
  host: string;
  port: number;
} {
  const name = options.scenario ?? 'healthy';
  const spec = findScenario(name);
  if (!spec) throw new Error(`unknown emulator scenario "${name}" (imds-check emulate --list shows them)`);
  // An Arc-only scenario implies Arc mode when no mode was given.
  const mode = options.mode ?? (spec.mode === 'both' ? 'vm' : spec.mode);
  if (spec.mode !== 'both' && spec.mode !== mode) {
    throw new Error(`scenario "${name}" exists in ${spec.mode} mode only, not ${mode}`);
  }
  if (spec.arcKey === 'fifo' && process.platform === 'win32') {
    throw new Error('scenario "arc-fifo" needs mkfifo, which this platform does not have');
  }
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port ${String(port)}`);
  const lifetime = options.arcKeyLifetimeMs ?? DEFAULT_ARC_KEY_LIFETIME_MS;
  if (!(lifetime > 0)) throw new Error(`invalid arcKeyLifetimeMs ${String(lifetime)}`);
  checkOverrides(options.overrides ?? {});
  return { spec, mode, host: options.host ?? '127.0.0.1', port };
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function stopServer(server: Server): Promise<void> {
  return new Promise((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
}

export async function startEmulator(options: StartOptions = {}): Promise<Emulator> {
  const { spec, mode, host, port } = resolveStart(options);
  const dirs = mode === 'arc' ? prepareArcDirs(options.tokensDir) : null;
  const state: EmulatorState = {
    mode,
    spec,
    identities: options.identities ? [...options.identities] : identitiesFor(spec, mode),
    tokensDir: dirs?.tokensDir ?? null,
    baitDir: dirs?.baitDir ?? null,
    requests: [],
    issuedTokens: [],
    issuedSecrets: [],
    baitPaths: [],
    secrets: new Map(),
    counters: { metadata: 0, token: 0 },
    firstSeen: {},
    sockets: new Set(),
    timers: new Set(),
    cleanup: dirs ? [...dirs.cleanup] : [],
    closed: false,
    overrides: options.overrides ?? {},
    faultRandom: seededRandom(options.seed ?? 1),
    jitterRandom: seededRandom((options.seed ?? 1) + 0x9e3779b9),
    arcKeyLifetimeMs: options.arcKeyLifetimeMs ?? DEFAULT_ARC_KEY_LIFETIME_MS,
    arcRealmPath: options.arcRealmPath ?? ((hostPath) => hostPath),
  };

  const server = createServer((req, res) => handleRequest(state, req, res));
  server.on('connection', (socket) => {
    state.sockets.add(socket);
    socket.on('close', () => state.sockets.delete(socket));
  });
  let boundPort: number;
  try {
    boundPort = await listen(server, host, port);
  } catch (err) {
    removeAll(state.cleanup);
    throw err;
  }
  // arc-down: the port was ours a moment ago and now nothing listens on it, so clients get ECONNREFUSED.
  if (spec.down) await stopServer(server);

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      state.closed = true;
      for (const timer of state.timers) clearTimeout(timer);
      state.timers.clear();
      for (const socket of state.sockets) socket.destroy();
      await stopServer(server);
      removeAll(state.cleanup);
    })();
    return closing;
  };

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${boundPort}`,
    host,
    port: boundPort,
    mode,
    scenario: spec.name,
    tokensDir: state.tokensDir,
    identities: state.identities,
    requests: state.requests,
    issuedTokens: state.issuedTokens,
    issuedSecrets: state.issuedSecrets,
    baitPaths: state.baitPaths,
    close,
  };
}
