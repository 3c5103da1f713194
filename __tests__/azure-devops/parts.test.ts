// The small pieces of the adapter: proxy mapping, credential inputs read before task-lib, diagnostics commands,
// the summary file, and the rule that only task-port.ts imports azure-pipelines-task-lib.
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { childProcessDiagnostics } from '../../src/host/diagnostics.js';
import { snapshotCredentialInputs } from '../../src/azure-devops/credential-inputs.js';
import { toAgentProxy } from '../../src/azure-devops/agent-proxy.js';
import { withoutUserInfo } from '../../src/core/index.js';

describe('agent proxy', () => {
  it('is null when the agent has no proxy', () => {
    expect(toAgentProxy(undefined, [])).toBeNull();
    expect(toAgentProxy('  ', ['x'])).toBeNull();
  });

  it('keeps the URL and the string entries of the bypass list', () => {
    expect(toAgentProxy('http://proxy.corp:8080', ['169\\.254\\.169\\.254', 7, '', 'localhost'])).toEqual({
      source: 'agent proxy',
      url: 'http://proxy.corp:8080',
      bypass: ['169\\.254\\.169\\.254', 'localhost'],
    });
    expect(toAgentProxy('http://proxy.corp:8080', 'not-an-array')).toEqual({
      source: 'agent proxy',
      url: 'http://proxy.corp:8080',
      bypass: [],
    });
  });

  // One function removes credentials from every URL the engine may show (withoutCredentials was a second one).
  it('never carries credentials into a warning', () => {
    expect(withoutUserInfo('http://user:p%40ss@proxy.corp:8080/')).toBe('http://***@proxy.corp:8080/');
    expect(withoutUserInfo('proxy user:pw@proxy.corp:3128')).toBe('***@proxy.corp:3128');
    expect(withoutUserInfo('http://proxy.corp:8080')).toBe('http://proxy.corp:8080');
    expect(toAgentProxy('http://u:secret@p:1', [])!.url).not.toContain('secret');
  });
});

describe('credential inputs', () => {
  it('reads endpoint and amaProxy from the agent variables (INPUT_<NAME>) and nothing else', () => {
    expect(
      snapshotCredentialInputs({
        INPUT_ENDPOINT: 'http://u:p@127.0.0.1:1',
        INPUT_AMAPROXY: 'http://user:pw@proxy:3128',
        INPUT_MODE: 'vm',
      }),
    ).toEqual({ endpoint: 'http://u:p@127.0.0.1:1', 'ama-proxy': 'http://user:pw@proxy:3128' });
    expect(snapshotCredentialInputs({})).toEqual({});
  });
});

describe('diagnostics commands', () => {
  const node = process.execPath;

  it('returns the exit code and stdout of a command, zero or not', async () => {
    await expect(
      childProcessDiagnostics.run(node, ['-e', 'process.stdout.write("active")'], 10_000),
    ).resolves.toEqual({ exitCode: 0, stdout: 'active' });
    await expect(
      childProcessDiagnostics.run(node, ['-e', 'process.stdout.write("inactive"); process.exit(3)'], 10_000),
    ).resolves.toEqual({
      exitCode: 3,
      stdout: 'inactive',
    });
  });

  it('returns null for a missing command and for one that outlives its timeout', async () => {
    await expect(childProcessDiagnostics.run('imds-check-no-such-command', [], 5_000)).resolves.toBeNull();
    const started = Date.now();
    await expect(
      childProcessDiagnostics.run(node, ['-e', 'setTimeout(() => {}, 30000)'], 300),
    ).resolves.toBeNull();
    expect(Date.now() - started).toBeLessThan(20_000); // does not hang
  });
});

describe('platform library isolation', () => {
  it('only task-port.ts imports azure-pipelines-task-lib, and nothing imports @actions', () => {
    const dir = join(process.cwd(), 'src', 'azure-devops');
    const importers = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => /from\s+['"]azure-pipelines-task-lib/.test(readFileSync(join(dir, f), 'utf8')));
    expect(importers).toEqual(['task-port.ts']);
    for (const f of readdirSync(dir).filter((name) => name.endsWith('.ts'))) {
      expect(readFileSync(join(dir, f), 'utf8')).not.toMatch(/from\s+['"]@actions\//);
    }
  });
});

describe('summary file', () => {
  it('a second step in the same job does not overwrite the first summary', async () => {
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { writeSummaryFile } = await import('../../src/azure-devops/summary-file.js');
    const folder = mkdtempSync(join(tmpdir(), 'imds-summary-'));
    const first = await writeSummaryFile(folder, 'first');
    const second = await writeSummaryFile(folder, 'second');
    expect(first).toBe(join(folder, 'summary.md'));
    expect(second).toBe(join(folder, 'summary-2.md'));
    expect(readFileSync(first, 'utf8')).toBe('first');
    expect(readFileSync(second, 'utf8')).toBe('second');
  });
});
