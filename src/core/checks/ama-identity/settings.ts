// The AMA extension `settings` that select the identity AMA should use, as compact JSON for the
// ama-extension-settings output: `{}` for the system identity (AMA's default), otherwise
// {"authentication":{"managedIdentity":{"identifier-name":…,"identifier-value":…}}}. The shape is the one the
// AMA docs (azure-monitor-agent-manage, requirements) and the built-in user-assigned policies use; mi_res_id is
// the recommended name. Values are only GUIDs or user-assigned identity resource ids: a network value that does
// not fit never becomes the output.
import { isGuid, isResourceId } from '../../shapes.js';
import type { SelectorKind } from '../../types.js';

export type IdentifierName = 'mi_res_id' | 'object_id' | 'client_id';

/** The extension's name for each of our selector kinds (IMDS says msi_res_id, the extension mi_res_id). */
export const IDENTIFIER_NAMES: Readonly<Record<SelectorKind, IdentifierName>> = {
  msi_res_id: 'mi_res_id',
  object_id: 'object_id',
  client_id: 'client_id',
};

const UAMI_PROVIDER = /\/providers\/Microsoft\.ManagedIdentity\/userAssignedIdentities\/[^/]+$/i;

/** An ARM id of a user-assigned identity. */
export const isUserIdentityId = (value: string): boolean => isResourceId(value) && UAMI_PROVIDER.test(value);

function fits(name: string, value: string): boolean {
  if (name === 'mi_res_id') return isUserIdentityId(value);
  return (name === 'object_id' || name === 'client_id') && isGuid(value);
}

/** Compact JSON of the settings; null when the value does not fit the name. */
export function settingsFor(identifier: { name: IdentifierName; value: string } | null): string | null {
  if (identifier === null) return '{}';
  if (!fits(identifier.name, identifier.value)) return null;
  return JSON.stringify({
    authentication: {
      managedIdentity: { 'identifier-name': identifier.name, 'identifier-value': identifier.value },
    },
  });
}

/** The output's shape: exactly one of the two forms above, compact, nothing else. */
export function isExtensionSettings(value: string): boolean {
  if (value === '{}') return true;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return false;
  }
  const mi = (parsed as { authentication?: { managedIdentity?: Record<string, unknown> } } | null)
    ?.authentication?.managedIdentity;
  const name = mi?.['identifier-name'];
  const id = mi?.['identifier-value'];
  if (typeof name !== 'string' || typeof id !== 'string') return false;
  if (name !== 'mi_res_id' && name !== 'object_id' && name !== 'client_id') return false;
  return settingsFor({ name, value: id }) === value;
}
