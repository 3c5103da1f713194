// Raw merge inputs → MergePolicy and the report path. Errors name the input as the front door spells it and
// say what is accepted; the value is shown escaped and clipped, so a message stays one line.
import { FLEET_CODES, isCode } from '../codes.js';
import { MERGE_INPUT_DEFAULTS, type MergeInputName, type MergeSpelling } from './fleet-contract.js';
import type { MergePolicy, MinPass } from './fleet-types.js';

export type RawMergeInputs = Partial<Record<MergeInputName, string | undefined>>;

export interface MergeOptions {
  policy: MergePolicy;
  /** Patterns, folders or files, one per line. */
  reports: string[];
  reportPath: string;
}

export type MergeParse =
  | { ok: true; options: MergeOptions }
  | { ok: false; error: { code: 'invalid_input'; input: MergeInputName; message: string } };

/** The most machines a merge takes; far above any fleet a pipeline fans out to. */
export const MAX_EXPECTED = 100_000;

/** Codes that describe the merge itself; letting them through would defeat `expected` and the report checks. */
const NOT_ALLOWABLE: ReadonlySet<string> = new Set(['ok', 'skipped', ...FLEET_CODES]);

class Bad extends Error {
  constructor(
    readonly input: MergeInputName,
    readonly detail: string,
  ) {
    super(detail);
  }
}

function shown(value: string): string {
  const clipped = value.length > 80 ? `${value.slice(0, 80)}…` : value;
  return JSON.stringify(clipped).replace(
    /[\u0085\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16)}`,
  );
}

function expected(value: string): number | null {
  if (value === '') return null;
  const n = /^\d{1,6}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1 && n <= MAX_EXPECTED))
    throw new Bad(
      'expected',
      `got ${shown(value)}; expected a whole number from 1 to ${MAX_EXPECTED}, or empty`,
    );
  return n;
}

/** `N` machines or `N%` (up to two decimals), kept as whole basis points so the comparison is exact. */
function minPass(value: string): MinPass {
  const text = value === '' ? MERGE_INPUT_DEFAULTS['min-pass'] : value;
  const share = /^(\d{1,3})(?:\.(\d{1,2}))?%$/.exec(text);
  if (share) {
    const basisPoints = Number(share[1]) * 100 + Number((share[2] ?? '').padEnd(2, '0'));
    if (basisPoints <= 10_000) return { kind: 'percent', value: basisPoints, text };
  } else if (/^\d{1,6}$/.test(text) && Number(text) <= MAX_EXPECTED) {
    return { kind: 'count', value: Number(text), text };
  }
  throw new Bad(
    'min-pass',
    `got ${shown(value)}; expected a share from 0% to 100% (e.g. 95%) or a number of machines (e.g. 48)`,
  );
}

function allowCodes(value: string): string[] {
  const codes = [...new Set(value.split(/[\s,]+/).filter((c) => c !== ''))];
  for (const code of codes) {
    if (!isCode(code))
      throw new Bad('allow-codes', `got ${shown(code)}; expected codes from docs/errors.md, comma separated`);
    if (NOT_ALLOWABLE.has(code))
      throw new Bad(
        'allow-codes',
        `${code} cannot be allowed; it describes the merge, not a machine's check`,
      );
  }
  return codes;
}

function reports(value: string): string[] {
  const text = value.trim() === '' ? MERGE_INPUT_DEFAULTS.reports : value;
  return [...new Set(text.split(/\r?\n/).map((line) => line.trim()))].filter((line) => line !== '');
}

export function parseMergeOptions(raw: RawMergeInputs, spell: MergeSpelling): MergeParse {
  const get = (name: MergeInputName): string => (raw[name] ?? '').trim();
  try {
    return {
      ok: true,
      options: {
        policy: {
          expected: expected(get('expected')),
          minPass: minPass(get('min-pass')),
          allowCodes: allowCodes(get('allow-codes')),
        },
        reports: reports(raw.reports ?? ''),
        reportPath: get('report-path'),
      },
    };
  } catch (err) {
    if (!(err instanceof Bad)) throw err;
    const message = `Invalid input '${spell(err.input)}': ${err.detail}`;
    return { ok: false, error: { code: 'invalid_input', input: err.input, message } };
  }
}
