// Outcome and expectation in one comparable shape, so a failing case shows both side by side, and the
// checks every conformance case makes.
import { expect } from '@jest/globals';
import type { ClientOutcome } from './run-client.js';
import type { ConformanceCase, Expected } from './cases.js';
import type { ClientName } from './runtime.js';

export type Shape =
  | { token: string }
  | { error: { name: string; code: string } }
  | { crash: string }
  | { errorOfClass: string[] };

export function outcomeShape(outcome: ClientOutcome, expected?: Expected | PythonExpected): Shape {
  if (outcome.kind === 'token') return { token: outcome.claims?.appid ?? '(not a JWT)' };
  if (outcome.kind === 'crash') return { crash: outcome.detail };
  // Python errors carry no code: compare the class against the allowed ones.
  if (expected && 'errorOfClass' in expected && expected.errorOfClass.includes(outcome.name)) {
    return { errorOfClass: expected.errorOfClass };
  }
  return { error: { name: outcome.name, code: outcome.code } };
}

export function expectedShape(expected: Expected | PythonExpected): Shape {
  if ('token' in expected) return { token: expected.token.clientId };
  if ('errorOfClass' in expected) return { errorOfClass: expected.errorOfClass };
  return { error: expected.error };
}

/**
 * Python's azure-identity raises one of its two credential errors and has no MSAL-style code, so only the
 * class is asserted (its documented failure types).
 */
export type PythonExpected = Expected | { errorOfClass: string[] };

export interface CaseRun {
  outcome: ClientOutcome;
  /** Token-route requests the emulator saw. */
  tokenRequests: number;
}

/** The client's outcome, then (where the case states it) how many token requests it took. */
export function expectCase(
  c: ConformanceCase,
  client: ClientName,
  expected: Expected | PythonExpected,
  run: CaseRun | undefined,
): void {
  expect(run).toBeDefined();
  if (!run) return;
  expect(outcomeShape(run.outcome, expected)).toEqual(expectedShape(expected));
  const requests = c.tokenRequests?.[client];
  if (requests !== undefined) expect(run.tokenRequests).toBe(requests);
}
