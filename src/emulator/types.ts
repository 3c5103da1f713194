// Public types of the emulator library (the contract other code depends on).

export type EmulatorMode = 'vm' | 'arc';

export interface EmulatorIdentity {
  kind: 'system' | 'user';
  clientId: string;
  objectId: string;
  /** ARM id of a user-assigned identity; absent for the system identity. */
  resourceId?: string;
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
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[]>;
  rawHeaders: string[];
  time: number;
}

export interface Emulator {
  url: string;
  host: string;
  port: number;
  mode: EmulatorMode;
  scenario: string;
  tokensDir: string | null;
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
