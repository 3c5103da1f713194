// One judged aspect of the machine (its OS, its architecture, its free disk): a status and code, one clause
// for the check's message, and one row of the details table. The check's verdict is put together from these.
import type { CheckStatus } from '../../types.js';
import type { AmaHostCode } from './host-codes.js';

export interface Part {
  status: Exclude<CheckStatus, 'skip'>;
  code: AmaHostCode | 'ok';
  /** One clause of the check's message. */
  says: string;
  /** The details row: what was looked at, what was found, the verdict on it. */
  row: [string, string, string];
}

export const passed = (says: string, row: Part['row']): Part => ({ status: 'pass', code: 'ok', says, row });
export const warned = (code: AmaHostCode, says: string, row: Part['row']): Part => ({
  status: 'warn',
  code,
  says,
  row,
});
export const failed = (code: AmaHostCode, says: string, row: Part['row']): Part => ({
  status: 'fail',
  code,
  says,
  row,
});

/** A Node error's code (ENOENT, EACCES, …) as a message may show it; anything else is EUNKNOWN. */
export function errnoOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z0-9_]{1,32}$/.test(code) ? code : 'EUNKNOWN';
}
