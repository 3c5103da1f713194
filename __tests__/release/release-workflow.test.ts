// What the release workflow ships: it refuses the manifest's placeholders before it installs or tests anything
// (its own step, run here with bash as the runner would), and an opt-in npm job publishes the package with
// provenance after the release job, naming this repository instead of OWNER and reading the token only from
// the environment (never a command line).
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../github/runner.js';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  steps: Step[];
}

const text = readFileSync(join(ROOT, '.github', 'workflows', 'release.yml'), 'utf8');
const jobs = (parse(text) as { jobs: Record<string, Job> }).jobs;
const release = jobs['release']!;
const npmJob = jobs['npm']!;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A step's script run by bash -e as the runner does, in `cwd`, with the runner's variables. */
function runStep(step: Step, cwd: string, env: Record<string, string>) {
  return spawnSync('bash', ['-e', '-c', step.run!], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', HOME: cwd, npm_config_update_notifier: 'false', ...env },
    timeout: 60_000,
  });
}
const stepRunning = (job: Job, pattern: RegExp): Step => {
  const step = job.steps.find((s) => pattern.test(s.run ?? ''));
  if (!step) throw new Error(`no step runs ${pattern}`);
  return step;
};
const GITHUB = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/imds-check' };

describe('release workflow', () => {
  const check = stepRunning(release, /package-ado\.mjs --check/);

  it('refuses the placeholder publisher before npm ci, with an error naming the variable to set', () => {
    const runs = release.steps.map((s) => s.run ?? '');
    expect(runs.indexOf(check.run!)).toBeLessThan(runs.indexOf('npm ci'));
    const refused = runStep(check, ROOT, { ...GITHUB, ADO_PUBLISHER: '' });
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('::error::Set the repository variable ADO_PUBLISHER');
    expect(refused.stderr).toContain('--publisher');
    expect(runStep(check, ROOT, { ...GITHUB, ADO_PUBLISHER: 'imds-check' }).status).toBe(1);
    const ready = runStep(check, ROOT, { ...GITHUB, ADO_PUBLISHER: 'contoso-platform' });
    expect([ready.status, ready.stderr]).toEqual([0, '']);
  });

  it('builds the VSIX for the repository it runs in, with the same publisher', () => {
    const build = stepRunning(release, /npm run package:ado --/);
    expect(build.run).toContain('--repository "$GITHUB_SERVER_URL/$GITHUB_REPOSITORY"');
    expect(build.run).toContain('${ADO_PUBLISHER:+--publisher "$ADO_PUBLISHER"}');
    expect(release.env?.['ADO_PUBLISHER']).toBe('${{ vars.ADO_PUBLISHER }}');
  });

  it('publishes to npm after the release, opt-in, with provenance and only the permissions that needs', () => {
    expect(npmJob.needs).toBe('release');
    expect(npmJob.if).toBe("vars.NPM_PUBLISH == 'true'");
    expect(npmJob.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    const setup = npmJob.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(setup?.with?.['registry-url']).toBe('https://registry.npmjs.org');
    const publish = stepRunning(npmJob, /npm publish/);
    expect(publish.run).toBe('npm publish --provenance --access public');
  });

  it('reads every secret from the environment, never on a command line', () => {
    const publish = stepRunning(npmJob, /npm publish/);
    expect(publish.env).toEqual({ NODE_AUTH_TOKEN: '${{ secrets.NPM_TOKEN }}' });
    for (const step of [...release.steps, ...npmJob.steps])
      expect([step.name, step.run ?? '']).toEqual([step.name, expect.not.stringMatching(/secrets\.|TOKEN/)]);
    // Secrets appear nowhere else in the file than as step environment values.
    const secretLines = text.split('\n').filter((line) => line.includes('secrets.'));
    expect(secretLines.map((line) => line.trim())).toEqual(['NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}']);
  });

  it('names this repository instead of OWNER in what npm publishes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'imds-npm-release-'));
    dirs.push(dir);
    for (const file of ['package.json', 'README.md', 'CHANGELOG.md'])
      cpSync(join(ROOT, file), join(dir, file));
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain('OWNER/imds-check@v1');
    const step = npmJob.steps.find((s) => /OWNER/.test(s.run ?? ''))!;
    const run = runStep(step, dir, GITHUB);
    expect([run.status, run.stderr]).toEqual([0, '']);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      repository: { type: string; url: string };
    };
    expect(pkg.repository).toEqual({ type: 'git', url: 'git+https://github.com/acme/imds-check.git' });
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(readme).toContain('uses: acme/imds-check@v1');
    expect(readme).not.toContain('OWNER/');
  });
});
