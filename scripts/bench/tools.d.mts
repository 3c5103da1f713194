// Types for tools.mjs (the parts __tests__/bench uses).
export interface Command {
  id: string;
  label: string;
  shown: string;
  cmd: string;
  args: string[];
  env: Record<string, string>;
  cwd?: string;
  prepare?: () => void;
}
export type Place = string | { url: string } | { wrap(argv: string[]): string[] };
export const ROOT: string;
export const BUNDLES: { cli: string; action: string; ado: string };
export function bundlesAt(root: string): { cli: string; action: string; ado: string };
export function removeScratch(): void;
export function httpFloor(place: Place, nodePath?: string): Command;
export function cli(place: Place, nodePath?: string, root?: string): Command;
export function githubAction(place: Place, nodePath?: string, root?: string): Command;
export function azureDevOpsTask(place: Place, nodePath?: string, root?: string): Command;
