import type { Report } from '../types.js';
export interface TextStyle { color: boolean }
export function renderText(_report: Report, _style: TextStyle): string { throw new Error('not implemented'); }
