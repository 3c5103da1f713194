// @azure/identity ManagedIdentityCredential, as an application would use it. argv[2]: JSON
// { mode: 'vm' | 'arc', selector?: { clientId | objectId | resourceId } }. Prints one JSON outcome line.
import { assertEmulatorOnly, claimsOf, report } from './guard.mjs';

const spec = JSON.parse(process.argv[2] ?? '{}');
const started = Date.now();
try {
  assertEmulatorOnly(spec.mode);
  const { ManagedIdentityCredential } = await import('@azure/identity');
  const credential = new ManagedIdentityCredential({ ...spec.selector });
  const token = await credential.getToken('https://management.azure.com/.default');
  report({ kind: 'token', ms: Date.now() - started, claims: claimsOf(token.token) });
} catch (err) {
  const cause = err?.cause;
  report({
    kind: 'error',
    ms: Date.now() - started,
    name: String(err?.name ?? 'Error'),
    // The credential wraps MSAL's error; its errorCode is the documented code.
    code: String(cause?.errorCode ?? err?.errorCode ?? err?.code ?? ''),
    causeName: cause ? String(cause.name ?? '') : '',
    message: String(err?.message ?? err).slice(0, 600),
  });
}
