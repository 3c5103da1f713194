// The start-up section (issue 11): each front door against the node:http floor measured on the same Node, at
// the same address, in the same interleaved run. Pure functions over measured data; every ratio comes from
// this run's medians and is printed as measured, never rounded into a pass.
import { formatBytes, formatMiB, formatSeconds, verdict } from './stats.mjs';
import { markdownTable } from './table.mjs';

/** Targets per door, as ratios of the floor's median time and median peak RSS. The task has none. */
export const STARTUP_TARGETS = {
  cli: { time: 1.3, memory: 1.3 },
  'cli-nocache': {},
  action: { time: 2.0, memory: 1.5 },
  ado: {},
};
export const DOORS = [
  { id: 'cli', name: 'CLI', file: 'dist/cli/imds-check.cjs' },
  { id: 'cli-nocache', name: 'CLI without code cache', file: 'dist/cli/imds-check.cjs' },
  { id: 'action', name: 'Action', file: 'dist/index.js' },
  { id: 'ado', name: 'task', file: 'dist/azure-devops/index.js' },
];

/** One ratio against the floor; `target` undefined means context only (met is then undefined). */
function ratioOf(subject, floor, target) {
  if (subject === undefined || floor === undefined) return undefined;
  const v = verdict(subject.median, floor.median, target ?? Infinity);
  return { ratio: v.ratio, target, met: target === undefined ? undefined : v.met };
}

/**
 * Ratios of each door measured in `group` ({ floor, doors: { cli, action, ado } }, each a result with
 * `wall` and `peak` summaries) against the group's floor.
 */
export function startupVerdicts(group) {
  return DOORS.filter((door) => group.doors[door.id]).map((door) => {
    const subject = group.doors[door.id];
    const target = STARTUP_TARGETS[door.id];
    return {
      door,
      subject,
      time: ratioOf(subject.wall, group.floor.wall, target.time),
      memory: ratioOf(subject.peak, group.floor.peak, target.memory),
    };
  });
}

/** "1.42× (≤ 1.3×: NOT met)", or "1.42×" when there is no target. */
export function ratioText(r) {
  if (!r) return 'n/a';
  const ratio = `${r.ratio.toFixed(2)}×`;
  return r.target === undefined ? ratio : `${ratio} (≤ ${r.target}×: ${r.met ? 'met' : 'NOT met'})`;
}

const mib = (summary) => (summary ? formatMiB(summary.median) : 'n/a');

/** The lines `npm run bench` prints on stdout: one per runtime and address. */
export function startupSummaryLines(groups) {
  return groups.map((group) => {
    const parts = startupVerdicts(group).map(
      (v) => `${v.door.name}/floor ${ratioText(v.time)}, memory ${ratioText(v.memory)}`,
    );
    return `${group.runtime}, ${group.place}: floor ${formatSeconds(group.floor.wall.median)} s; ${parts.join('; ')}`;
  });
}

export function renderStartup(groups, sizes) {
  const rows = groups.flatMap((group) =>
    startupVerdicts(group).map((v) => [
      group.runtime,
      group.place,
      v.door.name,
      `${formatSeconds(v.subject.wall.median)} / ${formatSeconds(group.floor.wall.median)}`,
      ratioText(v.time),
      `${mib(v.subject.peak)} / ${mib(group.floor.peak)}`,
      ratioText(v.memory),
    ]),
  );
  const headers = [
    'runtime',
    'address',
    'front door',
    'median s (door / floor)',
    'time ratio',
    'peak RSS MiB (door / floor)',
    'memory ratio',
  ];
  const sizeRows = DOORS.map((door) => [
    door.name,
    `\`${door.file}\``,
    sizes[door.id] === undefined ? 'missing' : formatBytes(sizes[door.id]),
  ]);
  const t = STARTUP_TARGETS;
  return [
    '## Start-up: the front doors against the node:http floor (issue 11)',
    '',
    'Whole cold processes with default inputs. The floor is `scripts/bench/http-floor.cjs`: one CommonJS file that requires only `node:http`, a keep-alive agent, the metadata GET then the token GET, `JSON.parse` of each. Each door is compared with the floor on the same Node, at the same address, in the same interleaved run.',
    '',
    `Targets: CLI time ≤ ${t.cli.time}× and peak memory ≤ ${t.cli.memory}×; Action time ≤ ${t.action.time}× and peak memory ≤ ${t.action.memory}×. The task has no target of its own; its ratios are shown for comparison.`,
    '',
    'The CLI starts through `dist/cli/index.js`, a loader that keeps a V8 code cache of the bundle beside it (written after the first run on a machine, so the measured runs after the warm-ups use it); "CLI without code cache" is the same command with `IMDS_CHECK_CODE_CACHE=0`, every run compiling the bundle as a first run does.',
    '',
    markdownTable(headers, rows),
    '',
    '| front door | bundle | size bytes (entry file) |',
    '| --- | --- | ---: |',
    ...sizeRows.map((r) => `| ${r.join(' | ')} |`),
    '',
  ].join('\n');
}
