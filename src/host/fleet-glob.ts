// A small glob for report patterns (`**`, `*`, `?`; Node 20 has no fs.glob): finds files under the pattern's
// fixed leading folders, no deeper than the pattern can match, without following linked folders (no loops).
// A plain path is a file, or a folder searched recursively for *.json. Synchronous, like the reading (see
// fleet-files.ts): one thread-pool round trip per folder costs more than the listing. A search that stops at
// one of its limits (files, depth), or at a folder or link it may not read, says so in `stopped`, and the merge
// fails its gate (fleet_scan_incomplete): files it did not reach could hold a machine's real report.
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/** Files one merge reads at most; ten times the largest fleet the bench measures. */
export const MAX_FILES = 100_000;
/** Folder depth a `**` descends at most. */
export const MAX_DEPTH = 64;

/** The search's bounds; tests pass small ones. */
export interface ScanLimits {
  maxFiles: number;
  maxDepth: number;
}
export const SCAN_LIMITS: ScanLimits = { maxFiles: MAX_FILES, maxDepth: MAX_DEPTH };

export interface FoundFile {
  path: string;
  /** As shown in the fleet report: relative to the working folder when inside it, `/` separated. */
  source: string;
}

export interface Found {
  files: FoundFile[];
  /** One line per pattern that matched nothing, or a limit that was reached. */
  problems: string[];
  /** Each limit the search stopped at, in our words; empty when it searched everything the patterns name. */
  stopped: string[];
}

const hasWildcard = (segment: string): boolean => /[*?]/.test(segment);

/** Gone between listing and reading (or never there): nothing to find. Anything else hides what it holds. */
const NOTHING_THERE = new Set(['ENOENT', 'ENOTDIR', 'ELOOP']);
const codeOf = (err: unknown): string => String((err as { code?: unknown } | null)?.code ?? 'EUNKNOWN');
const unreadable = (path: string, err: unknown): string =>
  `could not read ${path} (${codeOf(err)}); reports there were not searched`;

/** statSync that answers undefined for nothing there, and throws for a path it may not look at. */
function statOf(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch (err) {
    if (NOTHING_THERE.has(codeOf(err))) return undefined;
    throw err;
  }
}

function segmentPattern(segment: string): string {
  return segment
    .split('')
    .map((ch) => (ch === '*' ? '[^/]*' : ch === '?' ? '[^/]' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
}

/**
 * The path below the fixed folders as a RegExp over `/`-separated relative paths, how deep it reaches, and
 * whether that depth is a limit (a `**`) rather than the pattern's own length.
 */
export function compileRest(
  segments: string[],
  caseless: boolean,
  maxDepth: number = MAX_DEPTH,
): { regex: RegExp; depth: number; bounded: boolean } {
  const parts = segments.map((segment, i) => {
    const last = i === segments.length - 1;
    if (segment === '**') return last ? '.*' : '(?:[^/]+/)*';
    return segmentPattern(segment) + (last ? '' : '/');
  });
  const bounded = segments.includes('**');
  const depth = bounded ? maxDepth : segments.length;
  return { regex: new RegExp(`^${parts.join('')}$`, caseless ? 'i' : ''), depth, bounded };
}

interface Walk {
  regex: RegExp;
  depth: number;
  /** The depth is a limit: a folder below it could hold a match. */
  bounded: boolean;
  out: Map<string, string>;
  limits: ScanLimits;
}

/** '' when the walk saw everything it should, else the first limit or unreadable folder it stopped at. */
function walk(base: string, { regex, depth, bounded, out, limits }: Walk): string {
  let tooDeep = '';
  let unread = '';
  const pending: { dir: string; rel: string; level: number }[] = [{ dir: base, rel: '', level: 1 }];
  while (pending.length > 0) {
    const { dir, rel, level } = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      // A vanished folder holds nothing; one it may not read (EACCES) may hold a machine's real report.
      if (!NOTHING_THERE.has(codeOf(err)) && unread === '') unread = unreadable(dir, err);
      continue;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      const relPath = rel === '' ? entry.name : `${rel}/${entry.name}`;
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          isFile = statOf(path)?.isFile() ?? false;
        } catch (err) {
          if (unread === '') unread = unreadable(path, err);
          continue;
        }
      }
      if (isFile && regex.test(relPath)) {
        if (out.size >= limits.maxFiles && !out.has(path))
          return `stopped after ${limits.maxFiles} files; merge fewer reports at a time`;
        out.set(path, relPath);
      } else if (entry.isDirectory()) {
        if (level < depth) pending.push({ dir: path, rel: relPath, level: level + 1 });
        else if (bounded && tooDeep === '')
          tooDeep = `did not search folders more than ${limits.maxDepth} levels deep`;
      }
    }
  }
  return unread || tooDeep;
}

function display(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  const shown = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
  return shown.split(sep).join('/');
}

/** Every file the patterns name, each once, sorted by how it is shown. */
export function findReportFiles(
  patterns: string[],
  cwd: string,
  platform: string = process.platform,
  limits: ScanLimits = SCAN_LIMITS,
): Found {
  const caseless = platform === 'win32';
  const found = new Map<string, string>();
  const problems: string[] = [];
  const stopped: string[] = [];
  for (const raw of patterns) {
    const pattern = caseless ? raw.replace(/\\/g, '/') : raw;
    const before = found.size;
    let stop = '';
    if (!hasWildcard(pattern)) {
      const path = resolve(cwd, pattern);
      let info: ReturnType<typeof statSync> | undefined;
      try {
        info = statOf(path);
      } catch (err) {
        stop = unreadable(path, err);
      }
      if (info?.isFile()) {
        if (found.size >= limits.maxFiles && !found.has(path))
          stop = `stopped after ${limits.maxFiles} files; merge fewer reports at a time`;
        else found.set(path, '');
      } else if (info?.isDirectory())
        stop = walk(path, {
          ...compileRest(['**', '*.json'], caseless, limits.maxDepth),
          out: found,
          limits,
        });
    } else {
      const segments = pattern.split('/');
      const fixed = segments.findIndex(hasWildcard);
      const base = resolve(cwd, segments.slice(0, fixed).join('/') || '.');
      stop = walk(base, {
        ...compileRest(segments.slice(fixed), caseless, limits.maxDepth),
        out: found,
        limits,
      });
    }
    if (stop !== '') {
      problems.push(stop);
      stopped.push(stop);
    } else if (found.size === before) problems.push(`${pattern}: no report file matched`);
    // The file limit is for the whole merge: no later pattern could add a file.
    if (stop !== '' && found.size >= limits.maxFiles) break;
  }
  const files = [...found.keys()].map((path) => ({ path, source: display(path, cwd) }));
  files.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  return { files, problems, stopped };
}
