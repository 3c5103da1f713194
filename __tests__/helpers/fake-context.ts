// Test doubles for the engine: a read-only file system that records every call, the one fake clock, and a RuntimeContext factory built from them. No module mocks.
import type { DiagnosticsPort, FileStat, FileSystemPort, ProbeOptions } from '../../src/core/index.js';
import type { RuntimeContext } from '../../src/core/context.js';
import { parseOptions } from '../../src/core/options.js';
import { CLI_SPELLING } from '../../src/host/spelling.js';
import { fakeClock, type FakeClock } from './fake-clock.js';
import { fakeSystem, UBUNTU_2204, withOsRelease } from './fake-system.js';

export { fakeClock, type FakeClock } from './fake-clock.js';

export interface FsCall {
  op: 'exists' | 'lstat' | 'realpath' | 'readSmallFile' | 'readBounded';
  path: string;
}

/** What one fake file looks like; `error` makes every access to it throw a Node-style error with that code. */
export interface FakeFile {
  content?: string;
  stat?: Partial<FileStat>;
  realpath?: string;
  error?: string;
  /** Error thrown only by readSmallFile (the open/read step), after lstat succeeded. */
  readError?: string;
}

export interface FakeFs extends FileSystemPort {
  calls: FsCall[];
  /** Paths whose content was requested (readSmallFile or readBounded). */
  reads(): string[];
}

function nodeError(code: string, path: string): Error {
  return Object.assign(new Error(`${code}: ${path}`), { code });
}

/**
 * `existing` answers exists(); `files` describes files for lstat/realpath/readSmallFile. realpath of an unknown
 * path returns it unchanged unless `canonical` maps it (used to mimic Windows' canonical casing).
 */
export function fakeFs(
  existing: string[] = [],
  files: Record<string, FakeFile> = {},
  canonical: (p: string) => string = (p) => p,
): FakeFs {
  const calls: FsCall[] = [];
  const present = new Set(existing);
  const file = (path: string): FakeFile => {
    const f = files[path];
    if (!f) throw nodeError('ENOENT', path);
    if (f.error) throw nodeError(f.error, path);
    return f;
  };
  return {
    calls,
    reads: () => calls.filter((c) => c.op === 'readSmallFile' || c.op === 'readBounded').map((c) => c.path),
    async exists(path) {
      calls.push({ op: 'exists', path });
      return present.has(path) || path in files;
    },
    async lstat(path) {
      calls.push({ op: 'lstat', path });
      const f = file(path);
      const content = f.content ?? '';
      return { isFile: true, isSymbolicLink: false, size: Buffer.byteLength(content), nlink: 1, ...f.stat };
    },
    async realpath(path) {
      calls.push({ op: 'realpath', path });
      const f = files[path];
      if (f?.error) throw nodeError(f.error, path);
      return f?.realpath ?? canonical(path);
    },
    async readSmallFile(path, maxBytes) {
      calls.push({ op: 'readSmallFile', path });
      const f = file(path);
      if (f.readError) throw nodeError(f.readError, path);
      const content = f.content ?? '';
      if (Buffer.byteLength(content) > maxBytes) throw nodeError('EFBIG', path);
      return content;
    },
    // Links followed (realpath), then judged as the opened file would be: regular, within the cap.
    async readBounded(path, maxBytes) {
      calls.push({ op: 'readBounded', path });
      const f = file(files[path]?.realpath ?? path);
      if (f.readError) throw nodeError(f.readError, path);
      const content = f.content ?? '';
      if (f.stat?.isFile === false) throw nodeError('ENOTREG', path);
      if ((f.stat?.size ?? Buffer.byteLength(content)) > maxBytes) throw nodeError('EFBIG', path);
      return content;
    },
  };
}

export interface FakeContext extends RuntimeContext {
  clock: FakeClock;
  secrets: string[];
  debugLines: string[];
  /** Texts of every progress event, in order. */
  progressLines: string[];
}

export const LINUX_TOKENS_DIR = '/var/opt/azcmagent/tokens';
export const WINDOWS_TOKENS_DIR = 'C:\\ProgramData\\AzureConnectedMachineAgent\\Tokens';

export function fakeContext(overrides: Partial<RuntimeContext> = {}): FakeContext {
  const secrets: string[] = [];
  const debugLines: string[] = [];
  const progressLines: string[] = [];
  const platform = overrides.platform ?? 'linux';
  const base: FakeContext = {
    env: {},
    platform,
    clock: fakeClock(),
    random: () => 0.5,
    // An Ubuntu 22.04 x64 machine with plenty of disk, unless a test gives another.
    fs: withOsRelease(fakeFs(), UBUNTU_2204),
    system: fakeSystem(),
    arcTokensDir: platform === 'win32' ? WINDOWS_TOKENS_DIR : LINUX_TOKENS_DIR,
    arcAgentMarkers:
      platform === 'win32'
        ? ['C:\\Program Files\\AzureConnectedMachineAgent\\himds.exe']
        : ['/opt/azcmagent/bin/himds'],
    containerMarkers: platform === 'win32' ? [] : ['/.dockerenv', '/run/.containerenv'],
    agentProxy: null,
    spell: CLI_SPELLING,
    diagnostics: null,
    log: { debug: (m) => debugLines.push(m) },
    progress: (event) => progressLines.push(event.text),
    registerSecret: (v) => secrets.push(v),
    toolVersion: '0.0.0-test',
    secrets,
    debugLines,
    progressLines,
  };
  return {
    ...base,
    ...overrides,
    clock: (overrides.clock as FakeClock | undefined) ?? base.clock,
    secrets,
    debugLines,
    progressLines,
  };
}

export function recordingDiagnostics(
  stdout: string,
): DiagnosticsPort & { runs: { command: string; args: string[] }[] } {
  const runs: { command: string; args: string[] }[] = [];
  return {
    runs,
    async run(command, args) {
      runs.push({ command, args });
      return { exitCode: 3, stdout };
    },
  };
}

/** The options every registered check's defaults give (a 30 s timeout), with the fields given replaced. */
export function options(overrides: Partial<ProbeOptions> = {}): ProbeOptions {
  const parsed = parseOptions({ 'timeout-seconds': '30' }, CLI_SPELLING);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return { ...parsed.options, ...overrides };
}
