// How an input is declared and parsed. The run (run-inputs.ts) and each check (checks/<id>/) declare the inputs
// they read: the contract name and default, the CLI's flag and --help line, and how the raw strings parse into
// options. Their action.yml and task.json texts are in the owner's `<id>-manifest.json` beside it, which only
// `npm run manifests` reads, so no bundle carries them. contract.ts and options.ts put the declarations together
// through the registry.
import { withoutUserInfo } from '../imds/endpoint.js';
import type { InputName, ProbeOptions } from '../types.js';

export interface InputSpec {
  name: InputName;
  default: string;
  /** Meaningful only with this boolean switch true: refused otherwise, naming the switch. */
  onlyWith?: InputName;
  /** May carry a credential: read without any echo (the task reads it before task-lib loads). */
  credential?: boolean;
  /**
   * The CLI flag (the input name unless `flag` says otherwise): a bare flag when `value` is absent (a boolean),
   * else `--flag VALUE`; `{default}` in the help line is replaced by the default.
   */
  cli: { flag?: string; value?: string; help: string };
}

export interface InputReader {
  /** The trimmed value, or the input's default when empty. */
  raw(name: InputName): string;
  /** The input as the calling front door spells it. */
  spell(name: InputName): string;
  /** Keeps a secret found in a value; the doors mask it before anything runs. */
  secret(value: string): void;
}

/** What a check (or the run) reads: its input declarations, and their parse into its options. */
export interface InputGroup {
  inputs: readonly InputSpec[];
  parse(read: InputReader): Partial<ProbeOptions>;
}

/** `client-id` → `clientId`: the Azure DevOps spelling of a contract name. */
export function toCamel(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

export class InvalidInput extends Error {
  constructor(
    readonly input: InputName,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/** A value as shown in a message: without user-info, quoted, control characters escaped, on one line. */
export function shown(value: string): string {
  const safe = withoutUserInfo(value);
  const clipped = safe.length > 80 ? `${safe.slice(0, 80)}…` : safe;
  // JSON.stringify leaves U+0085, U+2028 and U+2029 raw; some log viewers break lines on them.
  return JSON.stringify(clipped).replace(
    /[\u0085\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function oneOf<T extends string>(input: InputName, value: string, allowed: readonly T[]): T {
  const lower = value.toLowerCase();
  const hit = allowed.find((a) => a === lower);
  if (hit === undefined)
    throw new InvalidInput(input, `got ${shown(value)}; accepted values: ${allowed.join(', ')}`);
  return hit;
}

/** Strict booleans, so GitHub and Azure DevOps accept and reject the same values. */
export function strictBoolean(input: InputName, value: string): boolean {
  return oneOf(input, value, ['true', 'false']) === 'true';
}

export function wholeNumber(input: InputName, value: string, min: number, max: number): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(n >= min && n <= max))
    throw new InvalidInput(input, `got ${shown(value)}; expected a whole number from ${min} to ${max}`);
  return n;
}

export function percent(input: InputName, value: string): number {
  const n = /^\d{1,3}(\.\d+)?$/.test(value) ? Number(value) : NaN;
  if (!(n >= 0 && n <= 100))
    throw new InvalidInput(input, `got ${shown(value)}; expected a number from 0 to 100`);
  return n;
}

/** Comma, newline or space separated; empty entries dropped; duplicates kept once. */
export function list(value: string): string[] {
  return [...new Set(value.split(/[\s,]+/).filter((v) => v !== ''))];
}
