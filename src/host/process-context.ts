// Builds the engine's RuntimeContext from the real process: the one place that reads process.env and the
// platform on behalf of the engine. Each front door passes its own spelling, secret registration and printer.
import os from 'node:os';
import type {
  HostSystem,
  ProxySetting,
  DiagnosticsPort,
  InputSpelling,
  Logger,
  ProgressEvent,
  RuntimeContext,
} from '../core/index.js';
import { childProcessDiagnostics } from './diagnostics.js';
import { nodeFileSystem } from './file-system.js';
import { TOOL_VERSION } from './version.js';

export interface HostOptions {
  spell: InputSpelling;
  registerSecret(value: string): void;
  progress?(event: ProgressEvent): void;
  agentProxy?: ProxySetting | null;
  diagnostics?: DiagnosticsPort | null;
  log?: Logger;
  env?: NodeJS.ProcessEnv;
  platform?: string;
  /** Only the CLI, and only for a loopback endpoint, may point the Arc challenge at another folder. */
  arcTokensDir?: string;
}

export function arcPathsFor(
  platform: string,
  env: NodeJS.ProcessEnv,
): Pick<RuntimeContext, 'arcTokensDir' | 'arcAgentMarkers'> {
  if (platform === 'win32') {
    const programData = env['ProgramData'] ?? env['PROGRAMDATA'] ?? 'C:\\ProgramData';
    const programFiles = env['ProgramFiles'] ?? env['PROGRAMFILES'] ?? 'C:\\Program Files';
    return {
      arcTokensDir: `${programData}\\AzureConnectedMachineAgent\\Tokens`,
      arcAgentMarkers: [`${programFiles}\\AzureConnectedMachineAgent\\himds.exe`],
    };
  }
  return { arcTokensDir: '/var/opt/azcmagent/tokens', arcAgentMarkers: ['/opt/azcmagent/bin/himds'] };
}

/**
 * The engine's copy of the environment. Windows names are case-insensitive (`Https_Proxy` is HTTPS_PROXY to
 * every program there), which a plain copy of process.env forgets: so on Windows every name is upper-cased,
 * the first of two spellings winning as in Windows' own lookup.
 */
export function environmentFor(platform: string, env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  if (platform !== 'win32') return { ...env };
  const copy: Record<string, string | undefined> = Object.create(null);
  for (const [name, value] of Object.entries(env)) {
    const upper = name.toUpperCase();
    if (!Object.hasOwn(copy, upper)) copy[upper] = value;
  }
  return copy;
}

/** The machine as Node sees it; statfs works on Linux and Windows alike (Windows: GetDiskFreeSpaceEx). */
export const processSystem: HostSystem = {
  release: () => os.release(),
  version: () => os.version(),
  machine: () => os.machine(),
  freeBytes: async (path) => {
    // Loaded here: node:fs/promises (with readline and watchers) costs every run's start-up, and only the
    // AMA readiness check asks.
    const { statfs } = await import('node:fs/promises');
    const stats = await statfs(path);
    return stats.bavail * stats.bsize;
  },
};

export function createHostContext(options: HostOptions): RuntimeContext {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const arcPaths = arcPathsFor(platform, env);
  return {
    env: environmentFor(platform, env),
    platform,
    clock: { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) },
    random: Math.random,
    fs: nodeFileSystem,
    system: processSystem,
    ...arcPaths,
    ...(options.arcTokensDir ? { arcTokensDir: options.arcTokensDir } : {}),
    containerMarkers: platform === 'win32' ? [] : ['/.dockerenv', '/run/.containerenv'],
    agentProxy: options.agentProxy ?? null,
    spell: options.spell,
    diagnostics: options.diagnostics === undefined ? childProcessDiagnostics : options.diagnostics,
    log: options.log ?? { debug: () => undefined },
    progress: options.progress ?? (() => undefined),
    registerSecret: options.registerSecret,
    toolVersion: TOOL_VERSION,
  };
}
