// How Wine spells host paths for a Windows process: the prefix's drive_c is C:, the host's / is Z: (Wine's
// default drive mapping). Used by the launcher (arguments and environment) and by the tests (path outputs).
import { posix, win32 } from 'node:path';

/** `/tmp/x` -> `Z:\tmp\x`; `<prefix>/drive_c/ProgramData` -> `C:\ProgramData`. */
export function toWindowsPath(unixPath, prefix) {
  const driveC = posix.join(prefix, 'drive_c');
  const normal = posix.normalize(unixPath);
  if (normal === driveC || normal.startsWith(`${driveC}/`))
    return `C:\\${normal.slice(driveC.length + 1).replaceAll('/', '\\')}`;
  return `Z:${normal.replaceAll('/', '\\')}`;
}

/** The inverse: `Z:\tmp\x` -> `/tmp/x`, `C:\ProgramData` -> `<prefix>/drive_c/ProgramData`; other drives: null. */
export function toUnixPath(windowsPath, prefix) {
  const match = /^([a-zA-Z]):(.*)$/.exec(win32.normalize(windowsPath));
  if (!match) return null;
  const rest = match[2].replaceAll('\\', '/').replace(/^\/*/, '/');
  const drive = match[1].toUpperCase();
  const trimmed = rest.length > 1 ? rest.replace(/\/+$/, '') : rest;
  if (drive === 'Z') return posix.normalize(trimmed);
  if (drive === 'C') return posix.join(prefix, 'drive_c', trimmed).replace(/(.)\/$/, '$1');
  return null;
}
