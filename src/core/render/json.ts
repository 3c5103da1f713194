import type { Report } from '../types.js';
export function renderJson(_report: Report): string { throw new Error('not implemented'); }
