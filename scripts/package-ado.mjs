// `npm run package:ado [-- <output dir or .vsix path>] [--publisher ID] [--repository URL] [--ref REF]
// [--allow-placeholders]`: stages the Azure DevOps extension in .ado-stage/<pid>/ (one folder per task the
// manifest contributes, each with its task.json, icon and the committed ncc bundle it executes; no node_modules)
// and runs tfx offline to build the .vsix (default: build/). Fails when the versions disagree or tfx warns, and
// when the extension would ship the manifest's placeholders (publisher `imds-check`, repository `OWNER`).
//   --publisher   your Marketplace publisher id, instead of the manifest's placeholder (docs/azure-devops.md)
//   --repository  your GitHub repository (https://github.com/YOU/imds-check): the extension's source link and
//                 every link of the overview and of the tasks' error codes (default: the manifest's)
//   --ref         the tag or branch those links use (default: v<major>)
//   --allow-placeholders  build with the placeholders anyway: local tests only, never a VSIX to publish
//   --check       check the publisher, repository and versions, and build nothing (the release does it first)
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
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { marketplaceOverview } from './ado-overview.mjs';
import { taskManifests } from './version-set.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// A folder per run, so two builds at once (tests) never share a stage; removed when the VSIX is built.
const stage = join(root, '.ado-stage', String(process.pid));

function fail(message) {
  rmSync(stage, { recursive: true, force: true });
  console.error(`package:ado: ${message}`);
  process.exit(1);
}

// What vss-extension.json says until a fork sets its own: a publisher id nobody owns and the OWNER stand-in.
const PLACEHOLDER_PUBLISHER = 'imds-check';
const PLACEHOLDER_OWNER = /^https:\/\/[^/]+\/OWNER\//;

function parseArgs(argv) {
  const options = {
    output: undefined,
    publisher: undefined,
    repository: undefined,
    ref: undefined,
    allowPlaceholders: false,
    check: false,
  };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--allow-placeholders' || argv[i] === '--check') {
      options[argv[i] === '--check' ? 'check' : 'allowPlaceholders'] = true;
      continue;
    }
    const flag = /^--(publisher|repository|ref)$/.exec(argv[i])?.[1];
    if (flag) {
      if (!argv[i + 1] || argv[i + 1].startsWith('--')) fail(`--${flag} needs a value`);
      options[flag] = argv[++i];
    } else if (argv[i].startsWith('--')) fail(`unknown option ${argv[i]}`);
    else options.output = argv[i];
  }
  // Marketplace publisher ids: letters, digits, hyphens and underscores.
  if (options.publisher !== undefined && !/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(options.publisher))
    fail(`--publisher ${options.publisher} is not a Marketplace publisher id`);
  if (options.repository !== undefined && !/^https:\/\/[^\s/]+\/[^\s/]+\/[^\s/]+$/.test(options.repository))
    fail(`--repository must look like https://github.com/YOU/imds-check, got ${options.repository}`);
  return options;
}

const options = parseArgs(process.argv.slice(2));
const readJson = (path) => JSON.parse(readFileSync(resolve(root, path), 'utf8'));
const pkg = readJson('package.json');
const ext = readJson('vss-extension.json');

/** Each task the manifest contributes: its folder name, task.json path and parsed task.json. */
function contributedTasks() {
  const manifests = taskManifests(root).map((path) => ({ path, task: readJson(path) }));
  const folders = ext.contributions
    .filter((c) => c.type === 'ms.vss-distributed-task.task')
    .map((c) => c.properties.name);
  if (folders.length === 0) fail('vss-extension.json contributes no task');
  return folders.map((folder) => {
    const match = manifests.find(({ task }) => `${task.name}V${task.version.Major}` === folder);
    if (!match) fail(`no task.json whose name and major version make the folder ${folder}`);
    if (!ext.files.some((f) => f.path === folder)) fail(`vss-extension.json files does not list ${folder}`);
    return { folder, ...match };
  });
}

