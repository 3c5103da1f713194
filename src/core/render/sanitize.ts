// Report values partly come from the network (IMDS answers, token claims) and are untrusted. Every renderer
// passes them through safeText() first: terminal escape sequences and control characters go, line breaks
// become spaces (each value is printed on one line), and long values are clipped.

/** Longest value any renderer prints, in UTF-16 units; longer values end in an ellipsis. */
export const MAX_VALUE_CHARS = 2000;

/** CSI (ESC [ … final, or the 8-bit CSI), OSC (ESC ] … BEL or ESC \) and two-byte ESC sequences. */
const ESCAPE_SEQUENCE =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u009b[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[ -~]?/g;
const LINE_BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;
/** Remaining C0/C1 controls and DEL. */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
/** Bidirectional overrides can make a value read differently from what it is. */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Surrogate halves without their partner, and the noncharacters U+FFFE / U+FFFF. */
const BROKEN_UNICODE =
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g;

/** Cuts to at most `max` units, never inside a surrogate pair, marking the cut with an ellipsis. */
export function clip(value: string, max: number = MAX_VALUE_CHARS): string {
  if (value.length <= max) return value;
  let end = Math.max(0, max - 1);
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return value.slice(0, end) + '…';
}

/** Removes escape sequences and controls; line breaks and tabs become single spaces. */
export function stripControls(value: string): string {
  return value
    .replace(ESCAPE_SEQUENCE, '')
    .replace(LINE_BREAKS, ' ')
    .replace(CONTROLS, '')
    .replace(BIDI_CONTROLS, '')
    .replace(BROKEN_UNICODE, '');
}

/**
 * Any report value as one printable line: stringified, stripped, trimmed and clipped. Clipping a generous
 * prefix first bounds the work done on huge values.
 */
export function safeText(value: unknown, max: number = MAX_VALUE_CHARS): string {
  const raw = value === null || value === undefined ? '' : String(value);
  const limit = max * 4;
  const text = stripControls(raw.slice(0, limit)).trim();
  return clip(raw.length > limit ? text + '…' : text, max);
}
