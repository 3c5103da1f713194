// Markdown table rendering for BENCHMARKS.md.

/** Cell text: pipes would split the cell and newlines would end the row, so both are neutralised. */
export function cell(value) {
  return String(value ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ');
}

/** A GitHub-flavoured Markdown table. `align` holds 'l' or 'r' per column (default left). */
export function markdownTable(headers, rows, align = []) {
  for (const row of rows) {
    if (row.length !== headers.length) {
      throw new Error(`row has ${row.length} cells, table has ${headers.length} columns`);
    }
  }
  const rule = headers.map((_, i) => (align[i] === 'r' ? '---:' : '---'));
  return [headers, rule, ...rows].map((row) => `| ${row.map(cell).join(' | ')} |`).join('\n');
}
