// Renders the fault sections of BENCHMARKS.md: this run's loopback faults and, when present, the verdict
// times the network-namespace suite (__tests__/netns) wrote to build/netns-verdicts.json.
import { formatMiB, formatRange, formatSeconds } from './stats.mjs';
import { markdownTable } from './table.mjs';

export function renderFaults(faults, capSeconds) {
  const title = '## Issue 6: time to verdict on loopback faults';
  if (!faults) {
    return `${title}\n\nNot measured in this run (it takes several minutes). Run \`npm run bench -- --faults\`.\n`;
  }
  const rows = [];
  for (const c of faults) {
    for (const r of c.rows) {
      const median = formatSeconds(r.wall.median);
      let time = median;
      if (r.killed === r.wall.n) time = `> ${median} (killed)`;
      else if (r.killed > 0) time = `${median} (${r.killed} of ${r.wall.n} killed)`;
      rows.push([
        c.name,
        r.tool.label,
        String(r.wall.n),
        time,
        r.wall.n > 1 ? formatRange(r.wall, formatSeconds) : '',
        r.peakKiB === undefined ? 'n/a' : formatMiB(r.peakKiB),
        r.verdict,
      ]);
    }
  }
  const headers = [
    'fault',
    'tool',
    'runs',
    'seconds to verdict (median)',
    'min–max',
    'peak RSS MiB (max)',
    'what it said (last run)',
  ];
  return [
    title,
    '',
    `Every run is capped at ${capSeconds} s (curl through its own \`-m 60\`, with a kill 2 s later as a backstop; the others are killed at the cap). Slow faults ran once or a few times, fast ones after one warm-up round. How each fault was made:`,
    '',
    ...faults.map((c) => `- **${c.name}**: ${c.how}.`),
    '',
    markdownTable(headers, rows),
    '',
    "curl's `-m/--max-time` bounds each URL, not the invocation: with both URLs in one command, a silent or trickling server costs up to 60 s per URL, so the 62 s kill comes while curl waits on the second URL. Its first message (after 60 s) is quoted in the last column.",
    '',
    'DROP (connect timeout) and no-route need a network namespace and root, so this script does not produce them. See the next section.',
    '',
  ].join('\n');
}

const show = (value) =>
  value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value ?? '');

/** Array of flat records → table (an `ms` field shown in seconds); anything else → fenced JSON. */
function renderRecords(value) {
  const records =
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((v) => v && typeof v === 'object' && !Array.isArray(v));
  if (!records) return ['```json', JSON.stringify(value, null, 2), '```'].join('\n');
  const keys = [...new Set(value.flatMap((v) => Object.keys(v)))];
  const headers = keys.map((k) => (k === 'ms' ? 'seconds' : k));
  const cellOf = (v, k) => (k === 'ms' && typeof v[k] === 'number' ? formatSeconds(v[k]) : show(v[k]));
  return markdownTable(
    headers,
    value.map((v) => keys.map((k) => cellOf(v, k))),
  );
}

/** `files`: [{ name, mtime, data }] read from build/netns-*.json. The netns suite owns their shape. */
export function renderNetns(files) {
  const title = '## Network-namespace verdicts (measured by `__tests__/netns`, not by this script)';
  if (files.length === 0) {
    return `${title}\n\nNo \`build/netns-*.json\` was present when this file was generated, so the DROP and no-route times are not included. The netns suite (root, \`ip netns\`) writes them.\n`;
  }
  const parts = [
    title,
    '',
    'DROP, no-route and the other cases that need a private network namespace, as that suite recorded them. These runs happened in that suite (its own options and timeouts), not in this benchmark run.',
    '',
  ];
  for (const { name, mtime, data } of files) {
    parts.push(`### \`build/${name}\` (file written ${mtime})`, '');
    if (data && typeof data === 'object' && !Array.isArray(data)) {
      const entries = Object.entries(data);
      const nested = ([, value]) => value !== null && typeof value === 'object';
      for (const [key, value] of entries.filter((e) => !nested(e))) parts.push(`- ${key}: ${show(value)}`);
      parts.push('');
      for (const [, value] of entries.filter(nested)) parts.push(renderRecords(value), '');
    } else {
      parts.push(renderRecords(data), '');
    }
  }
  return parts.join('\n');
}
