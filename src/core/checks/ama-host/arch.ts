// The CPU architecture of the kernel (os.machine(), not Node's own process arch: a 32-bit Node on a 64-bit system
// must not fail the machine). AMA runs on x64 everywhere; on Arm64 only where its list marks the OS release.
import { clip } from '../../neutralise.js';
import { failed, passed, warned, type Part } from './part.js';
import type { Listed } from './supported-os.js';

export type Arch = 'x64' | 'arm64' | 'x86' | 'arm' | 'other';

export function archOf(machine: string): Arch {
  const m = machine.toLowerCase();
  if (m === 'x86_64' || m === 'amd64' || m === 'x64') return 'x64';
  if (m === 'aarch64' || m === 'arm64' || m.startsWith('armv8')) return 'arm64';
  if (/^(i[3-6]86|x86)$/.test(m)) return 'x86';
  if (m.startsWith('arm')) return 'arm';
  return 'other';
}

const ITEM = 'Architecture';

/**
 * `arm64` says how the OS release stands for Arm64 (null: the OS itself is not on the list, so its verdict
 * already says so). `osName` names the release in messages.
 */
export function judgeArch(machine: string, arm64: Listed | null, osName: string): Part {
  const arch = archOf(machine);
  const found = `${clip(machine, 40) || '(unknown)'} (${arch})`;
  if (arch === 'x64') return passed(`on x64`, [ITEM, found, 'supported']);
  if (arch === 'arm64') {
    if (arm64 === 'listed')
      return passed(`on Arm64, which the list marks for it`, [ITEM, found, 'supported']);
    if (arm64 === 'installer')
      return warned(
        'ama_os_unknown',
        `Microsoft's list does not mark ${osName} for Arm64, though the installer's own list does`,
        [ITEM, found, "installer's list only"],
      );
    if (arm64 === 'no')
      return failed('ama_arch_unsupported', `${osName} is supported on x64 only, not on Arm64`, [
        ITEM,
        found,
        'not supported',
      ]);
    return passed(`on Arm64`, [ITEM, found, 'see the OS verdict']);
  }
  const what = arch === 'x86' || arch === 'arm' ? `a 32-bit ${arch} system` : `a ${clip(machine, 40)} system`;
  return failed('ama_arch_unsupported', `${what}; AMA runs on x64 and Arm64 only`, [
    ITEM,
    found,
    'not supported',
  ]);
}
