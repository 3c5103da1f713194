// Reads the reports a merge was given, one at a time and each bounded in size, into the fleet builder: the
// merge holds the rows it keeps, never more than one file's text, whatever the reports weigh. The reads are
// synchronous on purpose: a merge has nothing else to do meanwhile, and four thread-pool round trips per file
// (open, stat, read, close) cost more than the reading itself on a fleet of 10,000.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import {
  createFleet,
  invalidRow,
  parseMachineReport,
  type FleetBuilder,
  type ParsedReport,
} from '../core/fleet/index.js';
import { findReportFiles, SCAN_LIMITS, type FoundFile, type ScanLimits } from './fleet-glob.js';

/** A real report is a few KiB; anything above this is not one. */
export const MAX_REPORT_BYTES = 4 * 1024 * 1024;

const size = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MiB` : `${bytes} bytes`;

const errorCode = (err: unknown): string => (err as NodeJS.ErrnoException).code ?? 'error';

export interface LoadedFleet {
  fleet: FleetBuilder;
  files: number;
  problems: string[];
}

export interface LoadOptions {
  /** When the merge started (ms): a report may not say it started more than 5 minutes later. */
  now: number;
  platform?: string;
  limits?: ScanLimits;
}

/** One file, read only when it is a regular file of at most `maxBytes`. */
export function readReport(file: FoundFile, now: number, maxBytes = MAX_REPORT_BYTES): ParsedReport {
  let fd: number;
  try {
    fd = openSync(file.path, 'r');
  } catch (err) {
    return invalidRow(file.source, `unreadable (${errorCode(err)})`);
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return invalidRow(file.source, 'not a regular file');
    if (info.size > maxBytes) return invalidRow(file.source, `larger than ${size(maxBytes)}`);
    // One byte more than allowed tells a file that grew since stat from one that fits.
    const buffer = Buffer.allocUnsafe(Math.min(info.size, maxBytes) + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < buffer.length; length += n)
      n = readSync(fd, buffer, length, buffer.length - length, length);
    if (length > maxBytes) return invalidRow(file.source, `larger than ${size(maxBytes)}`);
    return parseMachineReport(buffer.toString('utf8', 0, length), file.source, now);
  } catch (err) {
    return invalidRow(file.source, `unreadable (${errorCode(err)})`);
  } finally {
    closeSync(fd);
  }
}

export function loadFleet(patterns: string[], cwd: string, options: LoadOptions): LoadedFleet {
  const { platform = process.platform, limits = SCAN_LIMITS, now } = options;
  const { files, problems, stopped } = findReportFiles(patterns, cwd, platform, limits);
  const fleet = createFleet();
  for (const detail of stopped) fleet.scanStopped(detail);
  for (const file of files) fleet.add(readReport(file, now));
  return { fleet, files: files.length, problems };
}
