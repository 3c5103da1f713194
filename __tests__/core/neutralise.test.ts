// The one neutraliser (issue 9): no value may produce a pipeline command, a control character, an escape
// sequence, a bidi control or a line separator in any channel; JSON stays valid and equal as data.
import {
  clip,
  MAX_VALUE_CHARS,
  neutralise,
  neutraliseBlock,
  neutraliseLine,
  safeJson,
  stripControls,
} from '../../src/core/neutralise.js';
import { commandProblems, INJECTIONS } from '../helpers/injection.js';

describe('stripControls', () => {
  it('removes CSI colour sequences and the 8-bit CSI', () => {
    expect(stripControls('a\u001b[31mred\u001b[0m\u009b2Jb')).toBe('aredb');
  });

  it('removes OSC sequences such as a hyperlink or a window title', () => {
    expect(stripControls('x\u001b]8;;http://evil\u0007link\u001b]8;;\u0007y')).toBe('xlinky');
    expect(stripControls('x\u001b]0;title\u001b\\y')).toBe('xy');
  });

  it('turns line breaks and tabs into one space and drops other controls', () => {
    expect(stripControls('one\r\ntwo\tthree\rfour\u2028five\u2029six')).toBe('one two three four five six');
    expect(stripControls('a\u0000b\u0007c\u007fd\u0085e')).toBe('abcd e');
  });

  it('drops bidi overrides, invisible characters, lone surrogates and noncharacters but keeps real emoji', () => {
    expect(stripControls('a\u202eb\u2066c\u200bd\ufeffe')).toBe('abcde');
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

describe('neutralise', () => {
  it('stringifies null, undefined and numbers', () => {
    expect(neutralise(null)).toBe('');
    expect(neutralise(undefined)).toBe('');
    expect(neutralise(42)).toBe('42');
  });

  it('clips huge values to MAX_VALUE_CHARS with an ellipsis', () => {
    const out = neutralise('x'.repeat(5_000_000));
    expect(out).toHaveLength(MAX_VALUE_CHARS);
    expect(out.endsWith('…')).toBe(true);
  });

  it('still marks the cut when a huge value was mostly control characters', () => {
    const out = neutralise('ab' + '\u0000'.repeat(MAX_VALUE_CHARS * 5));
    expect(out).toBe('ab…');
  });

  it.each([
    [
      '##vso[ in lower case',
      'vm1 ##vso[task.setvariable variable=X]y',
      'vm1 ##vso(task.setvariable variable=X]y',
    ],
    ['##VSO[ in upper case', '##VSO[task.complete]', '##VSO(task.complete]'],
    ['##vSo[ in mixed case', 'a ##vSo[task.prependpath]b', 'a ##vSo(task.prependpath]b'],
    ['##[ (legacy GitHub, ADO formatting)', 'vm1 ##[stop-commands]x', 'vm1 ##(stop-commands]x'],
    ['a leading ::', '::add-mask::PASS', ': :add-mask::PASS'],
    ['::stop-commands::', '::stop-commands::tok', ': :stop-commands::tok'],
    ['a leading :: after spaces (trimmed first)', '   ::error::x', ': :error::x'],
    ['a :: after a newline', 'a\n::error::x', 'a ::error::x'],
    ['a ##vso[ after \\r', 'a\r##vso[task.complete]', 'a ##vso(task.complete]'],
    ['%0A stays literal text', 'a%0A::error::x', 'a%0A::error::x'],
    ['U+2028', 'a\u2028b', 'a b'],
    ['U+2029', 'a\u2029b', 'a b'],
    ['U+0085', 'a\u0085b', 'a b'],
    ['BEL', 'a\u0007b', 'ab'],
    ['ANSI', 'a\u001b[2J\u001b[31mb', 'ab'],
    ['U+202E', 'a\u202eexe.txt', 'aexe.txt'],
    ['##vso[ hidden by a control in between', '##\u0000vso[x]', '##vso(x]'],
    ['##[ hidden by an escape sequence in between', '#\u001b[0m#[x]', '##(x]'],
    [':: hidden by a bidi control', '\u202e::error::x', ': :error::x'],
  ])('%s', (_, input, expected) => {
    expect(neutralise(input)).toBe(expected);
  });

  it.each(INJECTIONS)('the corpus value %j becomes one inert line', (value) => {
    const out = neutralise(value);
    expect(out).not.toMatch(/[\r\n]/);
    expect(commandProblems(out)).toEqual([]);
    // Also inert after any prefix a renderer puts before it, or as a line of its own.
    expect(commandProblems(`  ${out}`)).toEqual([]);
    expect(commandProblems(`Name: ${out}`)).toEqual([]);
  });

  it.each(INJECTIONS)('is idempotent on %j', (value) => {
    const once = neutralise(value);
    expect(neutralise(once)).toBe(once);
    expect(neutraliseLine(once)).toBe(once);
  });

  it('repeated command openers cannot reassemble after one pass', () => {
    for (const value of ['####vso[[x', '##vso##vso[[', ':::::x', '##[##[x', '##v\u0000so[x', ' : ::x']) {
      const out = neutralise(value);
      expect([value, commandProblems(out)]).toEqual([value, []]);
      expect(neutralise(out)).toBe(out);
    }
  });
});

describe('neutraliseLine and neutraliseBlock', () => {
  it('a line keeps its indentation but loses commands and controls', () => {
    expect(neutraliseLine('    fix: ##vso[task.complete] \u001b[1mbold')).toBe(
      '    fix: ##vso(task.complete] bold',
    );
    expect(neutraliseLine('  ::error::x')).toBe('  : :error::x');
  });

  it('a block is guarded line by line and keeps its layout', () => {
    const block = 'Result: PASS\n  metadata  ok\n::error::forged\r\n##[warning]x\n\nend';
    expect(neutraliseBlock(block)).toBe(
      'Result: PASS\n  metadata  ok\n: :error::forged\n##(warning]x\n\nend',
    );
  });

  it.each(INJECTIONS)('a block made of %j has no command and no control', (value) => {
    const out = neutraliseBlock(`first\n${value}\nlast`);
    expect(commandProblems(out)).toEqual([]);
    expect(out.startsWith('first\n')).toBe(true);
    expect(out.endsWith('\nlast')).toBe(true);
    expect(neutraliseBlock(out)).toBe(out);
  });

  it('a safe block is unchanged', () => {
    const text = 'imds-check 1.0.0  mode: vm\n\n  PASS  Environment  1 ms  -  ok\n';
    expect(neutraliseBlock(text)).toBe(text);
  });
});

describe('safeJson', () => {
  const sample = {
    name: 'vm1 ##vso[task.setvariable variable=EVIL_VAR]pwned',
    legacy: '##[error]x',
    list: [...INJECTIONS],
    nested: { key: '::add-mask::x', n: 1, ok: true, none: null },
    unicode: 'ü ✅ 😀 \u2028 \u2029 \u0085 \u202e \u200b \ufeff \u007f \u009b',
  };

  it('parses back equal to the input', () => {
    expect(JSON.parse(safeJson(sample))).toEqual(sample);
    expect(JSON.parse(safeJson(INJECTIONS))).toEqual(INJECTIONS);
  });

  it('is pretty-printed like JSON.stringify(value, null, 2) when nothing needs escaping', () => {
    const plain = { a: 1, b: ['x', 'y'], c: { d: 'e' } };
    expect(safeJson(plain)).toBe(JSON.stringify(plain, null, 2));
  });

  it('writes no ##, no raw control, bidi or line separator, and no line starting with ::', () => {
    const out = safeJson(sample);
    expect(out).not.toContain('##');
    expect(commandProblems(out)).toEqual([]);
    expect(out).toContain('#\\u0023vso[');
  });

  it('a top-level string starting with :: cannot start a line either', () => {
    const out = safeJson('::error::x');
    expect(commandProblems(out)).toEqual([]);
    expect(JSON.parse(out)).toBe('::error::x');
  });
});

describe('the command oracle itself', () => {
  // Only these corpus values are harmless in a log as they are (they target shells or decoders, not agents).
  const LOG_SAFE = ['rg"; echo injected; : "', 'a%0A::error::encoded newline'];

  it.each(INJECTIONS.filter((v) => !LOG_SAFE.includes(v)))('flags the raw value %j', (value) => {
    expect(commandProblems(value).length).toBeGreaterThan(0);
  });

  it('lets the product own its commands, at column 0 only where the caller says so', () => {
    expect(commandProblems('::error title=x::y', (line) => line.startsWith('::error '))).toEqual([]);
    expect(commandProblems('x\n::error title=x::y\n')).toHaveLength(1);
  });
});
