// @azure/msal-node ManagedIdentityApplication, as an application would use it. argv[2]: JSON
// { mode: 'vm' | 'arc', selector?: { userAssignedClientId | userAssignedObjectId | userAssignedResourceId } }.
import { assertEmulatorOnly, claimsOf, report } from './guard.mjs';

const spec = JSON.parse(process.argv[2] ?? '{}');
const started = Date.now();
try {
  assertEmulatorOnly(spec.mode);
  const { ManagedIdentityApplication } = await import('@azure/msal-node');
  const app = new ManagedIdentityApplication({ managedIdentityIdParams: { ...spec.selector } });
  const result = await app.acquireToken({ resource: 'https://management.azure.com/' });
  report({ kind: 'token', ms: Date.now() - started, claims: claimsOf(result.accessToken) });
} catch (err) {
  report({
    kind: 'error',
    ms: Date.now() - started,
    name: String(err?.name ?? 'Error'),
    code: String(err?.errorCode ?? err?.code ?? ''),
    causeName: '',
    status: typeof err?.status === 'number' ? err.status : undefined,
    message: String(err?.message ?? err).slice(0, 600),
  });
}
