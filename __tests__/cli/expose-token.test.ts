// Issue 21: --expose-token prints the token only inside the --json document. Without --json it would do nothing,
// so it is a usage error (exit 2, naming --json) before anything is contacted; --help and the README say so.
import { afterAll, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { runCli } from '../helpers/cli.js';
import { secretForms } from '../helpers/leaks.js';

const emulators: Emulator[] = [];
afterAll(async () => Promise.all(emulators.map((e) => e.close())));

describe('--expose-token without --json', () => {
  test('is a usage error naming --json; nothing is requested and no token is printed', async () => {
    const e = await startEmulator({ scenario: 'healthy' });
    emulators.push(e);
    const r = await runCli(process.execPath, ['--endpoint', e.url, '--expose-token']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      "imds-check: --expose-token needs --json (the token is printed only as accessToken in the JSON document, never as text). Run 'imds-check --help' for usage.\n",
    );
    expect(e.requests).toEqual([]);
    expect(e.issuedTokens).toEqual([]);
  });

  test('with --json it still adds accessToken, and text output never holds the token', async () => {
    const e = await startEmulator({ scenario: 'healthy' });
    emulators.push(e);
    const json = await runCli(process.execPath, ['--endpoint', e.url, '--expose-token', '--json']);
    expect(json.code).toBe(0);
    expect(e.issuedTokens).toContain((JSON.parse(json.stdout) as { accessToken: string }).accessToken);
    const text = await runCli(process.execPath, ['--endpoint', e.url, '--no-color']);
    expect(text.code).toBe(0);
    const printed = text.stdout + text.stderr;
    for (const token of e.issuedTokens)
      for (const form of secretForms(token)) expect(printed).not.toContain(form);
  });

  test('--help and the README CLI section say it needs --json', async () => {
    const help = await runCli(process.execPath, ['--help']);
    expect(help.stdout).toMatch(/--expose-token +only with --json: add accessToken/);
    const readme = readFileSync('README.md', 'utf8');
    const cli = readme.slice(
      readme.indexOf('<!-- section:cli:start -->'),
      readme.indexOf('<!-- section:cli:end -->'),
    );
    expect(cli).toMatch(/`--expose-token`, which needs `--json`/);
    expect(cli).toContain('`--expose-token` without `--json` is a usage error');
  });
});
