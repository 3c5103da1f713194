// The one step body, run against a GitHub-shaped and an Azure DevOps-shaped fake port with the same
// scenarios: outputs, masks first, report files, summary, annotations, verdicts, hostile text, trouble.
import { afterAll, describe, expect, it } from '@jest/globals';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  OUTPUT_NAMES,
  type ProbeOptions,
  type ProbeOutcome,
  type Report,
  type RuntimeContext,
} from '../../src/core/index.js';
import { runStep } from '../../src/host/step.js';
import { check, fakePort, GUIDS, report, TOKEN, type FakePort, type Flavour } from './fake-port.js';

const scratch = mkdtempSync(join(tmpdir(), 'imds-check-step-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let n = 0;
const freshDir = (): string => {
  const dir = join(scratch, String(++n));
  mkdirSync(dir);
  return dir;
};

type Probe = (options: ProbeOptions, ctx: RuntimeContext) => Promise<ProbeOutcome>;
const returns =
  (r: Report, accessToken: string | null = null): Probe =>
  async () => ({ report: r, accessToken });
/** The engine's behaviour: register the token the moment it arrives, log some debug, return it. */
const engineWithToken =
  (r: Report): Probe =>
  async (_options, ctx) => {
    ctx.log.debug('token request 200');
    ctx.registerSecret(TOKEN);
    return { report: r, accessToken: TOKEN };
  };

interface StepRun {
  port: FakePort;
  calls: { options: ProbeOptions; ctx: RuntimeContext }[];
  temp: string;
}

async function step(
  flavour: Flavour,
  inputs: Record<string, string>,
  probe: Probe,
  opts: { temp?: string | null; port?: FakePort } = {},
): Promise<StepRun> {
  const temp = opts.temp === null ? undefined : (opts.temp ?? freshDir());
  const port = opts.port ?? fakePort(flavour, inputs, temp);
  const calls: StepRun['calls'] = [];
  await runStep(port, {
    runProbe: async (options, ctx) => {
      calls.push({ options, ctx });
      return probe(options, ctx);
    },
    env: { PATH: '/bin' },
    systemTemp: scratch,
  });
  return { port, calls, temp: temp ?? '' };
}

const spelled = (flavour: Flavour, name: string): string =>
  flavour === 'github' ? name : name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

describe.each<Flavour>(['github', 'azure-devops'])('step body over a %s port', (flavour) => {
  describe('a passing run', () => {
    it('sets every output except access-token, logs the text, writes the report and summary, succeeds', async () => {
      const { port, temp } = await step(flavour, {}, returns(report()));
      const outputs = port.outputs();
      expect(Object.keys(outputs).sort()).toEqual(OUTPUT_NAMES.filter((o) => o !== 'access-token').sort());
      const reportPath = join(temp, 'imds-check', 'report.json');
      expect(outputs).toMatchObject({
        result: 'pass',
        reachable: 'true',
        mode: 'vm',
        'metadata-status': '200',
        'token-status': '200',
        'vm-id': GUIDS.vm,
        'vm-name': report().machine.name,
        'resource-id': report().machine.resourceId,
        'subscription-id': GUIDS.sub,
        'resource-group': report().machine.resourceGroup,
        location: 'westeurope',
        'az-environment': 'AzurePublicCloud',
        'principal-id': GUIDS.oid,
        'tenant-id': GUIDS.tid,
        'app-id': GUIDS.app,
        'token-expires-on': report().identity.expiresOn,
        'report-path': reportPath,
      });
      expect(JSON.parse(readFileSync(reportPath, 'utf8'))).toMatchObject({
        schemaVersion: 1,
        result: 'pass',
      });
      const info = port.of('info');
      expect(info).toHaveLength(1);
      expect(info[0]!.text).toMatch(/Result: PASS/);
      const summaries = port.of('summary');
      expect(summaries).toHaveLength(1);
      expect(summaries[0]!.folder).toBe(join(temp, 'imds-check'));
      expect(summaries[0]!.text).toMatch(/^## ✅ imds-check: pass/);
      expect(port.of('annotate')).toEqual([]);
      expect(port.events.at(-1)).toEqual({
        kind: 'finish',
        verdict: 'succeeded',
        message: 'imds-check passed (vm)',
      });
    });

    it('sets outputs without a value, or without the shape of their field, to the empty string', async () => {
      const r = report();
      r.machine.location = '';
      r.machine.name = 'vm1 ##vso[task.setvariable variable=EVIL_VAR]pwned';
      r.machine.resourceGroup = 'rg"; echo injected; : "';
      r.identity.principalId = 'o ##vso[task.prependpath]./evil-bin';
      const { port } = await step(flavour, {}, returns(r));
      const outputs = port.outputs();
      expect(outputs['location']).toBe('');
      expect(outputs['vm-name']).toBe('');
      expect(outputs['resource-group']).toBe('');
      expect(outputs['principal-id']).toBe('');
      expect(outputs['vm-id']).toBe(GUIDS.vm);
    });

    it('writes the default report to a new private folder when the platform has no temp folder', async () => {
      const { port } = await step(flavour, {}, returns(report()), { temp: null });
      const path = port.outputs()['report-path']!;
      expect(path.startsWith(join(scratch, 'imds-check-'))).toBe(true);
      const folder = join(path, '..');
      expect(statSync(folder).mode & 0o777).toBe(0o700);
      expect(port.of('summary')[0]!.folder).toBe(folder);
    });

    it('passes report-path and junit-path through and writes both', async () => {
      const dir = freshDir();
      const inputs = { 'report-path': join(dir, 'r.json'), 'junit-path': join(dir, 'j.xml') };
      const port = fakePort(flavour, {}, dir);
      port.inputs = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, v]));
      await step(flavour, {}, returns(report()), { port });
      expect(port.outputs()['report-path']).toBe(join(dir, 'r.json'));
      expect(readFileSync(join(dir, 'j.xml'), 'utf8')).toMatch(/^<\?xml/);
    });

    it('hands the engine parsed options and a context with the port spelling, proxy and progress', async () => {
      const { port, calls } = await step(
        flavour,
        { mode: 'VM', 'timeout-seconds': ' 12 ', endpoint: 'http://127.0.0.1:8080/' },
        async (options, ctx) => {
          ctx.progress({
            check: 'metadata',
            text: 'metadata: HTTP 410 (IMDS updating), retry 2 in 10 s, 62 s left',
          });
          return { report: report(), accessToken: null };
        },
      );
      expect(calls).toHaveLength(1);
      const { options, ctx } = calls[0]!;
      expect(options).toMatchObject({
        mode: 'vm',
        identity: 'system',
        timeoutSeconds: 12,
        endpoint: 'http://127.0.0.1:8080',
        failOn: 'error',
      });
      expect(ctx.spell.name('fail-on')).toBe(spelled(flavour, 'fail-on'));
      expect(ctx.agentProxy).toEqual(port.agentProxy());
      expect(ctx.env).toEqual({ PATH: '/bin' });
      expect(port.of('progress').map((p) => p.text)).toEqual([
        'metadata: HTTP 410 (IMDS updating), retry 2 in 10 s, 62 s left',
      ]);
    });
  });

  describe('secrets', () => {
    it('prints nothing but the mask before the engine returns; debug lines wait until then', async () => {
      const { port } = await step(flavour, {}, engineWithToken(report()));
      expect(port.events[0]).toEqual({ kind: 'secret', value: TOKEN });
      expect(port.events[1]).toEqual({ kind: 'debug', text: 'token request 200' });
      expect(port.of('secret')).toHaveLength(1);
      expect(port.outputs()['access-token']).toBeUndefined();
      expect(JSON.stringify(port.events.slice(1))).not.toContain(TOKEN);
    });

    it('with expose-token sets access-token (secret) to the token, masked before anything else', async () => {
      const { port } = await step(flavour, { 'expose-token': 'true' }, engineWithToken(report()));
      expect(port.of('output').filter((o) => o.name === 'access-token')).toEqual([
        { kind: 'output', name: 'access-token', value: TOKEN, secret: true },
      ]);
      expect(port.events[0]).toEqual({ kind: 'secret', value: TOKEN });
      expect(Object.keys(port.outputs()).sort()).toEqual([...OUTPUT_NAMES].sort());
    });

    it('masks a returned token itself if the engine did not, before printing anything', async () => {
      const { port } = await step(flavour, { 'expose-token': 'true' }, returns(report(), TOKEN));
      expect(port.events[0]).toEqual({ kind: 'secret', value: TOKEN });
      expect(port.of('secret')).toHaveLength(1);
    });

    it('never registers an implausible value (short, or with spaces) that the engine reports', async () => {
      const { port } = await step(flavour, {}, async (_o, ctx) => {
        ctx.registerSecret('e');
        ctx.registerSecret('PASS');
        ctx.registerSecret('two words that are long enough');
        return { report: report(), accessToken: null };
      });
      expect(port.of('secret')).toEqual([]);
    });

    it("masks the user's AMA proxy password before anything else, whatever it looks like", async () => {
      const { port } = await step(
        flavour,
        { ama: 'true', 'ama-proxy': 'http://user:pw@proxy.corp:3128' },
        returns(report()),
      );
      expect(port.events[0]).toEqual({ kind: 'secret', value: 'pw' });
    });

    it('with expose-token but no token, access-token is the empty string', async () => {
      const { port } = await step(flavour, { 'expose-token': 'true', identity: 'none' }, returns(report()));
      expect(port.outputs()['access-token']).toBe('');
      expect(port.of('secret')).toEqual([]);
    });
  });

  describe('invalid input', () => {
    it.each<[Record<string, string>, string]>([
      [{ mode: 'bogus' }, 'mode'],
      [{ 'fail-on': 'sometimes' }, 'fail-on'],
      [{ 'client-id': 'not-a-guid', identity: 'user' }, 'client-id'],
      [{ 'timeout-seconds': '0' }, 'timeout-seconds'],
      [{ endpoint: 'http://user:S3cret@127.0.0.1:8080' }, 'endpoint'],
    ])(
      '%j fails with one line naming the input in the port spelling, without probing',
      async (inputs, name) => {
        const { port, calls } = await step(flavour, { 'fail-on': 'never', ...inputs }, returns(report()));
        expect(calls).toEqual([]);
        expect(port.events).toHaveLength(1);
        const finish = port.of('finish')[0]!;
        expect(finish.verdict).toBe('failed');
        expect(finish.message).toContain(`'${spelled(flavour, name)}'`);
        expect(finish.message).not.toMatch(/[\r\n]/);
        expect(finish.message).not.toContain('S3cret');
      },
    );
  });

  describe('verdicts and annotations', () => {
    const failing = (reachable: boolean, failOn: Report['failOn']): Report =>
      report({
        result: 'fail',
        reachable,
        failOn,
        checks: reachable
          ? [
              check('environment', 'pass', 'ok'),
              check('reachability', 'pass', 'ok'),
              check('metadata', 'pass', 'ok'),
              check('token', 'fail', 'token_identity_not_found', { outcome: '400' }),
            ]
          : [
              check('environment', 'pass', 'ok'),
              check('reachability', 'fail', 'connection_refused', { outcome: 'refused', httpStatus: null }),
              check('metadata', 'skip', 'skipped'),
              check('token', 'skip', 'skipped'),
            ],
      });

    it.each([
      [true, 'error', 'failed'],
      [true, 'unreachable', 'succeeded-with-issues'],
      [true, 'never', 'succeeded-with-issues'],
      [false, 'error', 'failed'],
      [false, 'unreachable', 'failed'],
      [false, 'never', 'succeeded-with-issues'],
    ] as const)('reachable=%s fail-on=%s -> %s', async (reachable, failOn, verdict) => {
      const { port } = await step(flavour, { 'fail-on': failOn }, returns(failing(reachable, failOn)));
      const finish = port.events.at(-1) as { kind: string; verdict: string; message: string };
      expect(finish.kind).toBe('finish');
      expect(finish.verdict).toBe(verdict);
      const code = reachable ? 'token: token_identity_not_found' : 'reachability: connection_refused';
      const what = verdict === 'failed' ? 'failed' : 'result fail';
      expect(finish.message).toBe(`imds-check ${what} (${spelled(flavour, 'fail-on')}: ${failOn}): ${code}`);
      expect(port.of('annotate').filter((a) => a.level === 'error')).toHaveLength(1);
      expect(port.outputs()['result']).toBe('fail');
      expect(port.outputs()['reachable']).toBe(String(reachable));
      if (!reachable) expect(port.outputs()['metadata-status']).toBe('refused');
    });

    it('annotates each failed or warned check: title with code, then message, fix and documentation lines', async () => {
      const r = report({
        result: 'warn',
        checks: [
          check('environment', 'warn', 'proxy_without_imds_bypass'),
          check('reachability', 'pass', 'ok'),
          check('metadata', 'pass', 'ok'),
          check('token', 'pass', 'ok'),
        ],
      });
      const { port } = await step(flavour, {}, returns(r));
      expect(port.of('annotate')).toEqual([
        {
          kind: 'annotate',
          level: 'warning',
          title: 'The environment check (proxy_without_imds_bypass)',
          lines: [
            'environment said proxy_without_imds_bypass',
            'Fix: fix proxy_without_imds_bypass',
            'Docs: https://docs.example/errors.md#proxy_without_imds_bypass',
          ],
        },
      ]);
      expect(port.events.at(-1)).toMatchObject({ kind: 'finish', verdict: 'succeeded-with-issues' });
    });

    it('caps annotations at 10 per level, keeping a slot for the verdict, and says how many were left out', async () => {
      const checks = [
        ...Array.from({ length: 12 }, (_, i) => check('token', 'fail', `code_f${i}`)),
        ...Array.from({ length: 11 }, (_, i) => check('metadata', 'warn', `code_w${i}`)),
      ];
      const { port } = await step(flavour, {}, returns(report({ result: 'fail', checks })));
      const errors = port.of('annotate').filter((a) => a.level === 'error');
      expect(errors.map((e) => e.title)).toEqual(
        Array.from({ length: 9 }, (_, i) => `The token check (code_f${i})`),
      );
      expect(port.of('annotate').filter((a) => a.level === 'warning')).toHaveLength(10);
      const notices = port.of('annotate').filter((a) => a.level === 'notice');
      expect(notices).toHaveLength(1);
      expect(notices[0]!.lines[0]).toMatch(/^3 failed and 1 warned checks are not annotated/);
    });

    it('keeps a warning slot only where finishing with issues adds a warning itself', async () => {
      const checks = Array.from({ length: 10 }, (_, i) => check('metadata', 'warn', `code_w${i}`));
      const { port } = await step(flavour, {}, returns(report({ result: 'warn', checks })));
      const warnings = port.of('annotate').filter((a) => a.level === 'warning');
      expect(warnings).toHaveLength(flavour === 'github' ? 10 : 9);
    });
  });

  describe('hostile text', () => {
    const hostile = [
      'vm1 ##vso[task.setvariable variable=EVIL_VAR;isOutput=false]pwned',
      '::stop-commands::x',
      '  ::add-mask::PASS',
      'a ##[error]b \u001b[31mred\u001b[0m \u202e bidi \u2028 next \u0085 nel \u0007 bel %0A',
    ].join('\n');

    it('no text reaching the port carries a pipeline command, a line starting with ::, or a control character', async () => {
      const r = report({
        result: 'fail',
        checks: [
          check('token', 'fail', 'token_bad_request', {
            title: hostile,
            message: hostile,
            remediation: hostile,
          }),
        ],
      });
      const { port } = await step(flavour, {}, async (_o, ctx) => {
        ctx.progress({ check: 'token', text: hostile });
        ctx.log.debug(hostile);
        return { report: r, accessToken: null };
      });
      const texts = port.events.flatMap((e) => {
        if (e.kind === 'annotate') return [e.title, ...e.lines];
        if (e.kind === 'info' || e.kind === 'debug' || e.kind === 'progress') return [e.text];
        if (e.kind === 'finish') return [e.message];
        return [];
      });
      expect(texts.length).toBeGreaterThan(5);
      for (const text of texts) {
        for (const line of text.split('\n')) {
          expect(line).not.toMatch(/##vso\[|##\[/i);
          expect(line).not.toMatch(/^\s*::/);
          expect(line).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
        }
      }
    });
  });

  describe('trouble', () => {
    // Issue 17: a file asked for that cannot be written fails the step whatever fail-on says.
    it('a summary that cannot be written fails the step (report_write_failed), whatever fail-on says', async () => {
      const port = fakePort(flavour, { 'fail-on': 'never' }, freshDir());
      port.failSummary = true;
      await step(flavour, {}, returns(report({ result: 'pass' })), { port });
      const last = port.events.at(-1);
      expect(last).toMatchObject({ kind: 'finish', verdict: 'failed' });
      expect(last && 'message' in last && last.message).toMatch(
        /^imds-check failed after the probe \(result pass\): report_write_failed: cannot write the step summary .*\(EUNKNOWN\)\. Fix: .* Docs: https:\/\/docs\.example\/errors\.md#report_write_failed$/,
      );
      // The outputs are still set: they are what the run found.
      expect(port.outputs()['result']).toBe('pass');
    });

    it.each([
      [
        'a folder at the path',
        (dir: string) => (mkdirSync(join(dir, 'r.json')), join(dir, 'r.json')),
        'EISDIR',
      ],
      [
        'a file where a parent folder should be',
        (dir: string) => (writeFileSync(join(dir, 'file'), 'x'), join(dir, 'file', 'report.json')),
        '(ENOTDIR|EEXIST)',
      ],
    ])(
      'report-path at %s fails the step before the probe, whatever fail-on says',
      async (_what, make, errno) => {
        const dir = freshDir();
        const path = make(dir);
        const { port, calls } = await step(
          flavour,
          { 'report-path': path, 'fail-on': 'never' },
          returns(report()),
        );
        expect(calls).toEqual([]);
        const finish = port.of('finish');
        expect(finish).toHaveLength(1);
        expect(finish[0]!.verdict).toBe('failed');
        expect(finish[0]!.message).toMatch(
          new RegExp(
            `^imds-check failed before the probe: report_write_failed: cannot write the JSON report ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(${errno}: `,
          ),
        );
        expect(port.of('output')).toEqual([]);
      },
    );

    it('a junit-path that is a folder fails before the probe; the GitHub summary file is checked too', async () => {
      const dir = freshDir();
      mkdirSync(join(dir, 'junit'));
      const first = await step(flavour, { 'junit-path': join(dir, 'junit') }, returns(report()));
      expect(first.calls).toEqual([]);
      expect(first.port.of('finish')[0]!.message).toContain(
        `cannot write the JUnit file ${join(dir, 'junit')} (EISDIR`,
      );
      const port = fakePort(flavour, {}, freshDir());
      port.summaryPath = join(dir, 'junit');
      const second = await step(flavour, {}, returns(report()), { port });
      expect(second.calls).toEqual([]);
      expect(port.of('finish')[0]!.message).toContain(
        `cannot write the step summary ${join(dir, 'junit')} (EISDIR`,
      );
    });

    it('replaces a symlink planted at the report path instead of writing through it', async () => {
      const dir = freshDir();
      const target = join(dir, 'precious.txt');
      writeFileSync(target, 'keep me');
      mkdirSync(join(dir, 'imds-check'));
      const { symlinkSync } = await import('node:fs');
      symlinkSync(target, join(dir, 'imds-check', 'report.json'));
      const { port } = await step(flavour, {}, returns(report()), { temp: dir });
      expect(readFileSync(target, 'utf8')).toBe('keep me');
      const written = port.outputs()['report-path']!;
      expect(lstatSync(written).isSymbolicLink()).toBe(false);
      expect(JSON.parse(readFileSync(written, 'utf8'))).toMatchObject({ schemaVersion: 1 });
    });

    it('an engine crash fails the step with one line; the stack goes to debug only', async () => {
      const boom = new Error('socket exploded\n    at somewhere (file.js:1:1)');
      const { port } = await step(flavour, {}, async (_o, ctx) => {
        ctx.log.debug('before the crash');
        throw boom;
      });
      expect(port.of('finish')).toEqual([
        { kind: 'finish', verdict: 'failed', message: 'imds-check could not complete: socket exploded' },
      ]);
      const printed = port.events.filter((e) => e.kind !== 'debug');
      expect(JSON.stringify(printed)).not.toContain('    at ');
      expect(port.of('debug').map((e) => e.text)).toEqual(['before the crash', boom.stack]);
      expect(port.of('output')).toEqual([]);
    });

    it('a non-Error throw still gives a one-line failure', async () => {
      const { port } = await step(flavour, {}, async () => {
        throw 'plain string';
      });
      expect(port.of('finish').map((e) => e.message)).toEqual([
        'imds-check could not complete: plain string',
      ]);
    });
  });
});
