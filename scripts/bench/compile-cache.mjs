// `npm run bench -- --compile-cache`: what Node's compile cache (module.enableCompileCache, Node ≥ 22.1) would
// change if a front door enabled it in a small loader before importing its bundle. Nothing ships this: the
// loader exists only in a scratch folder here. Cold = the cache folder is emptied before every run (the first
// run on a fresh machine, which also pays for writing the cache); warm = the folder the earlier runs filled.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatMiB, formatSeconds, verdict } from './stats.mjs';
import { markdownTable } from './table.mjs';
import { ratioText } from './report-startup.mjs';
import { scratchDir } from './tools.mjs';

const LOADER = [
  "import module from 'node:module';",
  '// A failure to enable or to write the cache must never change the run: enableCompileCache reports, not throws.',
  'try { module.enableCompileCache(process.env.IMDS_BENCH_CACHE_DIR); } catch {}',
  'await import(process.env.IMDS_BENCH_ENTRY);',
].join('\n');

/** True when `node --version` output names a Node with module.enableCompileCache. */
export function hasCompileCache(version) {
  const [major, minor] = String(version).replace(/^v/, '').split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 1);
}

/** The cold and warm variants of `tool` (a tools.mjs command run by `nodePath`), loading it via the loader. */
export function compileCacheVariants(tool, bundle) {
  const dir = scratchDir('imds-bench-cc-');
  const loader = join(dir, 'loader.mjs');
  writeFileSync(loader, `${LOADER}\n`);
  const at = tool.args.indexOf(bundle);
  if (at < 0) throw new Error(`${tool.label}: the bundle is not among its arguments`);
  const args = [...tool.args.slice(0, at), loader, ...tool.args.slice(at + 1)];
  const variant = (kind, cacheDir, reset) => ({
    ...tool,
    id: `${tool.id}+cc-${kind}`,
    label: `${tool.label} + compile cache (${kind})`,
    shown: `${tool.shown} via a loader that calls module.enableCompileCache (${kind})`,
    args,
    env: { ...tool.env, IMDS_BENCH_CACHE_DIR: cacheDir, IMDS_BENCH_ENTRY: pathToFileURL(bundle).href },
    prepare: () => {
      tool.prepare?.();
      if (reset) rmSync(cacheDir, { recursive: true, force: true });
      mkdirSync(cacheDir, { recursive: true });
    },
  });
  return [variant('cold', join(dir, 'cold'), true), variant('warm', join(dir, 'warm'), false)];
}

/** rows: [{ door, plain, cold, warm }] with results; floor: the same runtime's loopback floor result. */
export function renderCompileCache(rows, floor, runtime) {
  if (rows.length === 0) return '';
  const line = (door, kind, r) => [
    door,
    kind,
    formatSeconds(r.wall.median),
    ratioText({ ratio: verdict(r.wall.median, floor.wall.median, Infinity).ratio }),
    r.peak ? formatMiB(r.peak.median) : 'n/a',
  ];
  const body = rows.flatMap(({ door, plain, cold, warm }) => [
    line(door, 'bundle as shipped', plain),
    line(door, 'loader + cache, cold', cold),
    line(door, 'loader + cache, warm', warm),
  ]);
  return [
    `## Node's compile cache (${runtime}, measured, not shipped)`,
    '',
    'Each door as shipped, and the same bundle imported by a small loader that first calls `module.enableCompileCache(dir)`. Cold: the cache folder is emptied before every run (what a GitHub runner sees: it deletes `_work/_actions` at the start of every job, self-hosted or not). Warm: the folder filled by earlier runs (an Azure DevOps agent keeps its task folders between jobs; an installed CLI keeps its own folder). Same interleaved run as the start-up table.',
    '',
    markdownTable(['front door', 'variant', 'median s', 'time vs floor', 'peak RSS MiB'], body),
    '',
  ].join('\n');
}
