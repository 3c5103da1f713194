// What Python's azure-identity must end with. Only facts that hold across its versions are asserted: the
// token's identity, or one of its two documented credential errors. Rows where the outcome depends on the
// version's retry policy (429 without Retry-After, 410) are not asserted for it. Checked with the one
// azure-identity this machine could get (1.13.0b2, from Debian's python3-azure).
import type { ConformanceCase } from './cases.js';
import type { PythonExpected } from './verdict.js';

const PYTHON_ERRORS = ['CredentialUnavailableError', 'ClientAuthenticationError'];
const ROWS: Record<'vm' | 'arc', Set<string>> = {
  vm: new Set([
    'system identity',
    'user identity by client id',
    'user identity by object id',
    'user identity by resource id',
    'identity not found (unknown client id)',
    'no identity on the machine',
    'multiple identities, no selector',
    'multiple identities, client id',
    '429 with Retry-After (twice)',
  ]),
  // User-assigned identities on Arc arrived in azure-identity 1.26, and the realm checks later than
  // 1.13.0b2 (which reads a realm outside the tokens dir and sends its content): only these hold.
  arc: new Set(['system identity (challenge followed)', 'no identity on the machine']),
};

export function pythonExpectation(c: ConformanceCase): PythonExpected | undefined {
  if (!ROWS[c.mode].has(c.row)) return undefined;
  const msal = c.expect.msal;
  if (!msal) return undefined;
  return 'token' in msal ? msal : { errorOfClass: PYTHON_ERRORS };
}
