// What one `npm run bench` run measures, as one list of commands (all interleaved in the same rounds) plus the
// groups the report compares: per Node and per address, the floor and each front door.
import { existsSync } from 'node:fs';
import { compileCacheVariants, hasCompileCache } from './compile-cache.mjs';
import * as tools from './tools.mjs';

export const PLACES = { loopback: 'loopback emulator', netns: 'default address (namespace)' };

/** The Node of this process, plus the Node 24 `npm test` keeps, when it is another major version. */
export function runtimesOf(node, node24) {
  const list = [{ key: 'node', label: `Node ${node}`, path: process.execPath, version: node }];
  if (node24 && node24.split('.')[0] !== node.split('.')[0])
    list.push({ key: 'node24', label: `Node ${node24}`, path: tools.NODE24, version: node24 });
  return list;
}

const named = (tool, id, label) => ({ ...tool, id, label });

/** The doors of another build (--baseline DIR) measured in the same rounds: the CLI (with its code cache), Action, task. */
const BASELINE_DOORS = [
  ['cli', tools.cli],
  ['action', tools.githubAction],
  ['ado', tools.azureDevOpsTask],
];

/**
 * url: the loopback emulator; ns: the bench's namespace (or null); runtimes: runtimesOf(); compileCache: add
 * the loader variants on every runtime that has module.enableCompileCache; baseline: another checkout whose
 * built doors run in the same rounds, for a before/after figure that one machine's noise cannot fake.
 */
export function startupPlan({ url, ns, runtimes, compileCache = false, baseline = undefined }) {
  const list = [tools.curl(url)];
  const groups = [];
  const pairs = [];
  const cache = [];
  const doors = [
    ['cli', tools.cli, tools.BUNDLES.cli],
    ['cli-nocache', tools.cliNoCache, tools.BUNDLES.cli],
    ['action', tools.githubAction, tools.BUNDLES.action],
    ['ado', tools.azureDevOpsTask, tools.BUNDLES.ado],
  ].filter(([, , bundle]) => existsSync(bundle));
  for (const rt of runtimes) {
    const at = (tool, place) =>
      named(
        tool,
        `${tool.id}@${rt.key}${place === ns ? '/ns' : ''}`,
        `${tool.label} (${rt.label}${place === ns ? ', default address in a namespace' : ''})`,
      );
    const empty = at(tools.nodeEmpty(rt.path), url);
    const fetch = at(tools.fetchFloor(url, rt.path), url);
    list.push(empty, fetch);
    for (const place of ns ? [url, ns] : [url]) {
      const floor = at(tools.httpFloor(place, rt.path), place);
      const group = { runtime: rt.label, place: place === ns ? PLACES.netns : PLACES.loopback };
      group.floorId = floor.id;
      group.doorIds = {};
      list.push(floor);
      for (const [id, make] of doors) {
        const door = at(make(place, rt.path), place);
        group.doorIds[id] = door.id;
        list.push(door);
        if (
          compileCache &&
          place === url &&
          (id === 'cli' || id === 'action') &&
          hasCompileCache(rt.version)
        ) {
          const bundle = doors.find(([doorId]) => doorId === id)[2];
          const [cold, warm] = compileCacheVariants(door, bundle);
          list.push(cold, warm);
          cache.push({
            runtime: rt.label,
            floorId: floor.id,
            door: id,
            plainId: door.id,
            coldId: cold.id,
            warmId: warm.id,
          });
        }
      }
      if (baseline) {
        group.baselineIds = {};
        for (const [id, make] of BASELINE_DOORS) {
          const base = make(place, rt.path, baseline);
          const door = at({ ...base, id: `${id}-baseline`, label: `${base.label} (baseline build)` }, place);
          group.baselineIds[id] = door.id;
          list.push(door);
        }
      }
      groups.push(group);
      if (place === url)
        pairs.push({ runtime: rt.label, httpId: floor.id, fetchId: fetch.id, emptyId: empty.id });
    }
  }
  return { list, groups, pairs, cache };
}
