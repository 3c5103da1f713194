// The one neutraliser. Text from the network (metadata values, claims, error bodies, realms, merged reports)
// is hostile: a CI agent acts on `##vso[` anywhere in a line, the GitHub runner on the legacy `##[` anywhere
// and on a line that starts with `::`, and terminals act on escape sequences. Every value passes through
// neutralise() before any renderer or adapter writes it; adapters also pass whole lines through
// neutraliseLine() as a last guard. Both apply the same rules and are idempotent.

/** Longest value any renderer prints, in UTF-16 units; longer values end in an ellipsis. */
export const MAX_VALUE_CHARS = 2000;

/** CSI (ESC [ … final, or the 8-bit CSI), OSC (ESC ] … BEL or ESC \) and two-byte ESC sequences. */
const ESCAPE_SEQUENCE =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u009b[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[ -~]?/g;
const LINE_BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;
/** Remaining C0/C1 controls and DEL. */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
/** Bidirectional controls make a value read differently from what it is; invisible format characters hide text. */
const BIDI_AND_INVISIBLE = /[\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
/** Surrogate halves without their partner, and the noncharacters U+FFFE / U+FFFF. */
const BROKEN_UNICODE =
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g;
/** `##vso[` (Azure DevOps, matched in any case) and `##[` (GitHub legacy and ADO formatting). */
const PIPELINE_COMMAND = /(##(?:vso)?)\[/gi;
/** The GitHub runner trims leading white space before it looks for `::`. */
const LEADING_COMMAND = /^(\s*):(?=:)/;

/** Cuts to at most `max` units, never inside a surrogate pair, marking the cut with an ellipsis. */
export function clip(value: string, max: number = MAX_VALUE_CHARS): string {
  if (value.length <= max) return value;
  let end = Math.max(0, max - 1);
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return value.slice(0, end) + '…';
}

/** Removes escape sequences, controls, bidi and invisible characters; line breaks and tabs become one space. */
export function stripControls(value: string): string {
  return value
    .replace(ESCAPE_SEQUENCE, '')
    .replace(LINE_BREAKS, ' ')
    .replace(CONTROLS, '')
    .replace(BIDI_AND_INVISIBLE, '')
    .replace(BROKEN_UNICODE, '');
}

/** Rewrites what a pipeline would read as a command: `##vso[` → `##vso(`, `##[` → `##(`, a leading `::` → `: :`. */
function defuseCommands(line: string): string {
  return line.replace(PIPELINE_COMMAND, '$1(').replace(LEADING_COMMAND, '$1: ');
}

/**
 * One line of output as it may reach a log: no controls, no pipeline command. Indentation is kept, so a
 * rendered block can be guarded line by line without changing its layout.
 */
export function neutraliseLine(line: string): string {
  return defuseCommands(stripControls(line));
}

/** A block of product text (a rendered report, a message with `\n`), guarded line by line. */
export function neutraliseBlock(text: string): string {
  return text
    .split(/\r\n|\n/)
    .map(neutraliseLine)
    .join('\n');
}

/**
 * Any value as one inert printable line: stringified, stripped, commands defused, trimmed and clipped.
 * Clipping a generous prefix first bounds the work done on huge values.
 */
export function neutralise(value: unknown, max: number = MAX_VALUE_CHARS): string {
  const raw = value === null || value === undefined ? '' : String(value);
  const limit = max * 4;
  const text = defuseCommands(stripControls(raw.slice(0, limit)).trim());
  return clip(raw.length > limit ? text + '…' : text, max);
}

/** Characters JSON.stringify leaves raw that a log viewer or a pipeline could act on. */
const JSON_UNSAFE =
  /[\u007f-\u009f\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * JSON for a file or stdout that a pipeline may read: valid, equal as data to JSON.stringify's output, but
 * with no `##` (written `#\u0023`) and no raw control, bidi or line-separator character. Pretty-printed
 * lines always start with white space and a quote or bracket, so none can start with `::`.
 */
export function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2)
    .replace(/##/g, '#\\u0023')
    .replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
