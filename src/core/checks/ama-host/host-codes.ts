// The ama-host check's codes and their fixes (docs/errors.md has the long form of each).
import { setting, type Remedy } from '../../types.js';

export type AmaHostCode = 'ama_os_unsupported' | 'ama_os_unknown' | 'ama_arch_unsupported' | 'ama_disk_low';

export const AMA_HOST_REMEDIES: Readonly<Record<AmaHostCode, Remedy>> = {
  ama_os_unsupported:
    'The Azure Monitor Agent refuses to install on this operating system (the installer exits 51 "Unsupported operating system"). Move the workload to a supported distribution or Windows version (see the list in docs/ama.md), or leave this machine out of the rollout.',
  ama_os_unknown:
    "This operating system is not on Microsoft's supported list, though its family is: the list may be older than the release, but the installer gates on its own copy of the list and will probably refuse it. Test the AMA install on one such machine first, or use a listed version.",
  ama_arch_unsupported:
    'AMA runs on 64-bit x86 (x64) and, for the listed distributions and Windows 11, on Arm64 only; 32-bit systems are not supported. Use an x64 (or a listed Arm64) machine.',
  ama_disk_low: (ctx) =>
    `AMA caches data on local disk (10 GB by default, more while it cannot reach Azure, and twice the agent's size during an upgrade). Free space on the file system named in the message, grow the disk, or lower the cache quota (MaxDiskQuotaInMB in an AgentSettings DCR) and ${setting(ctx, 'ama-min-free-gb')} with it.`,
};
