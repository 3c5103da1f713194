// Types for report-startup.mjs, so the TypeScript tests in __tests__/bench can import it.
import type { Summary } from './stats.mjs';

export interface Measured {
  wall: Summary;
  peak?: Summary;
}
export interface StartupGroup {
  runtime: string;
  place: string;
  floor: Measured;
  doors: Partial<Record<'cli' | 'action' | 'ado', Measured>>;
}
export interface Ratio {
  ratio: number;
  target: number | undefined;
  met: boolean | undefined;
}
export interface DoorVerdict {
  door: { id: string; name: string; file: string };
  subject: Measured;
  time: Ratio | undefined;
  memory: Ratio | undefined;
}
export const STARTUP_TARGETS: Record<'cli' | 'action' | 'ado', { time?: number; memory?: number }>;
export function startupVerdicts(group: StartupGroup): DoorVerdict[];
export function ratioText(r: (Pick<Ratio, 'ratio'> & Partial<Ratio>) | undefined): string;
export function startupSummaryLines(groups: StartupGroup[]): string[];
export function renderStartup(groups: StartupGroup[], sizes: Record<string, number | undefined>): string;
