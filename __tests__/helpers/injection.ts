// The injection corpus of issue 9 and the oracles every channel must satisfy: a CI agent acts on `##vso[`
// anywhere in a line (any case), the GitHub runner on `##[` anywhere and on a line that starts with `::`
// (after white space), and terminals and log viewers on controls, escapes, bidi and line separators.

/** Every hostile string named in issue 9, plus the encodings a reviewer would try next. */
export const INJECTIONS: readonly string[] = [
  'vm1 ##vso[task.setvariable variable=EVIL_VAR;isOutput=false]pwned',
  'o ##vso[task.prependpath]./evil-bin',
  '##vso[task.complete result=Succeeded;]',
  '##VSO[task.complete result=Succeeded;]done',
  '##vSo[task.uploadfile]/etc/passwd',
  '##vso[task.uploadfile]/etc/passwd',
  'vm1 ##[stop-commands]x',
  '##[error]forged',
  '##[group]x',
  '::add-mask::PASS',
  '::stop-commands::endtoken',
  '  ::error::indented command',
  '\t::warning file=x::tabbed',
  'a\n::error::after a newline',
  'a\r::error::after a carriage return',
  'a\r\n##vso[task.setvariable variable=X]1',
  'a%0A::error::encoded newline',
  'a%0D%0A##vso[task.complete result=Succeeded]',
  'rg"; echo injected; : "',
  'x\u2028::error::after U+2028',
  'x\u2029##[error]after U+2029',
  'x\u0085::error::after NEL',
  'bell\u0007ding',
  'ansi \u001b[31mred\u001b[0m \u001b]8;;http://evil\u0007link\u001b]8;;\u0007',
  'bidi \u202egnp.exe',
  'c1 \u009b2J csi',
  'nul\u0000byte',
];

export interface Problem {
  line: number;
  what: string;
  text: string;
}

/** Control, bidi, invisible and line-separator characters no channel may carry (tab and \n excepted). */
const FORBIDDEN_CHARS =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

/**
 * What a pipeline or terminal could act on in `text`, line by line. `allowed` says which lines are the
 * product's own commands (each at column 0), e.g. `(line) => /^::error /.test(line)` for the Action.
 */
export function commandProblems(text: string, allowed: (line: string) => boolean = () => false): Problem[] {
  const problems: Problem[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const own = allowed(line);
    const add = (what: string): void => {
      problems.push({ line: i + 1, what, text: line.slice(0, 200) });
    };
    if (FORBIDDEN_CHARS.test(line)) add('control, bidi or line-separator character');
    if (own) return;
    if (/##vso\[/i.test(line)) add('##vso[');
    if (line.includes('##[')) add('##[');
    if (/^\s*::/.test(line)) add('line starts with ::');
  });
  return problems;
}
