// A small glob for report patterns (`**`, `*`, `?`; Node 20 has no fs.glob): finds files under the pattern's
// fixed leading folders, no deeper than the pattern can match, without following linked folders (no loops).
// A plain path is a file, or a folder searched recursively for *.json. Synchronous, like the reading (see
// fleet-files.ts): one thread-pool round trip per folder costs more than the listing.
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/** Files one merge reads at most; ten times the largest fleet the bench measures. */
export const MAX_FILES = 100_000;
/** Folder depth a `**` descends at most. */
const MAX_DEPTH = 64;

export interface FoundFile {
  path: string;
  /** As shown in the fleet report: relative to the working folder when inside it, `/` separated. */
  source: string;
}

export interface Found {
  files: FoundFile[];
  /** One line per pattern that matched nothing, or a limit that was reached. */
  problems: string[];
}

const hasWildcard = (segment: string): boolean => /[*?]/.test(segment);

function segmentPattern(segment: string): string {
  return segment
    .split('')
    .map((ch) => (ch === '*' ? '[^/]*' : ch === '?' ? '[^/]' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
}

/** The path below the fixed folders as a RegExp over `/`-separated relative paths, and how deep it reaches. */
export function compileRest(segments: string[], caseless: boolean): { regex: RegExp; depth: number } {
  const parts = segments.map((segment, i) => {
    const last = i === segments.length - 1;
    if (segment === '**') return last ? '.*' : '(?:[^/]+/)*';
    return segmentPattern(segment) + (last ? '' : '/');
  });
  const depth = segments.includes('**') ? MAX_DEPTH : segments.length;
  return { regex: new RegExp(`^${parts.join('')}$`, caseless ? 'i' : ''), depth };
}

function walk(base: string, depth: number, regex: RegExp, out: Map<string, string>, cap: number): boolean {
  const pending: { dir: string; rel: string; level: number }[] = [{ dir: base, rel: '', level: 1 }];
  while (pending.length > 0) {
    const { dir, rel, level } = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue; // unreadable or vanished folder: its files are simply not found
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      const relPath = rel === '' ? entry.name : `${rel}/${entry.name}`;
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) isFile = statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
      if (isFile && regex.test(relPath)) {
        if (out.size >= cap) return false;
        out.set(path, relPath);
      } else if (entry.isDirectory() && level < depth)
        pending.push({ dir: path, rel: relPath, level: level + 1 });
    }
  }
  return true;
}

function display(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  const shown = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
  return shown.split(sep).join('/');
}

/** Every file the patterns name, each once, sorted by how it is shown. */
export function findReportFiles(patterns: string[], cwd: string, platform: string = process.platform): Found {
  const caseless = platform === 'win32';
  const found = new Map<string, string>();
  const problems: string[] = [];
  for (const raw of patterns) {
    const pattern = caseless ? raw.replace(/\\/g, '/') : raw;
    const before = found.size;
    let complete = true;
    if (!hasWildcard(pattern)) {
      const path = resolve(cwd, pattern);
      const info = statSync(path, { throwIfNoEntry: false });
      if (info?.isFile()) found.set(path, '');
      else if (info?.isDirectory())
        complete = walk(path, MAX_DEPTH, compileRest(['**', '*.json'], caseless).regex, found, MAX_FILES);
    } else {
      const segments = pattern.split('/');
      const fixed = segments.findIndex(hasWildcard);
      const base = resolve(cwd, segments.slice(0, fixed).join('/') || '.');
      const { regex, depth } = compileRest(segments.slice(fixed), caseless);
      complete = walk(base, depth, regex, found, MAX_FILES);
    }
    if (!complete) problems.push(`stopped after ${MAX_FILES} files; merge fewer reports at a time`);
    else if (found.size === before) problems.push(`${pattern}: no report file matched`);
    if (!complete) break;
  }
  const files = [...found.keys()].map((path) => ({ path, source: display(path, cwd) }));
  files.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  return { files, problems };
}
