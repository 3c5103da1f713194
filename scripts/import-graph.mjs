// `node scripts/import-graph.mjs [--root src/core] [--layers FILE.json] [--json]`: the import graph of the engine, as ESLint's
// layer rule (eslint.config.js) sees it. Every import counts: static, `import type`, `export … from`, dynamic
// `import()`, `import('…').T` in a type, and `declare module '…'` (a check adding to a shared interface).
// Prints the cycles (strongly connected files), the arrows that run back up the layer list, and the number of
// floors (the longest chain of imports); exits 1 when there is a cycle or a back-arrow.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The engine's layers, lowest first: a file may import its own layer and those below, never one above. Within
 * `checks`, a check folder may not import another check folder: checks meet only through their findings.
 * Patterns are paths under src/core; `*` is one path segment, a trailing `/` a whole folder.
 */
export const CORE_LAYERS = [
  ['vocabulary', ['types.ts', 'context.ts', 'neutralise.ts', 'shapes.ts', 'urls.ts', 'clouds.ts']],
  ['transport', ['imds/', 'proxy/']],
  ['modes', ['modes/']],
  ['pipeline', ['pipeline/']],
  ['checks', ['checks/']],
  ['registry', ['registry.ts']],
  [
    'engine',
    [
      'contract.ts',
      'options.ts',
      'outputs.ts',
      'codes.ts',
      'remedies.ts',
      'run-probe.ts',
      'policy.ts',
      'render/',
    ],
  ],
  ['fleet', ['fleet/']],
  ['surface', ['index.ts']],
];

const posix = (p) => p.split(sep).join('/');