/** The publisher and repository the VSIX carries; refused while they are the manifest's placeholders. */
function identity() {
  const publisher = options.publisher ?? ext.publisher;
  const repository = (options.repository ?? ext.repository?.uri ?? '').replace(/\/$/, '');
  const missing = [];
  if (publisher === PLACEHOLDER_PUBLISHER)
    missing.push(`--publisher YOUR_PUBLISHER_ID ("${publisher}" is the manifest's placeholder)`);
  if (PLACEHOLDER_OWNER.test(`${repository}/`))
    missing.push(
      `--repository https://github.com/YOU/imds-check (${repository} is the manifest's placeholder)`,
    );
  if (missing.length > 0 && !options.allowPlaceholders) {
    fail(
      `this VSIX would ship placeholders; give ${missing.join(' and ')}, or set ${missing.length > 1 ? 'them' : 'it'} in ` +
        'vss-extension.json (docs/releasing.md). --allow-placeholders builds one for local tests only.',
    );
  }
  return { publisher, repository };
}

const { publisher, repository } = identity();
const tasks = contributedTasks();
// Agents cache tasks by task.json version, so it must move with every release, in step with the rest.
for (const { path, task } of tasks) {
  const taskVersion = `${task.version.Major}.${task.version.Minor}.${task.version.Patch}`;
  if (taskVersion !== pkg.version || ext.version !== pkg.version) {
    fail(
      `versions disagree: package.json ${pkg.version}, ${relative(root, path)} ${taskVersion}, vss-extension.json ${ext.version}`,
    );
  }
}

if (options.check) {
  console.log(`publisher ${publisher}, repository ${repository}, version ${pkg.version}: ready to package`);
  process.exit(0);
}

function copy(from, to) {
  mkdirSync(dirname(join(stage, to)), { recursive: true });
  copyFileSync(resolve(root, from), join(stage, to));
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
// The manifest as this build ships it: the publisher and the source link are the ones given.
writeFileSync(
  join(stage, 'vss-extension.json'),
  `${JSON.stringify({ ...ext, publisher, repository: { ...ext.repository, uri: repository } }, null, 2)}\n`,
);
copy('LICENSE', 'LICENSE');
copy('images/icon.png', 'images/icon.png');
for (const { folder, path, task } of tasks) {
  const taskDir = dirname(path);
  copy(path, `${folder}/task.json`);
  copy(
    existsSync(join(taskDir, 'icon.png')) ? join(taskDir, 'icon.png') : 'images/icon.png',
    `${folder}/icon.png`,
  );
  // The bundle folder of every handler: its entry, lazy chunks, licences and the ESM package.json marker.
  const bundleDirs = new Set(Object.values(task.execution).map((handler) => dirname(handler.target)));
  for (const bundleDir of bundleDirs) {
    // Next to the task.json, or in the repository's dist/ (a task.json in a sub-folder, e.g. merge/).
    const from = [join(taskDir, bundleDir), join(root, bundleDir)].find((dir) =>
      existsSync(join(dir, 'index.js')),
    );
    if (!from)
      fail(`${relative(root, join(taskDir, bundleDir))}/index.js is missing: run \`npm run bundle\``);
    for (const file of readdirSync(from, { withFileTypes: true }).filter((e) => e.isFile()))
      copy(join(from, file.name), `${folder}/${bundleDir}/${file.name}`);
  }
}
// The tasks link each code to its section of docs/errors.md at the version being packaged (src/host/code-links.ts).
const linkRef = options.ref ?? `v${ext.version.split('.')[0]}`;
for (const { folder } of tasks) {
  writeFileSync(
    join(stage, folder, 'imds-check.json'),
    `${JSON.stringify({ errorsDoc: `${repository}/blob/${linkRef}/docs/errors.md` }, null, 2)}\n`,
  );
}
const overview = marketplaceOverview(readFileSync(join(root, 'README.md'), 'utf8'), ext, {
  repository,
  ref: options.ref,
  exists: (file) => existsSync(join(root, file)),
});
writeFileSync(join(stage, 'overview.md'), overview);

const staged = listFiles(stage);
if (staged.some((f) => f.split('/').includes('node_modules'))) fail('the stage contains node_modules');
for (const { folder, task } of tasks) {
  for (const handler of Object.values(task.execution)) {
    if (!staged.includes(`${folder}/${handler.target}`))
      fail(`the execution target ${folder}/${handler.target} is not staged`);
  }
}

const requested = options.output;
const outputPath = resolve(requested ?? join(root, 'build'));
mkdirSync(requested?.endsWith('.vsix') ? dirname(outputPath) : outputPath, { recursive: true });

let output;
try {
  output = execFileSync(
    process.execPath,
    [
      join(root, 'node_modules', 'tfx-cli', '_build', 'tfx-cli.js'),
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
rmSync(stage, { recursive: true, force: true });
console.log(`staged ${staged.length} files; built ${result.path}`);
