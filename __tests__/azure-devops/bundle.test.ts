// Agent-faithful runs of the committed bundle (dist/azure-devops/index.js) on Node 20 and Node 24 against the
// emulator on loopback: result, output variables, summary, masks first, and the token nowhere it should not be.
import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  startEmulator,
  SYSTEM_IDENTITY,
  TENANT_ID,
  USER_IDENTITY_1,
  VM_ID,
  type Emulator,
} from '../../src/emulator/index.js';
import {
  agentEnvironment,
  closedLoopbackPort,
  countingListener,
  nodeBinaries,
  repoRoot,
  runAgentTask,
  scratchDir,
  type AgentRun,
  type TaskInputSpec,
} from './agent-harness.js';

const task = JSON.parse(readFileSync(join(repoRoot, 'task.json'), 'utf8')) as { inputs: TaskInputSpec[] };
const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

interface Scenario {
  scenario?: string; // emulator scenario; none means a closed loopback port
  inputs?: Record<string, string>;
  agentVariables?: Record<string, string>;
}
interface Outcome {
  run: AgentRun;
  tokens: string[];
  requests: number;
  vars: Record<string, { value: string; isOutput: string; issecret: string }>;
  result: string;
  resultMessage: string;
}

async function runScenario(node: string, s: Scenario): Promise<Outcome> {
  const tempDir = scratchDir('ado-bundle-');
  scratch.push(tempDir);
  let emulator: Emulator | null = null;
  try {
    emulator = s.scenario
      ? await startEmulator({ scenario: s.scenario, mode: 'vm', host: '127.0.0.1', port: 0 })
      : null;
    const endpoint = emulator ? emulator.url : `http://127.0.0.1:${await closedLoopbackPort()}`;
    const env = agentEnvironment(
      task.inputs,
      { endpoint, timeoutSeconds: '20', ...s.inputs },
      node,
      tempDir,
      s.agentVariables,
    );
    const run = await runAgentTask(node, env, tempDir);
    const vars: Outcome['vars'] = {};
    for (const c of run.commands.filter((cmd) => cmd.name === 'task.setvariable')) {
      vars[c.properties['variable']!] = {
        value: c.message,
        isOutput: c.properties['isOutput']!,
        issecret: c.properties['issecret']!,
      };
    }
    const completes = run.commands.filter((c) => c.name === 'task.complete');
    expect(completes).toHaveLength(1);
    return {
      run,
      tokens: emulator ? [...emulator.issuedTokens] : [],
      requests: emulator ? emulator.requests.length : 0,
      vars,
      result: completes[0]!.properties['result']!,
      resultMessage: completes[0]!.message,
    };
  } finally {
    await emulator?.close();
  }
}

const reportFile = (o: Outcome): string => join(o.run.tempDir, '_temp', 'imds-check', 'report.json');

/** The token appears only in setsecret lines (and the exposed variable), and a setsecret line comes first. */
function expectTokenConfined(o: Outcome, exposed: boolean): void {
  expect(o.tokens.length).toBeGreaterThan(0);
  for (const token of o.tokens) {
    const carrying = o.run.lines.map((text, i) => ({ text, i })).filter((l) => l.text.includes(token));
    const allowed = (text: string): boolean =>
      text === `##vso[task.setsecret]${token}` ||
      (exposed &&
        text.startsWith('##vso[task.setvariable variable=accessToken;isOutput=true;issecret=true;]'));
    expect(carrying.filter((l) => !allowed(l.text)).map((l) => l.text)).toEqual([]);
    const maskAt = o.run.lines.indexOf(`##vso[task.setsecret]${token}`);
    expect(maskAt).toBeGreaterThanOrEqual(0);
    // Everything before the mask is task-lib's own debug output (hidden unless system.debug) or other masks.
    const before = o.run.lines
      .slice(0, maskAt)
      .filter((l) => !l.startsWith('##vso[task.debug]') && !l.startsWith('##vso[task.setsecret]'));
    expect(before).toEqual([]);
    expect(o.run.stderr).not.toContain(token);
    expect(readFileSync(reportFile(o), 'utf8')).not.toContain(token);
    for (const summary of o.run.commands.filter((c) => c.name === 'task.uploadsummary')) {
      expect(readFileSync(summary.message, 'utf8')).not.toContain(token);
    }
  }
}

