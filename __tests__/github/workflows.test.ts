// The repository's own workflows: they parse, CI covers Node 20 and 24 and Windows (a real runner and the
// Windows leg under Wine), the namespace suite runs as root, check-dist diffs dist/, the self-test runs this
// action against the emulator and reads its outputs in a later step, the release workflow needs CI and the
// namespace suite and does its steps in order, and every action is pinned by commit SHA.
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { USER_IDENTITY_1 } from '../../src/emulator/index.js';

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  'runs-on'?: string;
  permissions?: Record<string, string>;
  strategy?: { matrix?: Record<string, unknown[]> };
  needs?: string[];
  /** A job that calls a reusable workflow has no steps. */
  uses?: string;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
}

const DIR = new URL('../../.github/workflows/', import.meta.url);
const WORKFLOWS = readdirSync(DIR).filter((f) => f.endsWith('.yml'));
const raw = (name: string): string => readFileSync(new URL(name, DIR), 'utf8');
const load = (name: string): Workflow => parse(raw(name)) as Workflow;
const steps = (wf: Workflow): Step[] => Object.values(wf.jobs).flatMap((job) => job.steps ?? []);

describe('workflows', () => {
  it('ci runs npm ci and npm test on Node 20 and 24', () => {
    const ci = load('ci.yml');
    expect(ci.jobs['test']!.strategy!.matrix!['node']).toEqual([20, 24]);
    const runs = ci.jobs['test']!.steps.map((s) => s.run ?? '');
    expect(runs).toEqual(expect.arrayContaining(['npm ci', 'npm test']));
    expect(runs.indexOf('npm ci')).toBeLessThan(runs.indexOf('npm test'));
  });

  it('check-dist rebuilds and fails on any difference in dist/', () => {
    const runs = steps(load('check-dist.yml')).map((s) => s.run ?? '');
    expect(runs).toContain('npm run bundle');
    expect(runs.some((r) => /git diff --exit-code\b.*\bdist\//.test(r))).toBe(true);
  });

  it('ci and .ci/run install nothing by hand: npm test obtains Node 24 itself', () => {
    const ci = readFileSync(new URL('../../.ci/run', import.meta.url), 'utf8');
    expect(ci).toMatch(/^npm ci\b/m);
    expect(ci).toMatch(/^JEST_JSON_OUTPUT=\S+ npm test$/m);
    for (const text of [ci, ...WORKFLOWS.map(raw)])
      expect(text).not.toMatch(/npm (i|install)\b[^\n]*node-linux/);
  });

  it('a Windows job runs the emulator end-to-end tests and the Action bundle tests', () => {
    const job = load('ci.yml').jobs['windows']!;
    expect(job['runs-on']).toBe('windows-latest');
    const runs = job.steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toContain('npm ci');
    for (const path of [
      '__tests__/e2e',
      '__tests__/github/bundle.test.ts',
      '__tests__/core/arc-key-path.test.ts',
    ])
      expect(runs).toContain(path);
  });

  it('the Windows leg runs under Wine on ubuntu-latest next to windows-latest, required and as root', () => {
    const ci = load('ci.yml');
    expect(ci.jobs['windows']!['runs-on']).toBe('windows-latest');
    const job = ci.jobs['windows-wine']!;
    expect(job['runs-on']).toBe('ubuntu-latest');
    const runs = job.steps.map((s) => s.run ?? '');
    const at = (pattern: RegExp) => runs.findIndex((r) => pattern.test(r));
    const order = [
      at(/^npm ci$/),
      at(/apt-get install -y -qq wine64$/),
      at(/^sudo -E env "PATH=\$PATH" IMDS_CHECK_REQUIRE_WINDOWS=1 npm test -- __tests__\/windows$/),
    ];
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('the namespace suite runs as root (sudo -E) on every push and pull request, and the release calls it', () => {
    const netns = load('netns.yml');
    expect(Object.keys(netns.on).sort()).toEqual([
      'pull_request',
      'push',
      'workflow_call',
      'workflow_dispatch',
    ]);
    const runs = netns.jobs['netns']!.steps.map((s) => s.run ?? '');
    expect(runs.indexOf('npm ci')).toBeGreaterThanOrEqual(0);
    expect(runs.indexOf('sudo -E env "PATH=$PATH" npm test -- __tests__/netns')).toBeGreaterThan(
      runs.indexOf('npm ci'),
    );
    // The release workflow can only need what it calls.
    expect(Object.keys(load('ci.yml').on)).toContain('workflow_call');
  });

  it('.ci/run installs Wine, requires the Windows leg and prints its counts with the versions', () => {
    const ci = readFileSync(new URL('../../.ci/run', import.meta.url), 'utf8');
    expect(ci).toMatch(/^export IMDS_CHECK_REQUIRE_WINDOWS=1$/m);
    expect(ci).toMatch(/apt-get install -y -qq wine64\b/);
    expect(ci.indexOf('IMDS_CHECK_REQUIRE_WINDOWS=1')).toBeLessThan(ci.indexOf('JEST_JSON_OUTPUT='));
    expect(ci).toContain('windows leg: ${legCount("passed")} passed, ');
    expect(ci).toContain('build/windows-leg.json');
  });

  it('every action is pinned by a full commit SHA with its version as a comment', () => {
    const uses = WORKFLOWS.flatMap((name) =>
      [...raw(name).matchAll(/^\s*-?\s*uses: (.+)$/gm)].map((m) => m[1]!),
    );
    expect(uses.length).toBeGreaterThan(10);
    // ./ is this action; ./.github/workflows/*.yml are this repository's reusable workflows.
    const external = uses.filter((u) => !u.startsWith('./'));
    expect(external.filter((u) => !/^[\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+){0,2}$/.test(u))).toEqual(
      [],
    );
    // One SHA per action and version across all workflows.
    const pins = new Map<string, Set<string>>();
    for (const u of external) {
      const [action, rest] = u.split('@') as [string, string];
      pins.set(action, (pins.get(action) ?? new Set()).add(rest));
    }
    for (const [action, refs] of pins) expect([action, refs.size]).toEqual([action, 1]);
  });

  it('release: on a vX.Y.Z tag it checks versions, dist and tests, attaches the VSIX and the CLI, moves vX', () => {
    const wf = parse(raw('release.yml')) as Workflow & {
      on: { push: { tags: string[] } };
      permissions: object;
    };
    expect(wf.on.push.tags).toEqual(['v[0-9]+.[0-9]+.[0-9]+']);
    expect(wf.permissions).toEqual({});
    // Nothing is published unless CI and the privileged namespace suite pass on the tagged commit.
    expect(wf.jobs['ci']).toMatchObject({
      uses: './.github/workflows/ci.yml',
      permissions: { contents: 'read' },
    });
    expect(wf.jobs['netns']).toMatchObject({
      uses: './.github/workflows/netns.yml',
      permissions: { contents: 'read' },
    });
    const job = wf.jobs['release']!;
    expect(job.needs).toEqual(['ci', 'netns']);
    expect(job.permissions).toEqual({ contents: 'write' });
    const runs = job.steps.map((s) => s.run ?? '');
    const at = (pattern: RegExp) => runs.findIndex((r) => pattern.test(r));
    const order = [
      at(/^npm ci$/),
      at(/version-set\.mjs --check "\$\{TAG#v\}"/),
      at(/changelog\.mjs notes "\$\{TAG#v\}" > "\$RUNNER_TEMP\/notes\.md"/),
      at(/npm run bundle\n\s*git diff --exit-code[^\n]*dist\//),
      at(/^npm test$/),
      at(/npm run package:ado --[\s\S]*npm run build:cli -- "\$RUNNER_TEMP\/assets\/imds-check\.cjs"/),
      at(
        /gh release create "\$TAG" "\$RUNNER_TEMP"\/assets\/\*\.vsix "\$RUNNER_TEMP\/assets\/imds-check\.cjs"[\s\S]*--notes-file "\$RUNNER_TEMP\/notes\.md"/,
      ),
      at(/major="\$\{TAG%%\.\*\}"[\s\S]*git\/refs\/tags\/\$major" -f sha="\$GITHUB_SHA" -F force=true/),
    ];
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Immutable releases: only vX.Y.Z gets a release; vX is a plain tag.
    expect(runs.filter((r) => r.includes('gh release create'))).toHaveLength(1);
    expect(job.steps.find((s) => s.uses?.startsWith('actions/checkout'))?.with?.['persist-credentials']).toBe(
      false,
    );
  });

  it('CodeQL scans the TypeScript and dependabot watches npm and the workflow actions', () => {
    const codeql = load('codeql.yml');
    const steps = Object.values(codeql.jobs)[0]!.steps;
    expect(steps.map((s) => s.uses?.split('@')[0])).toEqual(
      expect.arrayContaining(['github/codeql-action/init', 'github/codeql-action/analyze']),
    );
    expect(steps.find((s) => s.uses?.startsWith('github/codeql-action/init'))?.with?.['languages']).toBe(
      'javascript-typescript',
    );
    const dependabot = parse(
      readFileSync(new URL('../../.github/dependabot.yml', import.meta.url), 'utf8'),
    ) as {
      updates: { 'package-ecosystem': string }[];
    };
    expect(dependabot.updates.map((u) => u['package-ecosystem']).sort()).toEqual(['github-actions', 'npm']);
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

describe('examples/github', () => {
  const EXAMPLES = new URL('../../examples/github/', import.meta.url);
  const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.yml'));
  const text = (name: string): string => readFileSync(new URL(name, EXAMPLES), 'utf8');
  const inputsOf = (path: string): string[] =>
    Object.keys((parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')) as any).inputs);
  const outputsOf = (path: string): string[] =>
    Object.keys((parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')) as any).outputs);

  it.each(files)(
    '%s parses, pins other actions by the SHA the repository workflows use, and puts no expression in a script',
    (name) => {
      const wf = parse(text(name), { uniqueKeys: true }) as Workflow;
      const repoPins = new Map(
        WORKFLOWS.flatMap((f) => [...raw(f).matchAll(/uses: ([^@\s]+)@([0-9a-f]{40} # v[\d.]+)/g)]).map(
          (m) => [m[1]!, m[2]!],
        ),
      );
      for (const step of steps(wf).filter((s) => s.uses && !s.uses.startsWith('OWNER/imds-check'))) {
        const line = [...text(name).matchAll(/uses: (\S+ # v[\d.]+)$/gm)]
          .map((m) => m[1]!)
          .find((u) => u.startsWith(`${step.uses}`));
        expect([step.uses, line]).toEqual([
          step.uses,
          expect.stringMatching(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+){0,2}$/),
        ]);
        const [action, pin] = line!.split('@') as [string, string];
        if (repoPins.has(action)) expect([action, pin]).toEqual([action, repoPins.get(action)]);
      }
      // Outputs reach scripts through env:, never pasted into the script text.
      for (const step of steps(wf))
        expect([step.run ?? '', /\$\{\{/.test(step.run ?? '')]).toEqual([step.run ?? '', false]);
    },
  );

  it('fleet-gate: a matrix that uploads one artifact per leg, a merge with expected = matrix size, a rollout only on pass', () => {
    const wf = parse(text('fleet-gate.yml')) as Workflow & { permissions: object };
    expect(wf.permissions).toEqual({});
    const [check, merge, rollout] = Object.entries(wf.jobs) as [string, Job & Record<string, any>][];
    const runners = check![1].strategy!.matrix!['runner']!;
    expect((check![1].strategy as any)['fail-fast']).toBe(false);
    const probe = check![1].steps.find((s) => s.uses === 'OWNER/imds-check@v1')!;
    expect(probe.with?.['fail-on']).toBe('never');
    for (const key of Object.keys(probe.with ?? {})) expect(inputsOf('action.yml')).toContain(key);
    const upload = check![1].steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    expect(upload.with?.['name']).toContain('${{ matrix.runner }}');
    expect(upload.with?.['path']).toBe(probe.with?.['report-path']);

    expect(merge![1]['needs']).toBe(check![0]);
    expect(merge![1]['if']).toBe('always()');
    const download = merge![1].steps.find((s) => s.uses?.startsWith('actions/download-artifact@'))!;
    expect(download.with?.['pattern']).toBe('imds-check-report-*');
    const step = merge![1].steps.find((s) => s.uses === 'OWNER/imds-check/merge@v1')!;
    expect(Number(step.with?.['expected'])).toBe(runners.length);
    expect(String(step.with?.['reports'])).toMatch(new RegExp(`^${download.with?.['path']}/`));
    for (const key of Object.keys(step.with ?? {})) expect(inputsOf('merge/action.yml')).toContain(key);
    const read = [...text('fleet-gate.yml').matchAll(/steps\.merge\.outputs\.([\w-]+)/g)].map((m) => m[1]!);
    expect(read.length).toBeGreaterThan(3);
    for (const name of read) expect(outputsOf('merge/action.yml')).toContain(name);

    expect(rollout![1]['needs']).toBe(merge![0]);
    expect(rollout![1]['if']).toBe(`needs.${merge![0]}.outputs.result == 'pass'`);
    expect(Object.keys(merge![1]['outputs'])).toContain('result');
    expect(text('fleet-gate.yml')).toMatch(/^# A runner that is offline/m);
  });
});
