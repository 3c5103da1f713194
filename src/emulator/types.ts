// Public types of the emulator library (the contract other code depends on).

export type EmulatorMode = 'vm' | 'arc';

export interface EmulatorIdentity {
  kind: 'system' | 'user';
  clientId: string;
  objectId: string;
  /** ARM id of a user-assigned identity; absent for the system identity. */
  resourceId?: string;
}

/**
 * Replacement values for what the emulator sends, so a test can put any text (an injection corpus, control
 * characters, bidi, U+2028 ...) into every network-derived field. Body values arrive as JSON strings (JSON
 * escapes controls, the value is intact); leaf answers with `format=text` carry them raw.
 */
export interface EmulatorOverrides {
  /**
   * Instance document, relative to `compute`: a field name (`name`, `vmId`, `resourceId`, `subscriptionId`,
   * `resourceGroupName`, `location`, `azEnvironment`, `vmSize`, `osType` ...) or a dotted path
   * (`osProfile.computerName`, `tagsList.0.value`). Missing paths are added. Applied before the api-version
   * filter, so a field newer than the requested version stays absent.
   */
  compute?: Readonly<Record<string, string>>;
  /** Access-token payload claims (`oid`, `tid`, `appid`, `aud`, `xms_mirid` ...), replaced or added. */
  claims?: Readonly<Record<string, string>>;
  /**
   * Fields of the 200 token answer (`access_token` itself, `expires_on`, `expires_in`, `client_id`,
   * `resource`, `token_type` ...), replaced or added after minting. An `access_token` override is what
   * `issuedTokens` records, because it is what went on the wire.
   */
  tokenAnswer?: Readonly<Record<string, string>>;
  /** `error` of every JSON error answer (status >= 400) the emulator generates. */
  error?: string;
  /** `error_description` of every JSON error answer that has one (token family, HIMDS). */
  errorDescription?: string;
  /** HIMDS api-version error: the text after "Supported are " (overridden again by `errorDescription`). */
  arcSupportedText?: string;
  /**
   * HIMDS challenge: the realm value (normally the key file's path). Sent as UTF-8 bytes. HTTP forbids
   * control characters in header values, so CR, LF, NUL, DEL and C0 controls other than HTAB are refused
   * when the emulator starts.
   */
  arcRealm?: string;
}

export interface StartOptions {
  scenario?: string;
  mode?: EmulatorMode;
  host?: string;
  port?: number;
  /** Arc only: where challenge .key files are written. Default: a fresh temp dir, removed on close. */
  tokensDir?: string;
  /** Replaces the scenario's identity set. */
  identities?: EmulatorIdentity[];
  /** Replacement values for fields and error texts; see EmulatorOverrides. */
  overrides?: EmulatorOverrides;
  /** Seed of the PRNG behind random-rate faults and latency jitter (default 1): same seed, same run. */
  seed?: number;
  /** Arc only: an unused key file (and its secret) is removed after this many ms (default 10000). */
  arcKeyLifetimeMs?: number;
  /**
   * Arc only: how the prober spells the path of a key file the emulator wrote, in the challenge realm
   * (default: as written). A Windows prober under Wine sees `<prefix>/drive_c/...` as `C:\...`.
   */
  arcRealmPath?: (hostPath: string) => string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[]>;
  rawHeaders: string[];
  /** Arrival, ms since the epoch (Date.now()). */
  time: number;
  /** Status sent; absent while unanswered or when the socket was dropped without an answer. */
  status?: number;
  /** When the answer was fully written, ms since the epoch. */
  answeredAt?: number;
  /** Delay the scenario added before answering (slow, latency-jitter), in ms; absent for transport faults. */
  delayMs?: number;
}

export interface Emulator {
  url: string;
  host: string;
  port: number;
  mode: EmulatorMode;
  scenario: string;
  tokensDir: string | null;
  /** The identities this instance serves (scenario set or the `identities` option). */
  identities: readonly EmulatorIdentity[];
  requests: RecordedRequest[];
  issuedTokens: string[];
  issuedSecrets: string[];
  /** Bait files written by the Arc key-file scenarios; their content is `baitContent`. */
  baitPaths: string[];
  close(): Promise<void>;
}

export interface ScenarioInfo {
  name: string;
  mode: EmulatorMode | 'both';
  description: string;
}
