// The RuntimeContext: everything environmental the engine needs, handed in by the front doors (the engine itself
// never reads the process environment or platform), and the ports it is made of.
import type { CheckId, InputSpelling } from './types.js';

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface FileStat {
  isFile: boolean;
  isSymbolicLink: boolean;
  size: number;
  /** Hard-link count; a key file with more than one name could be any file on the machine. */
  nlink: number;
}

/** Read-only file access; errors are thrown as Node-style errors carrying `code` (ENOENT, EACCES, ...). */
export interface FileSystemPort {
  exists(path: string): Promise<boolean>;
  /** lstat: does not follow links. */
  lstat(path: string): Promise<FileStat>;
  /** Resolves links; used to prove a path stays inside a folder. */
  realpath(path: string): Promise<string>;
  /**
   * Reads at most maxBytes; opens without following a final link and refuses non-regular files (ENOTREG),
   * files over the cap (EFBIG) and files with more than one hard link (EMLINK).
   */
  readSmallFile(path: string, maxBytes: number): Promise<string>;
  /**
   * Reads at most maxBytes of a file named by the user or the environment, links followed: opened once (never
   * blocking on a FIFO) and judged by fstat on that handle: not a regular file is ENOTREG, over the cap EFBIG.
   */
  readBounded(path: string, maxBytes: number): Promise<string>;
}

/** Read-only diagnostics commands (e.g. `systemctl is-active himdsd`); absence is not an error. */
export interface DiagnosticsPort {
  run(
    command: string,
    args: string[],
    timeoutMs: number,
  ): Promise<{ exitCode: number; stdout: string } | null>;
}

export interface Logger {
  debug(message: string): void;
}

/** A line about a wait of more than a moment: status words only, never a secret or a network value. */
export interface ProgressEvent {
  check: CheckId;
  text: string;
}

/** A proxy configured outside imds-check: an environment variable, or the Azure DevOps agent proxy with its bypass list. */
export interface ProxySetting {
  /** `HTTPS_PROXY`, `https_proxy`, …, or `agent proxy`. */
  source: string;
  /** Without user-info: the door or the engine removed it before anything could show it. */
  url: string;
  /** The agent's bypass list (regular expressions); absent for an environment variable. */
  bypass?: string[];
}

/** How the AMA check resolves a host and which port stands for its 443 (replaced in tests only). */
export interface AmaNetwork {
  /** `timeoutMs`: the bound the caller waits; the system resolver uses it to give up waiting for a thread. */
  resolve(host: string, timeoutMs?: number): Promise<string[]>;
  port(host: string): number;
}

/**
 * What the ama-host check reads of the machine it runs on (Node's os module and fs.statfs), behind a port so a
 * test can play any operating system, architecture or disk.
 */
export interface HostSystem {
  /** os.release(): the kernel release; on Windows `10.0.<build>` (or `6.3.9600`). */
  release(): string;
  /** os.version(): on Windows the product name (`Windows Server 2022 Datacenter`); '' when unknown. */
  version(): string;
  /** os.machine(): the kernel's architecture (`x86_64`, `aarch64`, `arm64`, `i686`), not Node's own. */
  machine(): string;
  /** Bytes an unprivileged user may still write on the file system holding `path` (statfs bavail × bsize). */
  freeBytes(path: string): Promise<number>;
}

export interface RuntimeContext {
  env: Readonly<Record<string, string | undefined>>;
  platform: string;
  clock: Clock;
  /** [0,1); injectable so retry jitter is deterministic in tests. */
  random: () => number;
  fs: FileSystemPort;
  /** The operating system, architecture and free disk space (read only by the AMA rollout checks). */
  system: HostSystem;
  /** The Arc tokens folder for this platform; never taken from the server or a user-facing input. */
  arcTokensDir: string;
  /** Files whose presence means the Arc agent is installed. */
  arcAgentMarkers: string[];
  /** Files whose presence hints that we run inside a container. */
  containerMarkers: string[];
  agentProxy: ProxySetting | null;
  /** How the calling front door spells inputs, so advice names them the way the user writes them. */
  spell: InputSpelling;
  diagnostics: DiagnosticsPort | null;
  log: Logger;
  /** Waits of more than a moment, as they start; adapters print them. */
  progress(event: ProgressEvent): void;
  /** Called with every secret (token, Arc challenge secret) the moment it is obtained, before any use. */
  registerSecret(value: string): void;
  toolVersion: string;
  /**
   * Test seam of the AMA check (loopback servers under real host names). Only code sets it: no front door
   * maps an input or environment variable to it; absent means the system resolver and port 443.
   */
  amaNetwork?: AmaNetwork;
}
