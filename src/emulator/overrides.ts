// Test-supplied replacement values (EmulatorOverrides): validation at start, and the places that apply them.
// Everything here is string in, string out: the point is that any text reaches the wire unchanged.

import type { EmulatorOverrides } from './types.js';

/** Characters HTTP forbids in a header value (RFC 9110 §5.5): controls other than HTAB, and DEL. */
const FORBIDDEN_IN_HEADER = /[\x00-\x08\x0a-\x1f\x7f]/;

/** Throws for override values that cannot be sent at all; called once by startEmulator. */
export function checkOverrides(overrides: EmulatorOverrides): void {
  if (overrides.arcRealm !== undefined && FORBIDDEN_IN_HEADER.test(overrides.arcRealm)) {
    throw new Error(
      'overrides.arcRealm holds a control character (CR, LF, NUL, DEL or C0 other than HTAB); HTTP header values cannot carry it',
    );
  }
}

/**
 * A header value as raw UTF-8 bytes: node:http writes a string's code units 0x80-0xFF as single bytes
 * (latin1), so re-coding the UTF-8 bytes as latin1 puts exactly those bytes on the wire (obs-text in HTTP).
 */
export function utf8HeaderValue(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}

type Node = Record<string, unknown> | unknown[];

// Path segments are the test's text: a segment names an own key or an index, never anything inherited, so
// `__proto__.x` or `constructor.prototype.x` makes a key of that name in the document (on the wire as sent)
// and never reaches Object.prototype of the process running the emulator.
const isIndex = (node: Node, key: string): boolean => Array.isArray(node) && /^\d+$/.test(key);

function child(node: Node, key: string): unknown {
  if (isIndex(node, key)) return (node as unknown[])[Number(key)];
  return Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
}

function put(node: Node, key: string, value: unknown): void {
  const name = isIndex(node, key) ? String(Number(key)) : key;
  // defineProperty, not assignment: assigning to `__proto__` would replace the node's prototype.
  Object.defineProperty(node, name, { value, enumerable: true, writable: true, configurable: true });
}

/** Sets `path` (dotted, relative to `root`) to `value`, creating objects on the way. */
function setPath(root: Record<string, unknown>, path: string, value: string): void {
  const keys = path.split('.');
  let node: Node = root;
  for (const key of keys.slice(0, -1)) {
    let next = child(node, key);
    if (next === null || typeof next !== 'object') {
      next = {};
      put(node, key, next);
    }
    node = next as Node;
  }
  put(node, keys[keys.length - 1] ?? '', value);
}

/** A deep copy of the instance document with the compute overrides applied. */
export function withComputeOverrides(document: unknown, overrides: EmulatorOverrides): unknown {
  const copy = structuredClone(document) as Record<string, unknown>;
  const compute = overrides.compute;
  if (!compute) return copy;
  if (!Object.hasOwn(copy, 'compute')) copy.compute = {};
  const target = copy.compute as Record<string, unknown>;
  for (const [path, value] of Object.entries(compute)) setPath(target, path, value);
  return copy;
}

/**
 * Applies `error` / `errorDescription` to a JSON error body. Bodies that are not a JSON object (never the
 * case for bodies the emulator writes itself) pass unchanged.
 */
export function withErrorOverrides(body: string, overrides: EmulatorOverrides): string {
  if (overrides.error === undefined && overrides.errorDescription === undefined) return body;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return body;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return body;
  const json = parsed as Record<string, unknown>;
  if (overrides.error !== undefined && 'error' in json) json.error = overrides.error;
  if (overrides.errorDescription !== undefined && 'error_description' in json) {
    json.error_description = overrides.errorDescription;
  }
  return JSON.stringify(json);
}
