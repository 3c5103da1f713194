import type { Report } from '../types.js';
export function renderJunit(_report: Report): string { throw new Error('not implemented'); }
