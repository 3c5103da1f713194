// The Linux distribution from /etc/os-release (ID and VERSION_ID, as the AMA installer reads them on Python 3.8+)
// judged against the supported list: a listed release passes; a release the page dropped, or one older than
// the oldest listed of its family, fails; any other unlisted release of a known family warns (the list may be
// older than the release, though the installer will probably refuse it); a distribution on no list fails.
import { clip } from '../../neutralise.js';
import { failed, passed, warned, type Part } from './part.js';
import { familyOf, type LinuxFamily, type LinuxRelease, type Listed } from './supported-os.js';

export interface OsRelease {
  id: string;
  versionId: string;
  prettyName: string;
  idLike: string;
}

/** KEY=value lines, values optionally quoted (os-release(5)); unknown keys are ignored. */
export function parseOsRelease(text: string): OsRelease {
  const values = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line);
    if (!m) continue;
    const raw = m[2]!.trim();
    const quoted = /^(["'])(.*)\1$/.exec(raw);
    values.set(m[1]!, clip(quoted ? quoted[2]!.replace(/\\(["'$`\\])/g, '$1') : raw, 80));
  }
  return {
    id: values.get('ID') ?? '',
    versionId: values.get('VERSION_ID') ?? '',
    prettyName: values.get('PRETTY_NAME') ?? '',
    idLike: values.get('ID_LIKE') ?? '',
  };
}

/** `22.04` → [22, 4]; null when not dotted numbers. */
export function versionParts(version: string): number[] | null {
  return /^\d{1,6}(\.\d{1,6}){0,3}$/.test(version) ? version.split('.').map(Number) : null;
}

/** Compares from the left; a missing component counts as 0 (`15` is 15.0). */
export function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** A release spec matches when each of its components equals the machine's (`8` matches 8.10). */
const matches = (spec: string, machine: readonly number[]): boolean =>
  (versionParts(spec) ?? [NaN]).every((n, i) => (machine[i] ?? 0) === n);

/** The most specific release of the family that matches. */
function releaseFor(family: LinuxFamily, machine: readonly number[]): LinuxRelease | undefined {
  return family.releases
    .filter((r) => matches(r.version, machine))
    .sort((a, b) => b.version.length - a.version.length)[0];
}

export interface LinuxOs {
  part: Part;
  /** How the release stands for Arm64; null when no release of the list matched. */
  arm64: Listed | null;
  /** The release as messages name it. */
  name: string;
}

const ITEM = 'Operating system';

export function judgeLinux(os: OsRelease): LinuxOs {
  const found = `${os.prettyName || '(no PRETTY_NAME)'} (ID=${os.id || '?'}, VERSION_ID=${os.versionId || '?'})`;
  const family = familyOf(os.id);
  if (!family) {
    const like = os.idLike ? `; derivatives (ID_LIKE ${os.idLike}) are not on it either` : '';
    const name = os.prettyName || os.id || 'this distribution';
    return {
      part: failed('ama_os_unsupported', `${name} is not a distribution on AMA's supported list${like}`, [
        ITEM,
        found,
        'not supported',
      ]),
      arm64: null,
      name,
    };
  }
  const name = `${family.name} ${os.versionId || '(no version)'}`;
  const machine = versionParts(os.versionId);
  if (!machine) {
    return {
      part: warned('ama_os_unknown', `${name}: the version cannot be compared with the list`, [
        ITEM,
        found,
        'version unknown',
      ]),
      arm64: null,
      name,
    };
  }
  const dropped = family.dropped?.find((d) => matches(d.version, machine));
  if (dropped)
    return {
      part: failed('ama_os_unsupported', `${name} is not supported: ${dropped.reason}`, [
        ITEM,
        found,
        'not supported',
      ]),
      arm64: null,
      name,
    };
  const release = releaseFor(family, machine);
  if (release?.x64 === 'listed') {
    const note = release.note ? ` (${release.note})` : '';
    return {
      part: passed(`${name} is supported${note}`, [ITEM, found, 'supported']),
      arm64: release.arm64,
      name,
    };
  }
  if (release) {
    return {
      part: warned(
        'ama_os_unknown',
        `${name} is not on Microsoft's list: ${release.note ?? 'installer list only'}`,
        [ITEM, found, "installer's list only"],
      ),
      arm64: release.arm64,
      name,
    };
  }
  const listed = [...family.releases.map((r) => r.version), ...(family.dropped ?? []).map((d) => d.version)];
  const oldest = listed.map((v) => versionParts(v)!).sort(compareVersions)[0];
  const shownList = family.releases.map((r) => r.version).join(', ') || 'none';
  if (oldest && compareVersions(machine, oldest) < 0)
    return {
      part: failed(
        'ama_os_unsupported',
        `${name} is older than the oldest ${family.name} release AMA supports (listed: ${shownList})`,
        [ITEM, found, 'not supported'],
      ),
      arm64: null,
      name,
    };
  return {
    part: warned(
      'ama_os_unknown',
      `${name} is not on AMA's supported list (listed ${family.name}: ${shownList})`,
      [ITEM, found, 'not listed'],
    ),
    arm64: null,
    name,
  };
}
