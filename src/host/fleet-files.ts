// Reads the reports a merge was given, a few at a time and each bounded in size, into the fleet builder: the
// merge holds the rows it keeps, never more than a few files' text, whatever the reports weigh.
import { open } from 'node:fs/promises';
import {
  createFleet,
  invalidRow,
  parseMachineReport,
  type FleetBuilder,
  type ParsedReport,
} from '../core/fleet/index.js';
import { findReportFiles, type FoundFile } from './fleet-glob.js';

/** A real report is a few KiB; anything above this is not one. */
export const MAX_REPORT_BYTES = 4 * 1024 * 1024;
/** Files read at once: enough to hide file-system latency, few enough to bound memory. */
const CONCURRENCY = 8;

const size = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MiB` : `${bytes} bytes`;

export interface LoadedFleet {
  fleet: FleetBuilder;
  files: number;
  problems: string[];
}

/** One file, read only when it is a regular file of at most `maxBytes`. */
export async function readReport(file: FoundFile, maxBytes = MAX_REPORT_BYTES): Promise<ParsedReport> {
  let handle;
  try {
    handle = await open(file.path, 'r');
  } catch (err) {
    return invalidRow(file.source, `unreadable (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return invalidRow(file.source, 'not a regular file');
    if (info.size > maxBytes) return invalidRow(file.source, `larger than ${size(maxBytes)}`);
    // One byte more than allowed tells a file that grew since stat from one that fits.
    const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0 || (length += bytesRead) >= buffer.length) break;
    }
    if (length > maxBytes) return invalidRow(file.source, `larger than ${size(maxBytes)}`);
    return parseMachineReport(buffer.toString('utf8', 0, length), file.source);
  } catch (err) {
    return invalidRow(file.source, `unreadable (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  } finally {
    await handle.close();
  }
}

export async function loadFleet(
  patterns: string[],
  cwd: string,
  platform: string = process.platform,
): Promise<LoadedFleet> {
  const { files, problems } = await findReportFiles(patterns, cwd, platform);
  const fleet = createFleet();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) fleet.add(await readReport(files[next++]!));
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, files.length) }, worker));
  return { fleet, files: files.length, problems };
}
