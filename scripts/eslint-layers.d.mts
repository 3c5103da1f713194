// Types for eslint-layers.mjs, so the TypeScript tests can import it.
import type { ESLint } from 'eslint';
export const layersPlugin: ESLint.Plugin;
export function forgetGraphs(): void;
