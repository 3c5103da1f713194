// Builds the engine's RuntimeContext from the real process: the one place that reads process.env and the
// platform on behalf of the engine. Each front door calls it with its own secret registration.
import { join } from 'node:path';
import type { AgentProxy, DiagnosticsPort, Logger, RuntimeContext } from '../core/index.js';
import { nodeFileSystem } from './file-system.js';
import { TOOL_VERSION } from './version.js';

export interface HostOptions {
  frontDoor: RuntimeContext['frontDoor'];
  registerSecret(value: string): void;
  agentProxy?: AgentProxy | null;
  diagnostics?: DiagnosticsPort | null;
  log?: Logger;
  env?: NodeJS.ProcessEnv;
  platform?: string;
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

export function createHostContext(options: HostOptions): RuntimeContext {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  return {
    env: { ...env },
    platform,
    clock: { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) },
    random: Math.random,
    fs: nodeFileSystem,
    ...arcPathsFor(platform, env),
    containerMarkers: platform === 'win32' ? [] : ['/.dockerenv', '/run/.containerenv'],
    agentProxy: options.agentProxy ?? null,
    frontDoor: options.frontDoor,
    diagnostics: options.diagnostics ?? null,
    log: options.log ?? { debug: () => undefined },
    registerSecret: options.registerSecret,
    toolVersion: TOOL_VERSION,
  };
}

export const defaultReportDir = (tempDir: string | undefined, fallback: string): string =>
  join(tempDir && tempDir !== '' ? tempDir : fallback, 'imds-check');
