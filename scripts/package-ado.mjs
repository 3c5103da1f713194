// `npm run package:ado [-- <output dir or .vsix path>]`: stages the Azure DevOps extension in .ado-stage/
// (task folder ImdsCheckV1 with task.json, icon and the committed ncc bundle; no node_modules), then runs
// tfx offline to build the .vsix (default: build/). Fails when the versions disagree or tfx warns.
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const stage = join(root, '.ado-stage');
const TASK_FOLDER = 'ImdsCheckV1';
const BUNDLE_FILES = ['index.js', 'licenses.txt', 'package.json'];

function fail(message) {
  console.error(`package:ado: ${message}`);
  process.exit(1);
}

const readJson = (path) => JSON.parse(readFileSync(join(root, path), 'utf8'));
const pkg = readJson('package.json');
const task = readJson('task.json');
const ext = readJson('vss-extension.json');

// Agents cache tasks by task.json version, so it must move with every release, in step with the rest.
const taskVersion = `${task.version.Major}.${task.version.Minor}.${task.version.Patch}`;
if (taskVersion !== pkg.version || ext.version !== pkg.version) {
  fail(
    `versions disagree: package.json ${pkg.version}, task.json ${taskVersion}, vss-extension.json ${ext.version}`,
  );
}
if (`${task.name}V${task.version.Major}` !== TASK_FOLDER)
  fail(`task folder ${TASK_FOLDER} does not match task ${task.name} v${task.version.Major}`);

const targets = new Set(Object.values(task.execution).map((handler) => handler.target));
if (targets.size !== 1 || !targets.has('dist/azure-devops/index.js')) {
  fail(`every execution handler must target dist/azure-devops/index.js, got ${[...targets].join(', ')}`);
}
for (const file of BUNDLE_FILES) {
  if (!existsSync(join(root, 'dist/azure-devops', file)))
    fail(`dist/azure-devops/${file} is missing: run \`npm run bundle -- azure-devops\``);
}

/** The README's Azure DevOps section becomes the Marketplace overview. */
function overview() {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const match = /<!-- section:azure-devops:start -->([\s\S]*?)<!-- section:azure-devops:end -->/.exec(readme);
  const section = match?.[1]?.trim() ?? '';
  return `# ${ext.name}\n\n${ext.description}\n\n${section}\n`;
}

function copy(from, to) {
  mkdirSync(dirname(join(stage, to)), { recursive: true });
  copyFileSync(join(root, from), join(stage, to));
}

function listFiles(dir, prefix = '') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listFiles(join(dir, entry.name), `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`],
  );
}

rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
copy('vss-extension.json', 'vss-extension.json');
copy('LICENSE', 'LICENSE');
copy('images/icon.png', 'images/icon.png');
copy('task.json', `${TASK_FOLDER}/task.json`);
copy('images/icon.png', `${TASK_FOLDER}/icon.png`);
for (const file of BUNDLE_FILES)
  copy(`dist/azure-devops/${file}`, `${TASK_FOLDER}/dist/azure-devops/${file}`);
writeFileSync(join(stage, 'overview.md'), overview());

const staged = listFiles(stage);
if (staged.some((f) => f.split('/').includes('node_modules'))) fail('the stage contains node_modules');
for (const target of targets) {
  if (!staged.includes(`${TASK_FOLDER}/${target}`))
    fail(`the execution target ${TASK_FOLDER}/${target} is not staged`);
}

const requested = process.argv[2];
const outputPath = resolve(requested ?? join(root, 'build'));
mkdirSync(requested?.endsWith('.vsix') ? dirname(outputPath) : outputPath, { recursive: true });

let output;
try {
  output = execFileSync(
    'npx',
    [
      '--no-install',
      'tfx',
      'extension',
      'create',
      '--manifest-globs',
      'vss-extension.json',
      '--root',
      stage,
      '--output-path',
      outputPath,
      '--no-prompt',
      '--no-color',
      '--json',
    ],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
} catch (err) {
  fail(`tfx failed:\n${err.stdout ?? ''}${err.stderr ?? ''}`);
}
// tfx prints its task.json checks as warnings and builds anyway; we treat them as errors.
const jsonStart = output.search(/^\{/m);
if (jsonStart < 0) fail(`tfx printed no result:\n${output}`);
const chatter = output.slice(0, jsonStart);
if (/warning/i.test(chatter)) fail(`tfx warned:\n${chatter}`);
const result = JSON.parse(output.slice(jsonStart));
console.log(`staged ${staged.length} files in .ado-stage/; built ${result.path}`);
