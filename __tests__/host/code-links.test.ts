// Where a code's documentation link points, per front door.
import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { actionCodeLink, pathLink, taskCodeLink } from '../../src/host/code-links.js';

const SHA = 'a'.repeat(40);

describe('GitHub Action links', () => {
  it('a released action links to its own repository and ref', () => {
    const link = actionCodeLink({ GITHUB_ACTION_REPOSITORY: 'contoso/imds-check', GITHUB_ACTION_REF: 'v1' });
    expect(link('token_gone')).toBe(
      'https://github.com/contoso/imds-check/blob/v1/docs/errors.md#token_gone',
    );
  });

  it('keeps a GitHub Enterprise server URL, and ignores one that is not a plain https origin', () => {
    const base = { GITHUB_ACTION_REPOSITORY: 'contoso/imds-check', GITHUB_ACTION_REF: 'v1.2.0' };
    expect(actionCodeLink({ ...base, GITHUB_SERVER_URL: 'https://ghe.contoso.com' })('ok')).toBe(
      'https://ghe.contoso.com/contoso/imds-check/blob/v1.2.0/docs/errors.md#ok',
    );
    expect(actionCodeLink({ ...base, GITHUB_SERVER_URL: 'javascript:alert(1)' })('ok')).toMatch(
      /^https:\/\/github\.com\//,
    );
  });

  it('a local action (uses: ./tools/imds-check) links to the commit being built, at its folder', () => {
    const env = {
      GITHUB_REPOSITORY: 'contoso/infra',
      GITHUB_SHA: SHA,
      GITHUB_WORKSPACE: '/home/runner/work/infra/infra',
      GITHUB_ACTION_PATH: '/home/runner/work/infra/infra/tools/imds-check',
    };
    expect(actionCodeLink(env)('ok')).toBe(
      `https://github.com/contoso/infra/blob/${SHA}/tools/imds-check/docs/errors.md#ok`,
    );
    expect(actionCodeLink({ ...env, GITHUB_ACTION_PATH: env.GITHUB_WORKSPACE })('ok')).toBe(
      `https://github.com/contoso/infra/blob/${SHA}/docs/errors.md#ok`,
    );
  });

  it('falls back to the repository path when nothing identifies the action or a value has an odd shape', () => {
    expect(actionCodeLink({})('ok')).toBe('docs/errors.md#ok');
    expect(actionCodeLink({ GITHUB_ACTION_REPOSITORY: 'a b/c', GITHUB_ACTION_REF: 'v1' })('ok')).toBe(
      'docs/errors.md#ok',
    );
    expect(
      actionCodeLink({
        GITHUB_REPOSITORY: 'contoso/infra',
        GITHUB_SHA: SHA,
        GITHUB_WORKSPACE: '/w',
        GITHUB_ACTION_PATH: '/elsewhere/x',
      })('ok'),
    ).toBe('docs/errors.md#ok');
    expect(pathLink('x')).toBe('docs/errors.md#x');
  });
});

describe('Azure DevOps task links', () => {
  it('reads imds-check.json packaged next to the task, or falls back to the repository path', () => {
    const task = mkdtempSync(join(tmpdir(), 'imds-task-'));
    mkdirSync(join(task, 'dist', 'azure-devops'), { recursive: true });
    const bundle = pathToFileURL(join(task, 'dist', 'azure-devops', 'index.js')).href;
    expect(taskCodeLink(bundle)('ok')).toBe('docs/errors.md#ok');
    writeFileSync(
      join(task, 'imds-check.json'),
      JSON.stringify({ errorsDoc: 'https://github.com/contoso/imds-check/blob/v1.0.0/docs/errors.md' }),
    );
    expect(taskCodeLink(bundle)('token_gone')).toBe(
      'https://github.com/contoso/imds-check/blob/v1.0.0/docs/errors.md#token_gone',
    );
    writeFileSync(
      join(task, 'imds-check.json'),
      JSON.stringify({ errorsDoc: 'javascript:alert(1)//docs/errors.md' }),
    );
    expect(taskCodeLink(bundle)('ok')).toBe('docs/errors.md#ok');
  });
});
