// The baseline section (`npm run bench -- --baseline DIR`): this build's doors against another build's, both
// measured in the same interleaved rounds on the same Node and address. Across sessions the floor itself moves
// (another CPU, another kernel), so "did start-up get worse" is answered only by measuring both builds together.
// Pure functions over measured data; every change is printed as measured.
import { formatMiB, formatSeconds } from './stats.mjs';
import { markdownTable } from './table.mjs';

const DOOR_NAMES = { cli: 'CLI', action: 'Action', ado: 'task' };

/** "+3.1%" / "-0.4%": this build's median against the baseline's. */
export function changeText(now, before) {
  const change = (now / before - 1) * 100;
  return `${change >= 0 ? '+' : ''}${change.toFixed(1)}%`;
}

/** One row per door of each group that measured both builds. */
export function baselineRows(groups) {
  return groups.flatMap((group) =>
    Object.keys(DOOR_NAMES)
      .filter((id) => group.doors[id] && group.baseline?.[id])
      .map((id) => {
        const now = group.doors[id];
        const before = group.baseline[id];
        const floor = group.floor.wall.median;
        return {
          runtime: group.runtime,
          place: group.place,
          door: DOOR_NAMES[id],
          before: before.wall.median,
          now: now.wall.median,
          time: changeText(now.wall.median, before.wall.median),
          ratios: `${(before.wall.median / floor).toFixed(2)}× → ${(now.wall.median / floor).toFixed(2)}×`,
          memory:
            now.peak && before.peak
              ? `${formatMiB(before.peak.median)} → ${formatMiB(now.peak.median)} (${changeText(now.peak.median, before.peak.median)})`
              : 'n/a',
        };
      }),
  );
}

/** The lines `npm run bench` prints on stdout with --baseline: one per runtime, address and door. */
export function baselineSummaryLines(groups) {
  return baselineRows(groups).map(
    (r) =>
      `${r.runtime}, ${r.place}: ${r.door} ${formatSeconds(r.now)} s vs baseline ${formatSeconds(r.before)} s (${r.time}; floor ratio ${r.ratios})`,
  );
}

/** `name`: how the baseline build is identified (its commit when it is a git checkout). */
export function renderBaseline(groups, name) {
  const rows = baselineRows(groups);
  if (rows.length === 0) return '';
  return [
    `## Start-up against a baseline build (${name})`,
    '',
    `Generated with \`--baseline\`: the CLI, Action and task of ${name} ran in the same interleaved rounds as this build's, with the same inputs, Node and address, so the change below is not the machine's drift between sessions. A change of a few percent is within this machine's noise; compare the floor ratios of the start-up table.`,
    '',
    markdownTable(
      [
        'runtime',
        'address',
        'front door',
        'median s (baseline → this build)',
        'change',
        'time vs floor',
        'peak RSS MiB',
      ],
      rows.map((r) => [
        r.runtime,
        r.place,
        r.door,
        `${formatSeconds(r.before)} → ${formatSeconds(r.now)}`,
        r.time,
        r.ratios,
        r.memory,
      ]),
    ),
    '',
  ].join('\n');
}
