// Escaping for untrusted values in XML 1.0 text and attributes. Characters XML 1.0 forbids outright
// (most C0 controls, lone surrogates, U+FFFE/U+FFFF) cannot be escaped, only removed; neutralise() removes
// them along with terminal escape sequences, and xmlText() removes any left as a last guard.

import { neutralise } from '../neutralise.js';

/** Anything outside Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. */
const ILLEGAL_XML_CHARS =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Escapes text that is already safe; usable in element content and in double- or single-quoted attributes. */
export function xmlEscape(text: string): string {
  return text.replace(ILLEGAL_XML_CHARS, '').replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

/** One untrusted value as XML text: stripped, clipped, escaped. `]]>` cannot survive because `>` is escaped. */
export function xmlText(value: unknown): string {
  return xmlEscape(neutralise(value));
}

/** name="value" pairs for an element's attributes; values are untrusted and go through xmlText(). */
export function xmlAttributes(attributes: Array<[string, unknown]>): string {
  return attributes.map(([name, value]) => `${name}="${xmlText(value)}"`).join(' ');
}
