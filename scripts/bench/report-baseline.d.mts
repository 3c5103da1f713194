// Types for report-baseline.mjs, so the TypeScript tests in __tests__/bench can import it.
import type { Measured, StartupGroup } from './report-startup.mjs';

export interface BaselineGroup extends StartupGroup {
  baseline?: Partial<Record<'cli' | 'action' | 'ado', Measured>>;
}
export interface BaselineRow {
  runtime: string;
  place: string;
  door: string;
  before: number;
  now: number;
  time: string;
  ratios: string;
  memory: string;
}
export function changeText(now: number, before: number): string;
export function baselineRows(groups: BaselineGroup[]): BaselineRow[];
export function baselineSummaryLines(groups: BaselineGroup[]): string[];
export function renderBaseline(groups: BaselineGroup[], name: string): string;
