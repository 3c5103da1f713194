// ESLint rules over the engine's import graph (scripts/import-graph.mjs): `layers/no-cycle` fails a file of
// src/core that is part of an import cycle, `layers/no-back-arrow` one that imports a higher layer or another
// check's folder (or is missing from the layer list). Every import counts, type-only ones included. The graph is
// read from disk once per lint run.
import { relative, sep } from 'node:path';
import { backArrows, CORE_LAYERS, findCycles, importGraph } from './import-graph.mjs';

const graphs = new Map();

/** The graph of the src/core tree the file belongs to, and the file's path in it; null outside one. */
function graphFor(filename) {
  const parts = filename.split(sep);
  const at = parts.lastIndexOf('core');
  if (at < 1 || parts[at - 1] !== 'src') return null;
  const root = parts.slice(0, at + 1).join(sep);
  if (!graphs.has(root)) {
    const graph = importGraph(root);
    graphs.set(root, { graph, cycles: findCycles(graph), arrows: backArrows(graph, CORE_LAYERS) });
  }
  return { ...graphs.get(root), file: relative(root, filename).split(sep).join('/') };
}

const noCycle = {
  meta: { type: 'problem', docs: { description: 'no import cycle in src/core (type-only imports count)' } },
  create(context) {
    return {
      'Program:exit'(node) {
        const found = graphFor(context.filename);
        const cycle = found?.cycles.find((c) => c.includes(found.file));
        if (cycle) context.report({ node, message: `import cycle: ${cycle.join(' ↔ ')}` });
      },
    };
  },
};

const noBackArrow = {
  meta: {
    type: 'problem',
    docs: { description: 'src/core imports only its own layer and those below, never another check folder' },
  },
  create(context) {
    return {
      'Program:exit'(node) {
        const found = graphFor(context.filename);
        if (!found) return;
        if (found.arrows.unplaced.includes(found.file))
          context.report({
            node,
            message: `${found.file} is in no layer of CORE_LAYERS (scripts/import-graph.mjs)`,
          });
        for (const arrow of found.arrows.arrows.filter((a) => a.from === found.file))
          context.report({ node, message: `import runs back up the layers: ${arrow.from} → ${arrow.to}` });
      },
    };
  },
};

export const layersPlugin = { rules: { 'no-cycle': noCycle, 'no-back-arrow': noBackArrow } };

/** For tests: a fresh graph on the next lint (a planted fixture changes the files). */
export function forgetGraphs() {
  graphs.clear();
}
