// A file the user asked for is a file written (DESIGN 3.3): one that cannot be written fails the step whatever
// fail-on says, as report_write_failed naming the path and the errno. Most causes show before the probe (a
// folder at the path, a parent that cannot be created, no permission to write in it), so they are checked then
// and a run does not spend its time on a verdict nobody will read.
import { constants } from 'node:fs';
import { dirname } from 'node:path';

export interface WriteProblem {
  /** `JSON report`, `JUnit file`, `step summary`, `report folder`. */
  what: string;
  path: string;
  errno: string;
}

/** What an errno means for a file to be written, in the words of the fix. */
const MEANING: ReadonlyMap<string, string> = new Map([
  ['EACCES', 'no permission to write there'],
  ['EPERM', 'no permission to write there'],
  ['EISDIR', 'the path is a folder'],
  ['ENOENT', 'a folder on the path is missing and cannot be created'],
  ['ENOTDIR', 'a part of the path is a file, not a folder'],
  ['EEXIST', 'a part of the path is a file, not a folder'],
  ['EROFS', 'the file system is read-only'],
  ['ENOSPC', 'no space left on the device'],
  ['EDQUOT', 'the disk quota is used up'],
]);

export const errnoOf = (err: unknown): string => {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z0-9_]{2,30}$/.test(code) ? code : 'EUNKNOWN';
};

/** One line: the code, what could not be written, where, and why. */
export function writeProblemText(problem: WriteProblem): string {
  const meaning = MEANING.get(problem.errno);
  return `report_write_failed: cannot write the ${problem.what} ${problem.path} (${problem.errno}${meaning ? `: ${meaning}` : ''})`;
}

/** Loaded when a file is checked or written, not at start-up. */
const files = (): Promise<typeof import('node:fs/promises')> => import('node:fs/promises');

/**
 * Why `path` cannot be written, as far as can be told without writing it; null when nothing stands in the way.
 * Missing parent folders are created (the writer would create them too). `append`: the file is appended to in
 * place (the GitHub step summary), so the file itself must be writable; otherwise it is replaced by a rename
 * and only its folder must be.
 */
export async function writeProblem(what: string, path: string, append = false): Promise<WriteProblem | null> {
  const { access, lstat, mkdir } = await files();
  const problem = (err: unknown): WriteProblem => ({ what, path, errno: errnoOf(err) });
  try {
    const found = await lstat(path);
    if (found.isDirectory()) return { what, path, errno: 'EISDIR' };
    if (append) await access(path, constants.W_OK);
  } catch (err) {
    if (errnoOf(err) !== 'ENOENT') return problem(err);
  }
  try {
    await mkdir(dirname(path), { recursive: true });
    await access(dirname(path), constants.W_OK | constants.X_OK);
  } catch (err) {
    return problem(err);
  }
  return null;
}

/** The first problem of several targets, checked in order; null when each can be written. */
export async function firstWriteProblem(
  targets: readonly { what: string; path: string; append?: boolean }[],
): Promise<WriteProblem | null> {
  for (const target of targets) {
    const found = await writeProblem(target.what, target.path, target.append);
    if (found) return found;
  }
  return null;
}
