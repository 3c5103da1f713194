// Sections of BENCHMARKS.md that one bench mode writes between its own markers (`--merge`, `--code-cache`),
// and that the full bench keeps when it rewrites the rest of the file.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** The markers of a section named `name`. */
export const markers = (name) => ({ start: `<!-- ${name}:start -->`, end: `<!-- ${name}:end -->` });

/** Replaces the section of `file` between `start` and `end` (or appends it), leaving everything else as it was. */
export function writeSection(file, section, { start, end }) {
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const at = old.indexOf(start);
  const stop = old.indexOf(end);
  const next =
    at >= 0 && stop > at
      ? old.slice(0, at) + section + old.slice(stop + end.length)
      : `${old.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
}

/** The section of `file` between `start` and `end`, with a newline; '' when there is none. */
export function keptSection(file, { start, end }) {
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const at = old.indexOf(start);
  const stop = old.indexOf(end);
  return at >= 0 && stop > at ? `${old.slice(at, stop + end.length)}\n` : '';
}
