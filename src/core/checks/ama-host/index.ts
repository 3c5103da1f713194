// The ama-host check (ama: true, after token): will the Azure Monitor Agent install and run on this machine?
// Its operating system against AMA's supported list, its CPU architecture, and the free space where AMA keeps
// its cache. Everything is read through the runtime context (ctx.fs, ctx.system), so a test plays any machine.
import { finish, skip, type CheckModule } from '../../pipeline/check.js';
import { wholeNumber, type InputGroup } from '../../pipeline/input-spec.js';
import type { OutputSpec } from '../../pipeline/output-spec.js';
import { remedyFor } from '../../pipeline/remedy-lookup.js';
import type { Run } from '../../pipeline/run-state.js';
import type { Finding, Verdict } from '../../types.js';
import { judgeArch } from './arch.js';
import { judgeDisk, type DiskFacts } from './disk.js';
import { AMA_HOST_REMEDIES, type AmaHostCode } from './host-codes.js';
import { machineOs } from './machine-os.js';
import type { Part } from './part.js';
import { SUPPORTED_OS_SOURCE, SUPPORTED_OS_SOURCE_SHORT } from './supported-os.js';

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
    shape: (value) => /^(pass|warn|fail|skipped)$/.test(value),
    value: (report) => {
      const check = report.checks.find((c) => c.id === 'ama-host');
      return !check || check.status === 'skip' ? 'skipped' : check.status;
    },
  },
];

const RANK = { pass: 0, warn: 1, fail: 2 } as const;

/** The worst part decides; its code names the check, the fixes of the other codes go first. */
function verdictOf(run: Run, parts: Part[], disk: DiskFacts, os: string): Verdict {
  const worst = parts.reduce((a, b) => (RANK[b.status] > RANK[a.status] ? b : a));
  const clauses = parts.map((p) => p.says).join('; ');
  const lead =
    worst.status === 'pass'
      ? 'AMA can be installed here'
      : worst.status === 'warn'
        ? 'AMA may not install here'
        : 'AMA will not install or run here';
  const others = [
    ...new Set(parts.filter((p) => p.code !== 'ok' && p.code !== worst.code).map((p) => p.code)),
  ];
  const remedyContext = { profile: run.target.profile, platform: run.ctx.platform, spell: run.ctx.spell };
  const hint = others
    .map((code) => `For ${code}: ${remedyFor(code, remedyContext, AMA_HOST_REMEDIES)}`)
    .join(' ');
  return {
    status: worst.status,
    code: worst.code,
    message: `${lead}: ${clauses}.`,
    ...(hint ? { hint } : {}),
    details: [
      {
        title: 'Host',
        columns: ['Item', 'Found', 'Verdict'],
        rows: [...parts.map((p) => p.row), ['Supported list', SUPPORTED_OS_SOURCE_SHORT, '']],
      },
    ],
    data: {
      os,
      parts: parts.map((p) => ({ item: p.row[0], status: p.status, code: p.code })),
      disk: {
        folder: disk.folder,
        measuredAt: disk.measuredAt,
        freeBytes: disk.freeBytes,
        requiredBytes: disk.requiredBytes,
      },
      supportedList: SUPPORTED_OS_SOURCE,
    },
  };
}

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
    const os = await machineOs(run.ctx);
    const arch = judgeArch(run.ctx.system.machine(), os.arm64, os.name);
    const disk = await judgeDisk(run.ctx, run.target.profile.mode, run.options.amaMinFreeGb);
    const verdict = verdictOf(run, [os.part, arch, disk.part], disk.facts, os.name);
    return { check: finish(run, amaHostCheck, startedAt, verdict), os: os.name, disk: disk.facts };
  },
};
