// Issue 21: with --endpoint pointing somewhere else than IMDS (here: the emulator's loopback port), the fixes the
// CLI prints name that endpoint, and no advice about the 169.254.169.254 route, the NSG or AKS appears.
import { afterAll, describe, expect, test } from '@jest/globals';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { runCli } from '../helpers/cli.js';
import { closedPort } from '../helpers/loopback.js';

const emulators: Emulator[] = [];
afterAll(async () => Promise.all(emulators.map((e) => e.close())));

interface Check {
  id: string;
  code: string;
  remediation: string;
}

const fixLines = (text: string): string[] => text.split('\n').filter((l) => /^\s+fix: /.test(l));

describe('CLI fix texts follow --endpoint', () => {
  test('nothing listens on the loopback endpoint: the fix names it, in text and JSON', async () => {
    const port = await closedPort();
    const endpoint = `http://127.0.0.1:${port}`;
    const text = await runCli(process.execPath, ['--endpoint', endpoint, '--no-color']);
    expect(text.code).toBe(1);
    const fixes = fixLines(text.stdout);
    expect(fixes).toEqual([expect.stringContaining(`fix: Nothing listens on 127.0.0.1:${port}. `)]);
    expect(fixes[0]).toContain(`imds-check emulate --port ${port}`);
    expect(fixes[0]).toContain('or correct --endpoint.');
    expect(text.stdout).not.toMatch(/169\.254\.169\.254|NSG|AKS|primary NIC/);
    const json = await runCli(process.execPath, ['--endpoint', endpoint, '--json']);
    const checks = (JSON.parse(json.stdout) as { checks: Check[] }).checks;
    const reach = checks.find((c) => c.id === 'reachability')!;
    expect(reach.code).toBe('connection_refused');
    expect(reach.remediation).toContain(`Nothing listens on 127.0.0.1:${port}.`);
    expect(json.stdout).not.toContain('169.254.169.254');
  });

  test('a proxy-like answer on the endpoint: NO_PROXY advice names the endpoint host', async () => {
    const e = await startEmulator({ scenario: 'proxy-502' });
    emulators.push(e);
    const r = await runCli(process.execPath, ['--endpoint', e.url, '--json']);
    const checks = (JSON.parse(r.stdout) as { checks: Check[] }).checks;
    const reach = checks.find((c) => c.id === 'reachability')!;
    expect(reach.code).toBe('not_imds_proxy');
    expect(reach.remediation).toContain('Set NO_PROXY to include 127.0.0.1 and add it');
    expect(r.stdout).not.toContain('169.254.169.254');
  });
});
