// What the Windows leg stands on, checked without Wine: how host paths and Windows paths map onto each other
// (Wine's C: is the prefix's drive_c, Z: is /), how the launcher respells arguments and the environment, and
// the emulator naming its key files in the spelling the prober sees.
import { afterAll, describe, expect, it } from '@jest/globals';
import { request } from 'node:http';
import { toUnixPath, toWindowsPath } from '../../scripts/windows/paths.mjs';
import { windowsArguments, windowsEnvironment } from '../../scripts/windows/wine-node.mjs';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';

const PREFIX = '/home/u/repo/node_modules/.cache/imds-check/windows/prefix';
const config = { prefix: PREFIX, wineEnv: { WINEPREFIX: PREFIX, WINEDEBUG: '-all' } };

describe('Wine paths', () => {
  it.each([
    ['/tmp/imds-gh-x/runner-temp', 'Z:\\tmp\\imds-gh-x\\runner-temp'],
    [
      `${PREFIX}/drive_c/ProgramData/AzureConnectedMachineAgent/Tokens`,
      'C:\\ProgramData\\AzureConnectedMachineAgent\\Tokens',
    ],
    [`${PREFIX}/drive_c`, 'C:\\'],
    ['/', 'Z:\\'],
  ])('%s <-> %s', (unix, windows) => {
    expect(toWindowsPath(unix, PREFIX)).toBe(windows);
    expect(toUnixPath(windows, PREFIX)).toBe(unix);
  });

  it('other drives and relative paths have no host path', () => {
    expect(toUnixPath('D:\\a\\_temp', PREFIX)).toBeNull();
    expect(toUnixPath('reports\\x.json', PREFIX)).toBeNull();
  });
});

describe('the launcher respells host paths only', () => {
  it('arguments: absolute host paths become Windows paths; flags, URLs and ARM ids stay', () => {
    expect(
      windowsArguments(
        ['/tmp/x/index.js', '--endpoint', 'http://127.0.0.1:8080', '/subscriptions/abc', 'rel/x'],
        config,
      ),
    ).toEqual(['Z:\\tmp\\x\\index.js', '--endpoint', 'http://127.0.0.1:8080', '/subscriptions/abc', 'rel/x']);
  });

  it("environment: the runner's folders become Windows paths; HOME and PATH stay for Wine; WINE* come from the config", () => {
    const env = windowsEnvironment(
      {
        RUNNER_TEMP: '/tmp/r',
        HOME: '/tmp/home',
        PATH: '/usr/bin:/bin',
        'INPUT_MSI-RES-ID': '/subscriptions/abc/resourceGroups/rg',
        WINEPREFIX: '/elsewhere',
        IMDS_CHECK_WINE_OWN_SERVER: '1',
      },
      config,
    );
    expect(env).toEqual({
      RUNNER_TEMP: 'Z:\\tmp\\r',
      HOME: '/tmp/home',
      PATH: '/usr/bin:/bin',
      'INPUT_MSI-RES-ID': '/subscriptions/abc/resourceGroups/rg',
      WINEPREFIX: PREFIX,
      WINEDEBUG: '-all',
    });
  });
});

describe('emulator: arcRealmPath', () => {
  const emulators: Emulator[] = [];
  afterAll(async () => {
    await Promise.all(emulators.map((e) => e.close()));
  });

  const challenge = (url: string): Promise<string> =>
    new Promise((resolve, reject) => {
      const req = request(
        `${url}/metadata/identity/oauth2/token?api-version=2020-06-01&resource=https://management.azure.com/`,
        { headers: { Metadata: 'true' } },
        (res) => {
          res.resume();
          resolve(String(res.headers['www-authenticate'] ?? ''));
        },
      );
      req.on('error', reject);
      req.end();
    });

  it('names the key file it wrote in the spelling the prober sees', async () => {
    const e = await startEmulator({ mode: 'arc', arcRealmPath: (p) => toWindowsPath(p, PREFIX) });
    emulators.push(e);
    const realm = /^Basic realm=(.+)$/.exec(await challenge(e.url))?.[1] ?? '';
    expect(realm).toMatch(/^Z:\\.+\\tokens\\[0-9a-f-]{36}\.key$/);
    expect(toUnixPath(realm, PREFIX)!.startsWith(`${e.tokensDir!}/`)).toBe(true);
  });
});
