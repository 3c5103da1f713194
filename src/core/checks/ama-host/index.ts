// The ama-host check (ama: true, after token): will the Azure Monitor Agent install and run on this machine?
// Its operating system against AMA's supported list, its CPU architecture, and the free space where AMA keeps
// its cache. Everything is read through the runtime context (ctx.fs, ctx.system), so a test plays any machine.
import { finish, skip, type CheckModule } from '../../pipeline/check.js';
import { wholeNumber, type InputGroup } from '../../pipeline/input-spec.js';
import { checkStatusOutput, isCheckStatusWord, type OutputSpec } from '../../pipeline/output-spec.js';
import type { Finding } from '../../types.js';
import type { DiskFacts } from './disk.js';
import { AMA_HOST_REMEDIES, type AmaHostCode } from './host-codes.js';

export interface AmaHostFinding extends Finding {
  /** The operating system as the verdict named it ('' when the check did not run). */
  os: string;
  disk: DiskFacts | null;
}

export interface AmaHostOptions {
  /** Free space AMA's cache folder needs, in GB of 1024³ bytes (0: not checked). */
  amaMinFreeGb: number;
}

declare module '../../types.js' {
  interface CheckTypes {
    'ama-host': {
      finding: AmaHostFinding;
      codes: AmaHostCode;
      inputs: 'ama-min-free-gb';
      outputs: 'ama-host-status';
    };
  }
  interface ProbeOptions extends AmaHostOptions {}
}

const INPUTS: InputGroup = {
  inputs: [
    {
      name: 'ama-min-free-gb',
      onlyWith: 'ama',
      default: '10',
      cli: {
        value: 'GB',
        help: "with --ama: free space AMA's cache folder needs (default {default}; 0 skips it)",
      },
    },
  ],
  parse: (read): AmaHostOptions => ({
    amaMinFreeGb: wholeNumber('ama-min-free-gb', read.raw('ama-min-free-gb'), 0, 10_000),
  }),
};

const OUTPUTS: readonly OutputSpec[] = [
  {
    name: 'ama-host-status',
    shape: isCheckStatusWord,
    value: (report) => checkStatusOutput(report, 'ama-host'),
  },
];

export const amaHostCheck: CheckModule<'ama-host'> = {
  id: 'ama-host',
  title: 'AMA host requirements',
  wanted: (options) => options.ama,
  inputs: INPUTS,
  outputs: OUTPUTS,
  remedies: AMA_HOST_REMEDIES,
  async run(run) {
    const startedAt = run.ctx.clock.now();
    if (run.budget.expired())
      return {
        check: skip(
          run,
          amaHostCheck,
          `Not attempted: no time left of ${run.ctx.spell.name('timeout-seconds')}.`,
        ),
        os: '',
        disk: null,
      };
    // The lists and judges load only when the check runs (ama: true), so start-up never pays for them.
    const judged = await (await import('./host-run.js')).judgeHost(run);
    return { check: finish(run, amaHostCheck, startedAt, judged.verdict), os: judged.os, disk: judged.disk };
  },
};
