// `imds-check emulate`: run the emulator in the foreground until SIGINT/SIGTERM, or list its scenarios.

import { listScenarios, SCENARIOS } from './scenarios.js';
import { startEmulator } from './server.js';
import { bannerLines, EMULATE_HELP, EMULATE_USAGE } from './command-text.js';
import type { Emulator, EmulatorMode, StartOptions } from './types.js';
import { AMA_HELP, splitAmaArgs, startAmaSide, type AmaSide } from './ama/command.js';

export { EMULATE_HELP, EMULATE_USAGE } from './command-text.js';

export interface EmulateIo {
  out(line: string): void;
  err(line: string): void;
}

/** `signal` lets a test stop the command the way SIGINT would. */
export interface EmulateControl {
  signal?: AbortSignal;
}

interface Parsed {
  list: boolean;
  help: boolean;
  log: boolean;
  options: StartOptions;
}

const VALUE_FLAGS = new Set(['scenario', 'mode', 'host', 'port', 'tokens-dir', 'key-lifetime', 'seed']);

function parse(argv: readonly string[]): Parsed | { error: string } {
  const parsed: Parsed = { list: false, help: false, log: false, options: {} };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') parsed.help = true;
    else if (arg === '--list') parsed.list = true;
    else if (arg === '--log') parsed.log = true;
    else {
      const match = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
      const name = match?.[1];
      if (name === undefined || !VALUE_FLAGS.has(name)) return { error: `unknown argument '${arg}'` };
      const value = match?.[2] ?? argv[++i];
      if (value === undefined || value === '') return { error: `--${name} needs a value` };
      const problem = apply(parsed.options, name, value);
      if (problem) return { error: problem };
    }
  }
  const { options } = parsed;
  const spec = SCENARIOS.find((s) => s.name === options.scenario);
  if (spec && options.mode && spec.mode !== 'both' && spec.mode !== options.mode) {
    return { error: `scenario '${spec.name}' exists in ${spec.mode} mode only` };
  }
  return parsed;
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
    case 'key-lifetime': {
      const seconds = /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
      if (!(seconds > 0 && seconds <= 86400))
        return `--key-lifetime must be seconds from 0 to 86400, not '${value}'`;
      options.arcKeyLifetimeMs = Math.round(seconds * 1000);
      return undefined;
    }
    case 'seed':
      if (!/^-?\d{1,9}$/.test(value)) return `--seed must be an integer, not '${value}'`;
      options.seed = Number(value);
      return undefined;
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

/** --log: one line per answered request. Path and query only: headers (Authorization) are never printed. */
function logRequests(emulator: Emulator, io: EmulateIo): () => void {
  let printed = 0;
  const timer = setInterval(() => {
    for (; printed < emulator.requests.length; printed++) {
      const r = emulator.requests[printed];
      if (r === undefined || (r.status === undefined && Date.now() - r.time < 2000)) break;
      const query = new URLSearchParams(r.query).toString();
      const status = r.status === undefined ? 'no answer yet' : String(r.status);
      io.out(
        `${new Date(r.time).toISOString()} ${r.method} ${r.path}${query ? `?${query}` : ''} -> ${status}`,
      );
    }
  }, 100);
  return () => clearInterval(timer);
}

export async function runEmulateCommand(
  argv: string[],
  io: EmulateIo,
  control: EmulateControl = {},
): Promise<number> {
  // The Azure Monitor side (src/emulator/ama) takes its --ama* flags first; the rest is parsed as before.
  const amaArgs = splitAmaArgs(argv);
  if ('error' in amaArgs) {
    io.err(`imds-check emulate: ${amaArgs.error}`);
    io.err(EMULATE_USAGE);
    return 2;
  }
  const parsed = parse(amaArgs.rest);
  if ('error' in parsed) {
    io.err(`imds-check emulate: ${parsed.error}`);
    io.err(EMULATE_USAGE);
    return 2;
  }
  if (parsed.help) {
    io.out(EMULATE_HELP);
    io.out(AMA_HELP);
    return 0;
  }
  if (parsed.list) {
    const scenarios = listScenarios(parsed.options.mode);
    const width = Math.max(...scenarios.map((s) => s.name.length));
    for (const s of scenarios) io.out(`${s.name.padEnd(width)}  ${s.mode.padEnd(4)}  ${s.description}`);
    return 0;
  }
  let emulator: Emulator;
  try {
    emulator = await startEmulator(parsed.options);
  } catch (err) {
    io.err(`imds-check emulate: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  let ama: AmaSide | null = null;
  try {
    ama = amaArgs.ama ? await startAmaSide(amaArgs.ama, parsed.log ? io.out : undefined) : null;
  } catch (err) {
    await emulator.close();
    io.err(`imds-check emulate: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  const stopped = waitForStop(control.signal);
  for (const line of bannerLines(emulator)) io.out(line);
  for (const line of ama?.lines ?? []) io.out(line);
  const stopLog = parsed.log ? logRequests(emulator, io) : () => undefined;
  await stopped;
  stopLog();
  await emulator.close();
  await ama?.close();
  return 0;
}
