// Types for plan.mjs, so the TypeScript tests in __tests__/bench can import it.
import type { Command, Place } from './tools.mjs';

export interface Runtime {
  key: string;
  label: string;
  path: string;
  version: string;
}
export interface PlanGroup {
  runtime: string;
  place: string;
  floorId: string;
  doorIds: Record<string, string>;
  baselineIds?: Record<string, string>;
}
export const PLACES: { loopback: string; netns: string };
export function runtimesOf(node: string, node24: string | undefined): Runtime[];
export function startupPlan(options: {
  url: string;
  ns: Exclude<Place, string> | null;
  runtimes: Runtime[];
  compileCache?: boolean;
  baseline?: string;
}): { list: Command[]; groups: PlanGroup[]; pairs: unknown[]; cache: unknown[] };
