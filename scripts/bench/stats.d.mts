// Types for stats.mjs, so the TypeScript tests in __tests__/bench can import it.
export interface Summary {
  median: number;
  min: number;
  max: number;
  n: number;
}
export interface Verdict {
  ratio: number;
  met: boolean;
  text: string;
}
export function median(values: readonly number[]): number;
export function summarize(values: readonly number[]): Summary;
export function spread(summary: Summary): number;
export function ratio(value: number, floor: number): number;
export function verdict(value: number, floor: number, target: number): Verdict;
export function formatSeconds(ms: number): string;
export function formatRange(summary: Summary, format: (value: number) => string): string;
export function formatMiB(kib: number): string;
export function formatBytes(bytes: number): string;
export function parsePeakRss(text: string): number | undefined;
