import type { Report } from '../types.js';
export function renderMarkdown(_report: Report): string { throw new Error('not implemented'); }
