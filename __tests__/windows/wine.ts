// The Windows leg: the official Windows build of Node under Wine (scripts/windows/node.mjs sets it up and
// `npm test` passes the launcher in IMDS_CHECK_WINDOWS_NODE). The launcher is spawned like `node` by the usual
// harnesses; it passes host paths in Windows spelling and copies the Windows process's output back.
import { describe, it } from '@jest/globals';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { toUnixPath, toWindowsPath } from '../../scripts/windows/paths.mjs';
import { tempDir } from '../github/runner.js';

interface LegConfig {
  prefix: string;
  nodeExe: string;
}

const CACHED = resolve('node_modules/.cache/imds-check/windows');

function find(): ({ launcher: string } & LegConfig) | { skipped: string } {
  const given = process.env['IMDS_CHECK_WINDOWS_NODE'];
  const skipped = process.env['IMDS_CHECK_WINDOWS_SKIPPED'];
  if (skipped) return { skipped };
  const launcher = given ?? join(CACHED, 'bin', 'node');
  const config = join(resolve(launcher, '..', '..'), 'config.json');
  if (!existsSync(launcher) || !existsSync(config))
    return {
      skipped: given ? `${given} does not exist` : 'IMDS_CHECK_WINDOWS_NODE is not set (`npm test` sets it)',
    };
  const { prefix, nodeExe } = JSON.parse(readFileSync(config, 'utf8')) as LegConfig;
  return { launcher, prefix, nodeExe };
}

const found = find();

/** Why the leg does not run here, or null when it does. */
export const windowsSkipped: string | null = 'skipped' in found ? found.skipped : null;

/** The launcher to pass as the `node` binary; throws when the leg is skipped (only reached inside the leg). */
export const WINDOWS_NODE = 'launcher' in found ? found.launcher : '';
export const PREFIX = 'prefix' in found ? found.prefix : '';
/** The Windows node.exe itself (a host path). */
export const NODE_EXE = 'nodeExe' in found ? found.nodeExe : '';

/**
 * `describe` for the leg. Skipped with the reason scripts/test.mjs printed; where the leg is required
 * (IMDS_CHECK_REQUIRE_WINDOWS=1: .ci/run and the Wine job) a missing leg is one failing test instead.
 */
export function describeWindows(name: string, body: () => void): void {
  if (windowsSkipped === null) return describe(name, body);
  if (process.env['IMDS_CHECK_REQUIRE_WINDOWS'] === '1') {
    describe(name, () =>
      it('runs (IMDS_CHECK_REQUIRE_WINDOWS=1)', () => {
        throw new Error(`the Windows leg is required here but cannot run: ${windowsSkipped}`);
      }),
    );
    return;
  }
  describe.skip(name, body);
}

/**
 * The launcher for a Windows process that must be refused what the file modes refuse. root reads every file,
 * and Wine opens files in its wineserver: so as root the process and a wineserver of its own (which it starts)
 * run without the DAC capabilities. Anyone else: the launcher as it is.
 */
export function launcherBoundByFileModes(): string {
  if (process.getuid?.() !== 0) return WINDOWS_NODE;
  const file = join(tempDir('imds-win-nodac-'), 'node');
  writeFileSync(
    file,
    `#!/bin/sh\nIMDS_CHECK_WINE_OWN_SERVER=1 exec setpriv --bounding-set=-dac_override,-dac_read_search -- '${WINDOWS_NODE}' "$@"\n`,
  );
  chmodSync(file, 0o755);
  return file;
}

/** The host path behind a path a Windows process printed (`Z:\tmp\x` -> `/tmp/x`). */
export function hostPath(windowsPath: string): string {
  const path = toUnixPath(windowsPath, PREFIX);
  if (path === null) throw new Error(`not a path under Wine's C: or Z: drive: ${windowsPath}`);
  return path;
}

/** A host path as the Windows process sees it. */
export const windowsPath = (path: string): string => toWindowsPath(path, PREFIX);

/** The Windows Arc tokens folder (`%ProgramData%\AzureConnectedMachineAgent\Tokens`) as a host path. */
export const arcTokensDir = (): string =>
  join(PREFIX, 'drive_c', 'ProgramData', 'AzureConnectedMachineAgent', 'Tokens');

/** Windows writes CRLF where Node uses os.EOL: compare texts line by line. */
export const lf = (text: string): string => text.replace(/\r\n/g, '\n');
