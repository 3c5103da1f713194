// Escaping for untrusted values placed in Markdown (GitHub step summary, Azure DevOps summary tab). Neither
// platform escapes summary content, so a value must not be able to open HTML, break a table row, start a
// code span, or form a link or image. Character references are never parsed as Markdown structure, so
// writing the structural characters as references makes them literal text.

import { neutralise } from '../neutralise.js';

const REFERENCES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '|': '&#124;',
  '`': '&#96;',
  '[': '&#91;',
  ']': '&#93;',
  '\\': '&#92;',
  '*': '&#42;',
  _: '&#95;',
  '~': '&#126;',
  '@': '&#64;',
  '#': '&#35;',
};
const STRUCTURAL = /[&<>"'|`[\]\\*_~@#]/g;

/**
 * One untrusted value as inert Markdown/HTML text: one line, clipped, structural characters as references,
 * and bare URLs ("http://", "www.") broken up so GitHub's autolinker does not turn them into links.
 */
export function mdText(value: unknown): string {
  return neutralise(value)
    .replace(STRUCTURAL, (ch) => REFERENCES[ch] ?? ch)
    .replace(/:\/\//g, ':&#47;&#47;')
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}&#46;`);
}

/** A stable code as a code span when it has the expected shape; otherwise as escaped text. */
export function mdCode(value: unknown): string {
  const text = neutralise(value);
  return /^[a-z0-9_]+$/i.test(text) ? `\`${text}\`` : mdText(text);
}

/** A stable code inside HTML (e.g. a <summary>, where Markdown is not parsed) as <code>, else escaped text. */
export function htmlCode(value: unknown): string {
  const text = neutralise(value);
  return /^[a-z0-9_]+$/i.test(text) ? `<code>${text}</code>` : mdText(text);
}
