// The engine's public types: options in, report out, and the RuntimeContext through which adapters hand
// the engine everything environmental (the engine itself never reads the process environment or platform).

export type Mode = 'vm' | 'arc';
export type RequestedMode = 'auto' | Mode;
export type IdentityKind = 'system' | 'user' | 'none';
export type FailOn = 'error' | 'unreachable' | 'never';
export type CheckId = 'environment' | 'reachability' | 'metadata' | 'token';
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';
export type RunResult = 'pass' | 'warn' | 'fail';
export type SelectorKind = 'client_id' | 'object_id' | 'msi_res_id';

/** What decided the resolved mode; shown in the report and used for the `mode` output. */
export type ModeSignal = 'requested' | 'identity-endpoint-env' | 'himds-agent-installed' | 'default-vm';

/** The words the `metadata-status` / `token-status` outputs and each check's `outcome` use. */
export type SocketOutcome = 'timeout' | 'refused' | 'unreachable' | 'reset' | 'no-response';
export type Outcome = string; // an HTTP status as a string ("200"), a SocketOutcome, or 'skipped'

export interface IdentitySelector {
  kind: SelectorKind;
  value: string;
}

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
}

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface FileStat {
  isFile: boolean;
  isSymbolicLink: boolean;
  size: number;
}

/** Read-only file access; errors are thrown as Node-style errors carrying `code` (ENOENT, EACCES, ...). */
export interface FileSystemPort {
  exists(path: string): Promise<boolean>;
  /** lstat: does not follow links. */
  lstat(path: string): Promise<FileStat>;
  /** Resolves links; used to prove a path stays inside a folder. */
  realpath(path: string): Promise<string>;
  /** Reads at most maxBytes; opens without following a final link and refuses non-regular files. */
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

/** A proxy configured outside the environment (the Azure DevOps agent proxy). */
export interface AgentProxy {
  url: string;
  bypass: string[];
}

export interface RuntimeContext {
  env: Readonly<Record<string, string | undefined>>;
  platform: string;
  clock: Clock;
  /** [0,1); injectable so retry jitter is deterministic in tests. */
  random: () => number;
  fs: FileSystemPort;
  /** The Arc tokens folder for this platform; never taken from the server or a user option. */
  arcTokensDir: string;
  /** Files whose presence means the Arc agent is installed. */
  arcAgentMarkers: string[];
  /** Files whose presence hints that we run inside a container. */
  containerMarkers: string[];
  agentProxy: AgentProxy | null;
  /** Names the proxy-setting style in remediation text ('github' | 'azure-devops' | 'cli'). */
  frontDoor: 'github' | 'azure-devops' | 'cli';
  diagnostics: DiagnosticsPort | null;
  log: Logger;
  /** Called with every secret (token, Arc challenge secret) the moment it is obtained, before any use. */
  registerSecret(value: string): void;
  toolVersion: string;
}

export interface CheckResult {
  id: CheckId;
  title: string;
  status: CheckStatus;
  code: string;
  message: string;
  remediation: string;
  durationMs: number;
  attempts: number;
  httpStatus: number | null;
  outcome: Outcome;
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
}

/** What runProbe returns: the report (never holds a secret) and, separately, the token for expose-token. */
export interface ProbeOutcome {
  report: Report;
  accessToken: string | null;
}
