// Helpers for reading IMDS answers: JSON fields that may be strings or numbers, error texts, the api-version
// fallback lists that IMDS (`newest-versions`) and HIMDS ("Supported are ...") offer, and the secrets a token
// answer carries (registered the moment it arrives, by whoever sent the request).
import type { HttpAnswer } from './http.js';
import { clip } from '../neutralise.js';
import type { RuntimeContext } from '../context.js';
import { isPlausibleSecret } from '../shapes.js';
import { parseJsonObject } from './recognise.js';

/** An error text is shown on one line of a message: the first 300 characters are enough to name it. */
const ERROR_TEXT_CHARS = 300;

export const text = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';

/** The `error` / `error_description` of an IMDS error body, as one short line. */
export function errorText(answer: HttpAnswer): string {
  const json = parseJsonObject(answer.body);
  if (json) {
    const error = json['error'];
    const parts = [
      typeof error === 'object' && error !== null
        ? text((error as Record<string, unknown>)['message'])
        : text(error),
      text(json['error_description']),
    ];
    // A JSON body is only ever shown through its error fields, never raw (it could hold a token).
    return clip(parts.filter((p) => p !== '').join(': '), ERROR_TEXT_CHARS);
  }
  return clip(answer.body.replace(/\s+/g, ' ').trim(), ERROR_TEXT_CHARS);
}

const VERSION = /^\d{4}-\d{2}-\d{2}(-preview)?$/;

/** Versions the server says it accepts, newest first; empty when the answer is not a version error. */
export function offeredVersions(answer: HttpAnswer): string[] {
  if (answer.status !== 400 && answer.status !== 404) return [];
  const json = parseJsonObject(answer.body);
  const newest = json?.['newest-versions'];
  if (Array.isArray(newest)) return newest.map(text).filter((v) => VERSION.test(v));
  const supported = /supported are\s+([0-9a-z\-, ]+)/i.exec(answer.body);
  if (supported?.[1]) {
    return supported[1]
      .split(/[\s,]+/)
      .filter((v) => VERSION.test(v))
      .sort()
      .reverse();
  }
  return [];
}

export function isVersionError(answer: HttpAnswer): boolean {
  // Only an error answer can refuse a version: a 200 document is never parsed a second time for it.
  if (answer.status !== 400 && answer.status !== 404) return false;
  return offeredVersions(answer).length > 0 || /invalid version|api-version/i.test(errorText(answer));
}

/**
 * Registers every plausible secret an answer carries, before anything else looks at it; returns the access
 * token when the body is a JSON object. A body that does not parse is still scanned, so a truncated answer
 * cannot carry an unregistered token into a message. Implausible values (short, with spaces) are never
 * registered: masking "e" would blank every e in the job log; they are never printed either.
 */
export function registerTokenSecrets(
  body: string,
  ctx: Pick<RuntimeContext, 'registerSecret'>,
): string | null {
  const register = (value: unknown): void => {
    if (typeof value === 'string' && isPlausibleSecret(value)) ctx.registerSecret(value);
  };
  const json = parseJsonObject(body);
  if (!json) {
    for (const m of body.matchAll(/"(?:access|refresh)_token"\s*:\s*"([^"\\]{8,})/g)) register(m[1]);
    return null;
  }
  register(json['access_token']);
  register(json['refresh_token']);
  return typeof json['access_token'] === 'string' ? json['access_token'] : null;
}
