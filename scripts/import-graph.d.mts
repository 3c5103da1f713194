// Types for import-graph.mjs, so the TypeScript tests can import it.
export type Layers = [name: string, patterns: string[]][];
export interface Edge {
  to: string;
  kind: 'import' | 'type' | 'dynamic' | 'augment';
}
export interface Graph {
  files: string[];
  edges: Map<string, Edge[]>;
}
export const CORE_LAYERS: Layers;
export function specifiersOf(text: string, fileName?: string): { spec: string; kind: Edge['kind'] }[];
export function importGraph(root?: string): Graph;
export function findCycles(graph: Graph): string[][];
export function layerOf(file: string, layers?: Layers): number;
export function backArrows(
  graph: Graph,
  layers?: Layers,
): { arrows: { from: string; to: string; kind: Edge['kind'] }[]; unplaced: string[] };
export function floors(graph: Graph): number;
