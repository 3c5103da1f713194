// The engine's vocabulary: the names every layer shares (check ids, codes, inputs, outputs, options), the words
// of an outcome, a verdict, and the report. Each check adds its own names to CheckTypes from its folder
// (declaration merging), so this file imports nothing and no layer needs one above it to name a check.

/**
 * One entry per check, added by the check itself (`declare module '../../types.js'` in checks/<id>/index.ts):
 * `{ finding: F; codes?: C; inputs?: I; outputs?: O }`, the finding its run returns and the names it owns.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the check modules
export interface CheckTypes {}
export type CheckId = keyof CheckTypes & string;
/** A union of what every check declares under `key` (never when none does). */
type Declared<K extends string> = {
  [Id in CheckId]: CheckTypes[Id] extends { [P in K]: infer T } ? T : never;
}[CheckId];

/** Every finding carries the check's finished result; a check adds what later checks or the report need. */
export interface Finding {
  check: CheckResult;
}
export type CheckFindings = { [Id in CheckId]: CheckTypes[Id] extends { finding: infer F } ? F : never };
export type Findings = Partial<CheckFindings>;

/** Codes any check may end with; the transport, the modes and the fleet add theirs to CodeOwners. */
export type RunCode = 'ok' | 'skipped' | 'invalid_input' | 'deadline_exceeded' | 'report_write_failed';
export interface CodeOwners {
  run: RunCode;
}
export type Code = CodeOwners[keyof CodeOwners] | Declared<'codes'>;

/** The run's own inputs and outputs (pipeline/run-inputs.ts); every other name belongs to a check. */
type RunInputName =
  'mode' | 'endpoint' | 'timeout-seconds' | 'fail-on' | 'report-path' | 'junit-path' | 'ama';
type RunOutputName = 'result' | 'mode' | 'report-path';
export type InputName = RunInputName | Declared<'inputs'>;
export type OutputName = RunOutputName | Declared<'outputs'>;
export type RawInputs = Partial<Record<InputName, string | undefined>>;
export type Outputs = Partial<Record<OutputName, string>>;

/** The run's own options; each check's folder extends this interface with the options its inputs parse to. */
export interface ProbeOptions {
  mode: RequestedMode;
  /** '' means: the default endpoint of the resolved mode. */
  endpoint: string;
  timeoutSeconds: number;
  failOn: FailOn;
  /** '' means: the adapter's default location. */
  reportPath: string;
  junitPath: string;
  /** The Azure Monitor Agent checks (false: no connection leaves for Azure Monitor). */
  ama: boolean;
}

/** How a front door spells an input in messages: `timeout-seconds`, `timeoutSeconds` or `--timeout-seconds`. */
export interface InputSpelling {
  name(input: InputName): string;
  /** `timeout-seconds: 90`, `timeoutSeconds: 90`, `--timeout-seconds 90`. */
  assignment(input: InputName, value: string): string;
}

/** The words status outputs and outcomes use when no HTTP status came back. */
const SOCKET_WORDS = ['timeout', 'refused', 'unreachable', 'reset', 'no-response'] as const;
export type SocketWord = (typeof SOCKET_WORDS)[number];
const WORDS: ReadonlySet<string> = new Set(SOCKET_WORDS);
export const isSocketWord = (value: string): value is SocketWord => WORDS.has(value);

export type Mode = 'vm' | 'arc';
export type RequestedMode = 'auto' | Mode;
export type IdentityKind = 'system' | 'user' | 'none';
export type FailOn = 'error' | 'unreachable' | 'never';
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';
export type RunResult = 'pass' | 'warn' | 'fail';
export type SelectorKind = 'client_id' | 'object_id' | 'msi_res_id';

/** What decided the resolved mode; shown in the report and used for the `mode` output. */
export type ModeSignal = 'requested' | 'identity-endpoint-env' | 'himds-agent-installed' | 'default-vm';

/** What a check's `outcome` and the status outputs say: an HTTP status ("200"), a socket word, or 'skipped'. */
export type Outcome = `${number}` | SocketWord | 'skipped';

export interface IdentitySelector {
  kind: SelectorKind;
  value: string;
}

/** How a front door spells an input in messages: `timeout-seconds`, `timeoutSeconds` or `--timeout-seconds`. */
export interface InputSpelling {
  name(input: InputName): string;
  /** `timeout-seconds: 90`, `timeoutSeconds: 90`, `--timeout-seconds 90`. */
  assignment(input: InputName, value: string): string;
}

/**
 * What a judge decided: status, code and message, with advice placed before the code's standard fix (`hint`)
 * and extra tables or report fields. finish() turns a check's verdict into its result.
 */
export interface Verdict {
  status: CheckStatus;
  code: Code;
  message: string;
  attempts?: number;
  httpStatus?: number | null;
  outcome?: Outcome;
  hint?: string;
  details?: DetailTable[];
  data?: { [key: string]: JsonValue };
}

/** The fix for a code: a sentence, or one made for the mode, platform and spelling at hand. */
export type Remedy = string | ((ctx: RemedyContext) => string);
export interface RemedyContext {
  profile: { service: string; bypassHosts: readonly string[]; remedies: Partial<Record<Code, Remedy>> };
  platform: string;
  spell: InputSpelling;
  /** The endpoint the run talked to (the report's `endpoint`): fixes name it, not the mode's default address. */
  endpoint: RemedyEndpoint;
}

/** The endpoint as fixes name it (pipeline/remedy-lookup.ts `endpointFacts` makes it from a base URL). */
export interface RemedyEndpoint {
  /** host:port as a firewall rule names it: `169.254.169.254:80`, `127.0.0.1:8080`, `[::1]:8080`. */
  address: string;
  /** The host alone, as `ip route get` takes it; and the port. */
  host: string;
  port: string;
  /** The base URL, e.g. http://127.0.0.1:8080. */
  base: string;
  /** IMDS's own address (its route, NSG and AKS advice apply), an address on this machine, or another host. */
  kind: 'imds' | 'loopback' | 'other';
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

/** The report's machine facts when metadata gave none. */
export const EMPTY_MACHINE: MachineFacts = {
  vmId: '',
  name: '',
  resourceId: '',
  subscriptionId: '',
  resourceGroup: '',
  location: '',
  azEnvironment: '',
  vmSize: '',
  osType: '',
};

/** The report's identity facts when no token was judged: only what was asked for. */
export function emptyIdentity(kind: IdentityKind, selector = ''): IdentityFacts {
  return {
    kind,
    selector,
    principalId: '',
    tenantId: '',
    appId: '',
    audience: '',
    expiresOn: '',
    tokenType: '',
  };
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

/** An input as the user writes it in this door, optionally with a value: `timeout-seconds: 90`, `--samples 10`. */
export const setting = (ctx: Pick<RemedyContext, 'spell'>, name: InputName, value?: string): string =>
  value === undefined ? ctx.spell.name(name) : ctx.spell.assignment(name, value);
