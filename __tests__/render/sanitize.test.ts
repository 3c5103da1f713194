import { clip, MAX_VALUE_CHARS, safeText, stripControls } from '../../src/core/render/sanitize.js';

describe('stripControls', () => {
  it('removes CSI colour sequences and the 8-bit CSI', () => {
    expect(stripControls('a\u001b[31mred\u001b[0m\u009b2Jb')).toBe('aredb');
  });

  it('removes OSC sequences such as a hyperlink or a window title', () => {
    expect(stripControls('x\u001b]8;;http://evil\u0007link\u001b]8;;\u0007y')).toBe('xlinky');
    expect(stripControls('x\u001b]0;title\u001b\\y')).toBe('xy');
  });

  it('turns line breaks and tabs into one space and drops other controls', () => {
    expect(stripControls('one\r\ntwo\tthree\rfour\u2028five')).toBe('one two three four five');
    expect(stripControls('a\u0000b\u0007c\u007fd\u0085e')).toBe('abcd e');
  });

  it('drops bidi overrides, lone surrogates and noncharacters but keeps real emoji', () => {
    expect(stripControls('a\u202eb\u2066c')).toBe('abc');
    expect(stripControls('x\ud800y\udc00z\uffff')).toBe('xyz');
    expect(stripControls('ok ✅ 😀')).toBe('ok ✅ 😀');
  });

  it('leaves ordinary text alone', () => {
    const text = 'IMDS answered 400: {"error":"invalid_request"} ü ß';
    expect(stripControls(text)).toBe(text);
  });
});

describe('clip', () => {
  it('keeps short values and marks a cut with an ellipsis', () => {
    expect(clip('abc', 3)).toBe('abc');
    expect(clip('abcdef', 4)).toBe('abc…');
  });

  it('never cuts a surrogate pair in half', () => {
    const out = clip('ab😀cd', 4);
    expect(out).toBe('ab…');
    expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});

describe('safeText', () => {
  it('stringifies null, undefined and numbers', () => {
    expect(safeText(null)).toBe('');
    expect(safeText(undefined)).toBe('');
    expect(safeText(42)).toBe('42');
  });

  it('clips huge values to MAX_VALUE_CHARS with an ellipsis', () => {
    const out = safeText('x'.repeat(5_000_000));
    expect(out).toHaveLength(MAX_VALUE_CHARS);
    expect(out.endsWith('…')).toBe(true);
  });

  it('still marks the cut when a huge value was mostly control characters', () => {
    const out = safeText('ab' + '\u0000'.repeat(MAX_VALUE_CHARS * 5));
    expect(out).toBe('ab…');
  });
});
