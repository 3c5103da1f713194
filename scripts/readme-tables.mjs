// `npm run readme:tables`: writes the README's input and output tables from action.yml and task.json, the one
// source, between `<!-- tables:NAME:start -->` and `<!-- tables:NAME:end -->`. `--check` writes nothing and
// fails when a table is stale (a test runs it); `--readme FILE` works on another file.
// Tables are compact and fenced by prettier-ignore, so Prettier does not pad them to the widest cell; each
// row shows the whole description, defaults ("Empty means ...") included, as the GitHub and Azure DevOps UIs do.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** One line of Markdown table text: whitespace folded, pipes escaped. */
const cell = (text) =>
  String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\|/g, '\\|');
const code = (value) => (value === '' ? '_(empty)_' : `\`${value}\``);
const table = (header, rows) =>
  [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`]
    .concat(rows.map((row) => `| ${row.map(cell).join(' | ')} |`))
    .join('\n');

/** The generated tables by marker name, from the two manifests. */
export function tables(action, task) {
  const inputRows = (entries) =>
    entries.map(([name, defaultValue, meaning]) => [code(name), code(defaultValue), meaning]);
  return {
    'action-inputs': table(
      ['Input', 'Default', 'Meaning'],
      inputRows(
        Object.entries(action.inputs ?? {}).map(([n, s]) => [n, String(s.default ?? ''), s.description]),
      ),
    ),
    'action-outputs': table(
      ['Output', 'Value'],
      Object.entries(action.outputs ?? {}).map(([name, spec]) => [code(name), spec.description]),
    ),
    'task-inputs': table(
      ['Input', 'Default', 'Meaning'],
      inputRows(
        (task.inputs ?? []).map((i) => [i.name, String(i.defaultValue ?? ''), i.helpMarkDown ?? i.label]),
      ),
    ),
    'task-outputs': table(
      ['Variable', 'Value'],
      (task.outputVariables ?? []).map((o) => [code(o.name), o.description]),
    ),
  };
}

/** The README with every marked table replaced; throws when a marker pair is missing. */
export function withTables(readme, generated) {
  let out = readme;
  for (const [name, text] of Object.entries(generated)) {
    const block = new RegExp(`(<!-- tables:${name}:start[^>]*-->\\n)[\\s\\S]*?(<!-- tables:${name}:end -->)`);
    if (!block.test(out)) throw new Error(`README has no <!-- tables:${name}:start --> ... end --> pair`);
    const body = `<!-- prettier-ignore-start -->\n${text}\n<!-- prettier-ignore-end -->\n`;
    out = out.replace(block, (_m, start, end) => `${start}${body}${end}`);
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const at = args.indexOf('--readme');
  const readmePath = at >= 0 ? resolve(args[at + 1] ?? '') : join(root, 'README.md');
  const action = parse(readFileSync(join(root, 'action.yml'), 'utf8'));
  const task = JSON.parse(readFileSync(join(root, 'task.json'), 'utf8'));
  const readme = readFileSync(readmePath, 'utf8');
  let updated;
  try {
    updated = withTables(readme, tables(action, task));
  } catch (err) {
    console.error(`readme:tables: ${err.message}`);
    process.exit(1);
  }
  if (updated === readme) console.log('README tables match action.yml and task.json');
  else if (check) {
    console.error('README tables differ from action.yml / task.json: run `npm run readme:tables`');
    process.exitCode = 1;
  } else {
    writeFileSync(readmePath, updated);
    console.log('README tables rewritten from action.yml and task.json');
  }
}
