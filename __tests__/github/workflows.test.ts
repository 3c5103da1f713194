// The repository's own workflows: they parse, CI covers Node 20 and 24, check-dist diffs dist/, and the
// self-test runs this action against the emulator and reads its outputs in a later step.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { USER_IDENTITY_1 } from '../../src/emulator/index.js';

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  jobs: Record<string, { strategy?: { matrix?: Record<string, unknown[]> }; steps: Step[] }>;
}

const load = (name: string): Workflow =>
  parse(readFileSync(new URL(`../../.github/workflows/${name}`, import.meta.url), 'utf8')) as Workflow;
const steps = (wf: Workflow): Step[] => Object.values(wf.jobs).flatMap((job) => job.steps);

describe('workflows', () => {
  it('ci runs npm ci and npm test on Node 20 and 24', () => {
    const ci = load('ci.yml');
    expect(Object.values(ci.jobs)[0]!.strategy!.matrix!['node']).toEqual([20, 24]);
    const runs = steps(ci).map((s) => s.run ?? '');
    expect(runs).toEqual(expect.arrayContaining(['npm ci', 'npm test']));
    expect(runs.indexOf('npm ci')).toBeLessThan(runs.indexOf('npm test'));
  });

  it('check-dist rebuilds and fails on any difference in dist/', () => {
    const runs = steps(load('check-dist.yml')).map((s) => s.run ?? '');
    expect(runs).toContain('npm run bundle');
    expect(runs.some((r) => /git diff --exit-code\b.*\bdist\//.test(r))).toBe(true);
  });

  it('self-test starts the emulator, uses ./ against it, then reads its outputs', () => {
    const all = steps(load('self-test.yml'));
    const start = all.findIndex((s) =>
      /^node dist\/cli\/index\.js emulate --port 8080\b.*&$/m.test(s.run ?? ''),
    );
    const action = all.findIndex((s) => s.uses === './' && s.with?.['endpoint'] === 'http://127.0.0.1:8080');
    const reader = all.findIndex((s) =>
      Object.values(s.env ?? {}).some((v) => v.includes(`steps.${all[action]?.id}.outputs.result`)),
    );
    expect(start).toBeGreaterThanOrEqual(0);
    expect(action).toBeGreaterThan(start);
    expect(reader).toBeGreaterThan(action);
    // the user-assigned step selects an identity the emulator's default scenario really has
    const user = all.find((s) => s.uses === './' && s.with?.['identity'] === 'user');
    expect(user?.with?.['client-id']).toBe(USER_IDENTITY_1.clientId);
  });
});
