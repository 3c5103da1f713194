// Turns the agent proxy settings task-lib reports into the engine's ProxySetting. The engine only uses it to
// warn that other programs (AMA) would send IMDS traffic through it; imds-check never uses a proxy itself.
import { withoutUserInfo, type ProxySetting } from '../core/index.js';

export function toAgentProxy(proxyUrl: string | undefined, bypass: unknown): ProxySetting | null {
  const url = (proxyUrl ?? '').trim();
  if (url === '') return null;
  const list = Array.isArray(bypass)
    ? bypass.filter((b): b is string => typeof b === 'string' && b.trim() !== '')
    : [];
  return { source: 'agent proxy', url: withoutUserInfo(url), bypass: list };
}
