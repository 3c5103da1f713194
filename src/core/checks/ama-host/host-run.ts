// The ama-host check's judgement, loaded only when the check runs: the machine's OS, architecture and disk, each
// judged, then put together (the worst part decides; the fixes of the other codes go first).
import { remedyContext, remedyFor } from '../../pipeline/remedy-lookup.js';
import type { Run } from '../../pipeline/run-state.js';
import type { Verdict } from '../../types.js';
import { judgeArch } from './arch.js';
import { judgeDisk, type DiskFacts } from './disk.js';
import { AMA_HOST_REMEDIES } from './host-codes.js';
import { machineOs } from './machine-os.js';
import type { Part } from './part.js';
import { SUPPORTED_OS_SOURCE, SUPPORTED_OS_SOURCE_SHORT } from './supported-os.js';

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
  const hint = others
    .map((code) => `For ${code}: ${remedyFor(code, remedyContext(run), AMA_HOST_REMEDIES)}`)
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

export async function judgeHost(run: Run): Promise<{ verdict: Verdict; os: string; disk: DiskFacts }> {
  const os = await machineOs(run.ctx);
  const arch = judgeArch(run.ctx.system.machine(), os.arm64, os.name);
  const disk = await judgeDisk(run.ctx, run.target.profile.mode, run.options.amaMinFreeGb);
  return {
    verdict: verdictOf(run, [os.part, arch, disk.part], disk.facts, os.name),
    os: os.name,
    disk: disk.facts,
  };
}
