// Runs main.ts with a fake TaskIo, a fake engine, a fake report writer and stub renderers.
import { afterAll, beforeAll } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProbeOptions, ProbeOutcome, Report, RuntimeContext } from '../../src/core/index.js';
import { main, type MainDeps } from '../../src/azure-devops/main.js';
import { fakeTaskIo, type FakeTaskIo } from './fakes.js';

export const TOKEN = 'eyJ0eXAiOiJKV1QifQ.eyJvaWQiOiJvIn0.c2lnbmF0dXJlLXZhbHVl';
export type Probe = (options: ProbeOptions, ctx: RuntimeContext) => Promise<ProbeOutcome>;

/** A scratch Agent.TempDirectory for the calling test file, removed afterwards. */
export function agentTempDir(): () => string {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ado-main-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return () => dir;
}

export interface Run {
  io: FakeTaskIo;
  probeCalls: { options: ProbeOptions; ctx: RuntimeContext }[];
  reportCalls: { reportPath: string; junitPath: string; defaultDir: string }[];
}

export async function runMain(
  agentTemp: string,
  inputs: Record<string, string | undefined>,
  probe: Probe,
  extra: Partial<MainDeps> = {},
  io = fakeTaskIo(inputs, { 'Agent.TempDirectory': agentTemp }),
): Promise<Run> {
  const probeCalls: Run['probeCalls'] = [];
  const reportCalls: Run['reportCalls'] = [];
  await main({
    io,
    runProbe: async (options, ctx) => {
      probeCalls.push({ options, ctx });
      return probe(options, ctx);
    },
    writeReports: async (_report, paths) => {
      reportCalls.push(paths);
      return {
        reportPath: paths.reportPath || `${paths.defaultDir}/report.json`,
        junitPath: paths.junitPath,
        problems: [],
      };
    },
    renderText: (r) => `TEXT result=${r.result}`,
    renderMarkdown: (r) => `MD result=${r.result} checks=${r.checks.map((c) => c.id).join(',')}`,
    env: { PATH: '/bin' },
    tmpDir: '/os/tmp',
    ...extra,
  });
  return { io, probeCalls, reportCalls };
}

export const returns =
  (r: Report, accessToken: string | null = null): Probe =>
  async () => ({ report: r, accessToken });

/** Like the engine: registers the token the moment it arrives and logs debug lines while running. */
export const engineWithToken =
  (r: Report, token = TOKEN): Probe =>
  async (_options, ctx) => {
    ctx.log.debug('GET /metadata/identity/oauth2/token -> 200');
    ctx.registerSecret(token);
    ctx.log.debug('token received');
    return { report: r, accessToken: token };
  };