function expectNoStackTrace(o: Outcome): void {
  const visible = o.run.lines.filter((l) => !l.startsWith('##vso[task.debug]'));
  expect(visible.filter((l) => /^\s+at .+(:\d+:\d+\)?)$/.test(l))).toEqual([]);
  expect(o.run.stderr).toBe('');
}

function expectSummaryOnce(o: Outcome): void {
  const uploads = o.run.commands.filter(
    (c) =>
      c.name === 'task.uploadsummary' ||
      (c.name === 'task.addattachment' && c.properties['type'] === 'Distributedtask.Core.Summary'),
  );
  expect(uploads).toHaveLength(1);
  const summary = readFileSync(uploads[0]!.message, 'utf8');
  const report = JSON.parse(readFileSync(reportFile(o), 'utf8')) as {
    checks: { id: string; title: string }[];
  };
  expect(report.checks.map((c) => c.id)).toEqual(['environment', 'reachability', 'metadata', 'token']);
  for (const check of report.checks) expect(summary).toContain(check.title);
}

const nodes = nodeBinaries();

describe.each(nodes)('task bundle on $label', ({ path: node }) => {
  it('the bundle exists (run `npm run bundle -- azure-devops`)', () => {
    expect(existsSync(join(repoRoot, 'dist', 'azure-devops', 'index.js'))).toBe(true);
  });

  it('healthy VM, system identity: Succeeded, every output variable, JUnit, token masked first and nowhere else', async () => {
    const junitDir = scratchDir('ado-junit-');
    scratch.push(junitDir);
    const junit = join(junitDir, 'results', 'imds.xml');
    const o = await runScenario(node, { scenario: 'healthy', inputs: { junitPath: junit } });
    expect(o.result).toBe('Succeeded');
    const junitXml = readFileSync(junit, 'utf8');
    expect(junitXml.match(/<testcase /g)).toHaveLength(4);
    for (const token of o.tokens) expect(junitXml).not.toContain(token);
    expect(o.vars).toMatchObject({
      result: { value: 'pass', isOutput: 'true', issecret: 'false' },
      reachable: { value: 'true' },
      mode: { value: 'vm' },
      metadataStatus: { value: '200' },
      tokenStatus: { value: '200' },
      vmId: { value: VM_ID },
      principalId: { value: SYSTEM_IDENTITY.objectId },
      tenantId: { value: TENANT_ID },
      reportPath: { value: reportFile(o) },
    });
    expect(Object.values(o.vars).every((v) => v.isOutput === 'true')).toBe(true);
    expect(o.vars['accessToken']).toBeUndefined();
    expect(o.vars['tokenExpiresOn']!.value).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expectTokenConfined(o, false);
    expectSummaryOnce(o);
    expectNoStackTrace(o);
    expect(o.run.exitCode).toBe(0);
  });

  it('exposeToken: accessToken is a secret output variable carrying the masked token', async () => {
    const o = await runScenario(node, { scenario: 'healthy', inputs: { mode: 'vm', exposeToken: 'true' } });
    expect(o.result).toBe('Succeeded');
    expect(o.vars['accessToken']).toEqual({
      value: o.tokens[o.tokens.length - 1],
      isOutput: 'true',
      issecret: 'true',
    });
    expectTokenConfined(o, true);
  });

  it('user-assigned identity by clientId: the token is for that identity', async () => {
    const o = await runScenario(node, {
      scenario: 'healthy',
      inputs: { mode: 'vm', identity: 'user', clientId: USER_IDENTITY_1.clientId },
    });
    expect(o.result).toBe('Succeeded');
    expect(o.vars['principalId']!.value).toBe(USER_IDENTITY_1.objectId);
    expectTokenConfined(o, false);
  });

  it.each([
    ['error', 'Failed'],
    ['unreachable', 'SucceededWithIssues'],
    ['never', 'SucceededWithIssues'],
  ])('identity not found with failOn %s: %s', async (failOn, expected) => {
    const o = await runScenario(node, { scenario: 'no-identity', inputs: { mode: 'vm', failOn } });
    expect(o.result).toBe(expected);
    expect(o.vars).toMatchObject({
      result: { value: 'fail' },
      reachable: { value: 'true' },
      metadataStatus: { value: '200' },
      tokenStatus: { value: '400' },
    });
    expect(
      o.run.commands.filter((c) => c.name === 'task.issue' && c.properties['type'] === 'error').length,
    ).toBeGreaterThan(0);
    expectSummaryOnce(o);
    expectNoStackTrace(o);
  });

  it.each([
    ['error', 'Failed'],
    ['unreachable', 'Failed'],
    ['never', 'SucceededWithIssues'],
  ])('unreachable (closed loopback port) with failOn %s: %s', async (failOn, expected) => {
    const o = await runScenario(node, { inputs: { mode: 'vm', failOn } });
    expect(o.result).toBe(expected);
    expect(o.vars).toMatchObject({
      result: { value: 'fail' },
      reachable: { value: 'false' },
      metadataStatus: { value: 'refused' },
      tokenStatus: { value: 'refused' },
    });
    expectSummaryOnce(o);
    expectNoStackTrace(o);
  });

  it.each([
    [{ exposeToken: 'yes' }, 'exposeToken'],
    [{ identity: 'system', clientId: USER_IDENTITY_1.clientId }, 'clientId'],
    [{ timeoutSeconds: 'soon' }, 'timeoutSeconds'],
  ])('invalid input %p: Failed naming %s, even with failOn never, nothing sent', async (inputs, name) => {
    const o = await runScenario(node, { scenario: 'healthy', inputs: { failOn: 'never', ...inputs } });
    expect(o.result).toBe('Failed');
    expect(o.resultMessage).toContain(`'${name}'`);
    expect(o.resultMessage).not.toContain('\n');
    expect(o.requests).toBe(0);
    expect(o.vars).toEqual({});
    expectNoStackTrace(o);
  });

  /** Runs the healthy scenario with the agent proxy set to a counting listener; returns what the proxy saw. */
  async function behindAgentProxy(bypass: string[]): Promise<{ o: Outcome; proxied: number }> {
    const proxy = await countingListener();
    try {
      const o = await runScenario(node, {
        scenario: 'healthy',
        inputs: { mode: 'vm' },
        // How the agent hands its proxy to tasks; task-lib's getHttpProxyConfiguration reads these.
        agentVariables: {
          AGENT_PROXYURL: `http://127.0.0.1:${proxy.port}`,
          AGENT_PROXYBYPASSLIST: JSON.stringify(bypass),
        },
      });
      return { o, proxied: proxy.connections() };
    } finally {
      await proxy.close();
    }
  }

  it('agent proxy without an IMDS bypass: SucceededWithIssues with the proxy warning, and the proxy sees nothing', async () => {
    const { o, proxied } = await behindAgentProxy(['example\\.com']);
    expect(o.result).toBe('SucceededWithIssues');
    expect(o.vars['result']!.value).toBe('warn');
    expect(o.vars['tokenStatus']!.value).toBe('200');
    const warnings = o.run.commands.filter(
      (c) => c.name === 'task.issue' && c.properties['type'] === 'warning',
    );
    expect(warnings.some((w) => w.message.includes('proxy_without_imds_bypass'))).toBe(true);
    expect(o.requests).toBeGreaterThan(0);
    expect(proxied).toBe(0);
    expectTokenConfined(o, false);
  });

  it('agent proxy whose bypass list covers IMDS: Succeeded, and the proxy still sees nothing', async () => {
    const { o, proxied } = await behindAgentProxy(['169\\.254\\.169\\.254']);
    expect(o.result).toBe('Succeeded');
    expect(o.vars['result']!.value).toBe('pass');
    expect(o.requests).toBeGreaterThan(0);
    expect(proxied).toBe(0);
  });
});
