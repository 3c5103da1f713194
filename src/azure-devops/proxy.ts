// Turns the agent proxy settings task-lib reports into the engine's AgentProxy. The engine only uses it to
// warn that other programs (AMA) would send IMDS traffic through it; imds-check never uses a proxy itself.
import type { AgentProxy } from '../core/index.js';

/** Drops any user:password from the URL so it can appear in a warning. */
export function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.username === '' && parsed.password === '') return url;
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    // Not a URL we can parse: keep only what follows an '@', which is where credentials would end.
    return url.includes('@') ? url.slice(url.lastIndexOf('@') + 1) : url;
  }
}

export function toAgentProxy(proxyUrl: string | undefined, bypass: unknown): AgentProxy | null {
  const url = (proxyUrl ?? '').trim();
  if (url === '') return null;
  const list = Array.isArray(bypass)
    ? bypass.filter((b): b is string => typeof b === 'string' && b.trim() !== '')
    : [];
  return { url: withoutCredentials(url), bypass: list };
}