function listTs(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listTs(path));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** Every module specifier a file names, with how: 'import', 'type', 'dynamic', 'augment'. */
export function specifiersOf(text, fileName = 'file.ts') {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found = [];
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      const typeOnly = ts.isImportDeclaration(node) ? node.importClause?.isTypeOnly : node.isTypeOnly;
      found.push({ spec: node.moduleSpecifier.text, kind: typeOnly ? 'type' : 'import' });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const arg = node.arguments[0];
      if (arg && ts.isStringLiteralLike(arg)) found.push({ spec: arg.text, kind: 'dynamic' });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      found.push({ spec: node.argument.literal.text, kind: 'type' });
    } else if (ts.isModuleDeclaration(node) && ts.isStringLiteral(node.name)) {
      found.push({ spec: node.name.text, kind: 'augment' });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** A relative specifier as the file it names (`./x.js` → x.ts, `./dir` → dir/index.ts), or null. */
function resolveSpecifier(from, spec, files) {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  for (const candidate of [base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts')]) {
    if (files.has(candidate)) return candidate;
  }
  return null;
}

/** { files: relative paths, edges: Map<file, [{ to, kind }]> } for every .ts file under `root`. */
export function importGraph(root = join(ROOT, 'src', 'core')) {
  const absolute = listTs(root);
  const files = new Set(absolute);
  const edges = new Map();
  for (const file of absolute) {
    const name = posix(relative(root, file));
    const list = [];
    for (const { spec, kind } of specifiersOf(readFileSync(file, 'utf8'), file)) {
      const to = resolveSpecifier(file, spec, files);
      if (to) list.push({ to: posix(relative(root, to)), kind });
    }
    edges.set(name, list);
  }
  return { files: [...edges.keys()].sort(), edges };
}

/** Strongly connected groups of more than one file, or a file importing itself (Tarjan). */
export function findCycles(graph) {
  let index = 0;
  const stack = [];
  const state = new Map();
  const cycles = [];
  const connect = (v) => {
    const s = { index, low: index, onStack: true };
    index += 1;
    state.set(v, s);
    stack.push(v);
    for (const { to } of graph.edges.get(v) ?? []) {
      const t = state.get(to);
      if (!t) {
        connect(to);
        s.low = Math.min(s.low, state.get(to).low);
      } else if (t.onStack) s.low = Math.min(s.low, t.index);
    }
    if (s.low === s.index) {
      const group = [];
      let w;
      do {
        w = stack.pop();
        state.get(w).onStack = false;
        group.push(w);
      } while (w !== v);
      const selfLoop = (graph.edges.get(v) ?? []).some((e) => e.to === v);
      if (group.length > 1 || selfLoop) cycles.push(group.sort());
    }
  };
  for (const file of graph.files) if (!state.has(file)) connect(file);
  return cycles;
}

const matches = (file, pattern) =>
  pattern.endsWith('/')
    ? file.startsWith(pattern)
    : new RegExp(`^${pattern.replace(/\./g, '\\.').replace(/\*/g, '[^/]+')}$`).test(file);

/** The index of the layer a file belongs to, or -1 when the list does not place it. */
export function layerOf(file, layers = CORE_LAYERS) {
  return layers.findIndex(([, patterns]) => patterns.some((p) => matches(file, p)));
}

/** The check folder a file is in (`checks/ama/x.ts` → `ama`), or null. */
const checkFolder = (file) => /^checks\/([^/]+)\//.exec(file)?.[1] ?? null;

/** Arrows that run back up: to a higher layer, or from one check folder into another. Also unplaced files. */
export function backArrows(graph, layers = CORE_LAYERS) {
  const arrows = [];
  const unplaced = graph.files.filter((f) => layerOf(f, layers) < 0);
  for (const [from, list] of graph.edges) {
    for (const { to, kind } of list) {
      const [a, b] = [layerOf(from, layers), layerOf(to, layers)];
      const sibling = checkFolder(from) && checkFolder(to) && checkFolder(from) !== checkFolder(to);
      if ((a >= 0 && b > a) || sibling) arrows.push({ from, to, kind });
    }
  }
  return { arrows, unplaced };
}

/** The number of floors: files on the longest chain of imports (cycles counted as one floor). */
export function floors(graph) {
  const group = new Map();
  for (const [i, cycle] of findCycles(graph).entries()) for (const f of cycle) group.set(f, `cycle${i}`);
  const key = (f) => group.get(f) ?? f;
  const memo = new Map();
  const depth = (f, seen = new Set()) => {
    const k = key(f);
    if (memo.has(k)) return memo.get(k);
    if (seen.has(k)) return 0;
    seen.add(k);
    let best = 0;
    for (const member of graph.files.filter((x) => key(x) === k))
      for (const { to } of graph.edges.get(member) ?? [])
        if (key(to) !== k) best = Math.max(best, depth(to, seen));
    memo.set(k, best + 1);
    return best + 1;
  };
  return Math.max(0, ...graph.files.map((f) => depth(f)));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--root');
  const root = at >= 0 ? resolve(args[at + 1]) : join(ROOT, 'src', 'core');
  const layersAt = args.indexOf('--layers');
  const layers = layersAt >= 0 ? JSON.parse(readFileSync(args[layersAt + 1], 'utf8')) : CORE_LAYERS;
  const graph = importGraph(root);
  const cycles = findCycles(graph);
  const { arrows, unplaced } = backArrows(graph, layers);
  const edgeCount = [...graph.edges.values()].reduce((n, l) => n + l.length, 0);
  const result = {
    files: graph.files.length,
    imports: edgeCount,
    floors: floors(graph),
    cycles,
    backArrows: arrows,
    unplaced,
  };
  if (args.includes('--json')) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else {
    const lines = [
      `${result.files} files, ${edgeCount} imports, ${result.floors} floors`,
      `${cycles.length} cycles${cycles.map((c) => `\n  ${c.join(' ↔ ')}`).join('')}`,
      `${arrows.length} back-arrows${arrows.map((a) => `\n  ${a.from} → ${a.to} (${a.kind})`).join('')}`,
      `${unplaced.length} files outside the layer list${unplaced.map((f) => `\n  ${f}`).join('')}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  process.exitCode = cycles.length + arrows.length + unplaced.length > 0 ? 1 : 0;
}
