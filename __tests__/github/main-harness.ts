// Runs main.ts with a fake ActionsIo, a fake engine, fake renderers and a fake report writer.
import {
  type ProbeOptions,
  type ProbeOutcome,
  type Report,
  type RuntimeContext,
} from '../../src/core/index.js';
import { main, type MainDeps } from '../../src/github/main.js';
import { fakeIo, type FakeIo } from './fakes.js';

export const TOKEN = 'eyJ0eXAiOiJKV1QifQ.eyJvaWQiOiJvIn0.c2lnbmF0dXJlLXZhbHVl';

export interface Run {
  io: FakeIo;
  probeCalls: { options: ProbeOptions; ctx: RuntimeContext }[];
  reportCalls: { reportPath: string; junitPath: string; defaultDir: string }[];
}

export type Probe = (options: ProbeOptions, ctx: RuntimeContext) => Promise<ProbeOutcome>;

export async function run(
  inputs: Record<string, string>,
  probe: Probe,
  extra: Partial<MainDeps> = {},
): Promise<Run> {
  const io = fakeIo(inputs);
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
    renderMarkdown: (r) => `MD result=${r.result}`,
    env: { RUNNER_TEMP: '/runner/temp', PATH: '/bin' },
    tmpDir: '/os/tmp',
    ...extra,
  });
  return { io, probeCalls, reportCalls };
}

export const returns =
  (r: Report, accessToken: string | null = null): Probe =>
  async () => ({ report: r, accessToken });

/** The engine's behaviour: register the token the moment it arrives, log some debug, return it. */
export const engineWithToken =
  (r: Report): Probe =>
  async (_options, ctx) => {
    ctx.log.debug('token request 200');
    ctx.registerSecret(TOKEN);
    return { report: r, accessToken: TOKEN };
  };
