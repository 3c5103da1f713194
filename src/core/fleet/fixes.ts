// The fix for a code, as the single-machine report would give it: always from remedies.ts (with the mode
// profile and platform of the machines concerned), never from the report files, which anyone could forge.
import { isCode } from '../codes.js';
import { HIMDS_BASE, IMDS_BASE } from '../imds/protocol.js';
import { endpointFacts } from '../pipeline/remedy-lookup.js';
import { PROFILES } from '../modes/target.js';
import { remedyFor } from '../remedies.js';
import type { InputSpelling } from '../types.js';
import type { FleetRow } from './fleet-types.js';

export const UNKNOWN_FIX =
  'This version of imds-check does not know this code; read the machine report for the message and fix.';

export interface Fix {
  /** '' when every machine of the group gets the same fix; else whom it is for ("Azure Arc, Windows"). */
  label: string;
  text: string;
}

function where(row: FleetRow): { mode: 'vm' | 'arc'; platform: string } {
  return {
    mode: row.mode === 'arc' ? 'arc' : 'vm',
    platform: /^windows$/i.test(row.osType.trim()) ? 'win32' : 'linux',
  };
}

function labelOf(mode: 'vm' | 'arc', platform: string): string {
  return `${mode === 'arc' ? 'Azure Arc' : 'Azure VM'}, ${platform === 'win32' ? 'Windows' : 'Linux'}`;
}

/**
 * The distinct fixes for `code` over the machines that have it (usually one). `spell` is how the merge's
 * front door writes the check's inputs, which is how the machines' own step wrote them too.
 */
export function fixesFor(code: string, rows: readonly FleetRow[], spell: InputSpelling): Fix[] {
  if (!isCode(code)) return [{ label: '', text: UNKNOWN_FIX }];
  const byText = new Map<string, string[]>();
  const seen = new Set<string>();
  // A code without machines (fleet_no_reports) still has its fix.
  for (const row of rows.length > 0 ? rows : [undefined]) {
    const { mode, platform } = row ? where(row) : { mode: 'vm' as const, platform: 'linux' };
    if (seen.has(`${mode}/${platform}`)) continue;
    seen.add(`${mode}/${platform}`);
    // A report's endpoint is forgeable text: the fix names the mode's own endpoint.
    const endpoint = endpointFacts(mode === 'arc' ? HIMDS_BASE : IMDS_BASE);
    const text = remedyFor(code, { profile: PROFILES[mode], platform, spell, endpoint });
    byText.set(text, [...(byText.get(text) ?? []), labelOf(mode, platform)]);
  }
  const fixes = [...byText].map(([text, labels]) => ({ label: labels.join('; '), text }));
  return fixes.length === 1 ? [{ label: '', text: fixes[0]!.text }] : fixes;
}
