// `imds-check emulate`: run the emulator in the foreground until SIGINT/SIGTERM, or list its scenarios.

import { listScenarios, SCENARIOS } from './scenarios.js';
import { startEmulator } from './server.js';
import type { EmulatorMode, StartOptions } from './types.js';

export interface EmulateIo {
  out(line: string): void;
  err(line: string): void;
}

/** `signal` lets a test stop the command the way SIGINT would. */
export interface EmulateControl {
  signal?: AbortSignal;
}

export const EMULATE_USAGE =
  'Usage: imds-check emulate [--scenario NAME] [--mode vm|arc] [--host H] [--port N] [--tokens-dir DIR] [--list]';

type Parsed = { list: boolean; help: boolean; options: StartOptions } | { error: string };

const VALUE_FLAGS = new Set(['scenario', 'mode', 'host', 'port', 'tokens-dir']);

function parse(argv: readonly string[]): Parsed {
  const options: StartOptions = {};
  let list = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--list') list = true;
    else {
      const match = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
      const name = match?.[1];
      if (name === undefined || !VALUE_FLAGS.has(name)) return { error: `unknown argument '${arg}'` };
      const value = match?.[2] ?? argv[++i];
      if (value === undefined || value === '') return { error: `--${name} needs a value` };
      const problem = apply(options, name, value);
      if (problem) return { error: problem };
    }
  }
  const spec = SCENARIOS.find((s) => s.name === options.scenario);
  if (spec && options.mode && spec.mode !== 'both' && spec.mode !== options.mode) {
    return { error: `scenario '${spec.name}' exists in ${spec.mode} mode only` };
  }
  return { list, help, options };
}

function apply(options: StartOptions, name: string, value: string): string | undefined {
  switch (name) {
    case 'scenario':
      if (!SCENARIOS.some((s) => s.name === value)) return `unknown scenario '${value}' (see --list)`;
      options.scenario = value;
      return undefined;
    case 'mode':
      if (value !== 'vm' && value !== 'arc') return `--mode must be vm or arc, not '${value}'`;
      options.mode = value as EmulatorMode;
      return undefined;
    case 'port': {
      const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
      if (!(port >= 0 && port <= 65535)) return `--port must be a number from 0 to 65535, not '${value}'`;
      options.port = port;
      return undefined;
    }
    case 'host':
      options.host = value;
      return undefined;
    default:
      options.tokensDir = value;
      return undefined;
  }
}

function waitForStop(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      signal?.removeEventListener('abort', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    if (signal?.aborted) stop();
    else signal?.addEventListener('abort', stop);
  });
}

export async function runEmulateCommand(
  argv: string[],
  io: EmulateIo,
  control: EmulateControl = {},
): Promise<number> {
  const parsed = parse(argv);
  if ('error' in parsed) {
    io.err(`imds-check emulate: ${parsed.error}`);
    io.err(EMULATE_USAGE);
    return 2;
  }
  if (parsed.help) {
    io.out(EMULATE_USAGE);
    return 0;
  }
  if (parsed.list) {
    const scenarios = listScenarios(parsed.options.mode);
    const width = Math.max(...scenarios.map((s) => s.name.length));
    for (const s of scenarios) io.out(`${s.name.padEnd(width)}  ${s.mode.padEnd(4)}  ${s.description}`);
    return 0;
  }
  let emulator;
  try {
    emulator = await startEmulator(parsed.options);
  } catch (err) {
    io.err(`imds-check emulate: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  const stopped = waitForStop(control.signal);
  io.out(
    `imds-check emulator (${emulator.mode}, scenario ${emulator.scenario}) listening on ${emulator.url}`,
  );
  if (emulator.tokensDir !== null) io.out(`tokens dir: ${emulator.tokensDir}`);
  if (emulator.scenario === 'arc-down')
    io.out('nothing accepts connections there: arc-down models a stopped HIMDS');
  await stopped;
  await emulator.close();
  return 0;
}
