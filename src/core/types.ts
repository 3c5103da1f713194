// The engine's public types: options in, report out, and the RuntimeContext through which adapters hand
// the engine everything environmental (the engine itself never reads the process environment or platform).
import type { Code } from './codes.js';
import type { InputName } from './contract.js';
import type { CheckFindings } from './pipeline/findings.js';
import type { SocketWord } from './socket-words.js';

export type Mode = 'vm' | 'arc';
export type RequestedMode = 'auto' | Mode;
export type IdentityKind = 'system' | 'user' | 'none';
export type FailOn = 'error' | 'unreachable' | 'never';
/** One id per registered check module (each check file adds its own to CheckFindings). */
export type CheckId = keyof CheckFindings & string;
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';
export type RunResult = 'pass' | 'warn' | 'fail';
export type SelectorKind = 'client_id' | 'object_id' | 'msi_res_id';
export type PrivateLink = 'auto' | 'true' | 'false';

/** What decided the resolved mode; shown in the report and used for the `mode` output. */
export type ModeSignal = 'requested' | 'identity-endpoint-env' | 'himds-agent-installed' | 'default-vm';

/** What a check's `outcome` and the status outputs say: an HTTP status ("200"), a socket word, or 'skipped'. */
export type Outcome = `${number}` | SocketWord | 'skipped';

export interface IdentitySelector {
  kind: SelectorKind;
  value: string;
}

/** Where AMA's own traffic goes: the environment's HTTPS_PROXY, direct, or an explicit proxy. */
export type AmaProxy =
  | { kind: 'environment' }
  | { kind: 'none' }
  | { kind: 'url'; url: string; username: string; password: string };

/** Validated options, shared by every front door (see options.ts). */
export interface ProbeOptions {
  mode: RequestedMode;
  identity: IdentityKind;
  selector: IdentitySelector | null;
  /** '' means: the ARM endpoint of the cloud named by metadata azEnvironment. */
  resource: string;
  /** '' means: the default endpoint of the resolved mode. */
  endpoint: string;
  timeoutSeconds: number;
  failOn: FailOn;
  exposeToken: boolean;
  /** '' means: the adapter's default location. */
  reportPath: string;
  junitPath: string;
  /** 1 = one probe; more repeats the metadata and token requests (the stability check). */
  samples: number;
  minSuccessPercent: number;
  /** The AMA readiness check (false: no connection leaves for Azure Monitor). */
  ama: boolean;
  workspaceIds: string[];
  dceEndpoints: string[];
  amaProxy: AmaProxy;
  privateLink: PrivateLink;
  /** '' or a PEM file of extra roots that count as legitimate for Azure Monitor. */
  amaTrustedRoots: string;
}

/** How a front door spells an input in messages: `timeout-seconds`, `timeoutSeconds` or `--timeout-seconds`. */
export interface InputSpelling {
  name(input: InputName): string;
  /** `timeout-seconds: 90`, `timeoutSeconds: 90`, `--timeout-seconds 90`. */
  assignment(input: InputName, value: string): string;
}

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
  readText(path: string): Promise<string>;
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

/** A proxy configured outside the environment (the Azure DevOps agent proxy). */
export interface AgentProxy {
  url: string;
  bypass: string[];
}

/** How the AMA check resolves a host and which port stands for its 443 (replaced in tests only). */
export interface AmaNetwork {
  resolve(host: string): Promise<string[]>;
  port(host: string): number;
}

export interface RuntimeContext {
  env: Readonly<Record<string, string | undefined>>;
  platform: string;
  clock: Clock;
  /** [0,1); injectable so retry jitter is deterministic in tests. */
  random: () => number;
  fs: FileSystemPort;
  /** The Arc tokens folder for this platform; never taken from the server or a user-facing input. */
  arcTokensDir: string;
  /** Files whose presence means the Arc agent is installed. */
  arcAgentMarkers: string[];
  /** Files whose presence hints that we run inside a container. */
  containerMarkers: string[];
  agentProxy: AgentProxy | null;
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

/** Renderer-neutral extra detail of one check (e.g. one row per host): renderers draw it generically. */
export interface DetailTable {
  title: string;
  columns: string[];
  rows: string[][];
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface CheckResult {
  id: CheckId;
  title: string;
  status: CheckStatus;
  code: Code;
  message: string;
  remediation: string;
  durationMs: number;
  attempts: number;
  httpStatus: number | null;
  outcome: Outcome;
  /** Extra tables shown under the check in the summary, text and JUnit output. */
  details?: DetailTable[];
  /** Extra fields of the check's JSON report entry (e.g. `hosts`). */
  data?: { [key: string]: JsonValue };
}

export interface MachineFacts {
  vmId: string;
  name: string;
  resourceId: string;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  azEnvironment: string;
  vmSize: string;
  osType: string;
}

export interface IdentityFacts {
  kind: IdentityKind;
  /** e.g. "client_id=<guid>" or '' for system. */
  selector: string;
  principalId: string;
  tenantId: string;
  appId: string;
  audience: string;
  /** ISO 8601 UTC, e.g. 2026-11-25T18:00:00Z, or ''. */
  expiresOn: string;
  tokenType: string;
}

/** Time spent waiting on retries, per check and reason ("HTTP 410 (IMDS updating)"). */
export interface WaitRecord {
  check: CheckId;
  reason: string;
  waits: number;
  ms: number;
}

export interface Report {
  schemaVersion: 1;
  tool: { name: 'imds-check'; version: string };
  startedAt: string;
  durationMs: number;
  mode: { requested: RequestedMode; resolved: Mode; signal: ModeSignal };
  endpoint: string;
  result: RunResult;
  reachable: boolean;
  failOn: FailOn;
  checks: CheckResult[];
  machine: MachineFacts;
  identity: IdentityFacts;
  /** Retry waits, so the summary can say how long the run waited and why (absent in older reports). */
  waits?: WaitRecord[];
  /** Top-level sections contributed by checks (e.g. `samples`), keyed by their report name. */
  sections?: { [key: string]: JsonValue };
}

/** What runProbe returns: the report (never holds a secret) and, separately, the token for expose-token. */
export interface ProbeOutcome {
  report: Report;
  accessToken: string | null;
}
