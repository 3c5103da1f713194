// `npm run version:set X.Y.Z`: moves every place that carries the release version together: package.json,
// package-lock.json (root), every task.json (Major/Minor/Patch; agents cache tasks by it), vss-extension.json
// and src/host/version.ts; and CHANGELOG.md's Unreleased entries become the X.Y.Z section (dated today).
// `--check X.Y.Z` changes nothing and fails unless all the versioned files already say X.Y.Z.
// Edits are textual, so each file keeps its formatting; each edit is verified by parsing the result.
// `--root DIR` works on another copy of the repository (the tests use it).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollUnreleased } from './changelog.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SKIP = new Set(['node_modules', '.git', 'dist', 'build', 'coverage', '.ado-stage']);

/** Every task.json in the repository (the task's own, and any later one such as a merge task). */
export function taskManifests(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : taskManifests(join(dir, entry.name));
    return entry.name === 'task.json' ? [join(dir, entry.name)] : [];
  });
}

/** Replaces the `count` first matches of `pattern` (global) via `replace`; fails when there are fewer. */
function edit(text, pattern, count, replace, file) {
  let seen = 0;
  const out = text.replace(pattern, (...match) => (++seen <= count ? replace(...match) : match[0]));
  if (seen < count) throw new Error(`${file}: expected ${count} version field(s), found ${seen}`);
  return out;
}

const jsonVersion = /("version":\s*")([^"]*)(")/g;

/** Each versioned file: how to read its version(s) and how to write a new one. */
function targets(root) {
  const json = (file, count, read) => ({
    file,
    read: (text) => read(JSON.parse(text)),
    write: (text, v) => edit(text, jsonVersion, count, (_m, a, _old, b) => `${a}${v}${b}`, file),
  });
  return [
    json('package.json', 1, (p) => [p.version]),
    // The lockfile's root version comes first, then the root package entry's ("packages" -> "").
    json('package-lock.json', 2, (l) => [l.version, l.packages?.['']?.version]),
    json('vss-extension.json', 1, (e) => [e.version]),
    ...taskManifests(root).map((path) => ({
      file: relative(root, path),
      read: (text) => {
        const { Major, Minor, Patch } = JSON.parse(text).version;
        return [[Major, Minor, Patch].every(Number.isInteger) ? `${Major}.${Minor}.${Patch}` : 'not numbers'];
      },
      write: (text, v) => {
        const [major, minor, patch] = v.split('.');
        const field = /("version":\s*\{\s*"Major":\s*)\d+(,\s*"Minor":\s*)\d+(,\s*"Patch":\s*)\d+/g;
        return edit(text, field, 1, (_m, a, b, c) => `${a}${major}${b}${minor}${c}${patch}`, path);
      },
    })),
    {
      file: 'src/host/version.ts',
      read: (text) => [/TOOL_VERSION = '([^']*)'/.exec(text)?.[1]],
      write: (text, v) =>
        edit(text, /(TOOL_VERSION = ')[^']*(')/g, 1, (_m, a, b) => `${a}${v}${b}`, 'version.ts'),
    },
  ];
}

/** The version(s) each file carries now: { file: [versions] }. */
export function currentVersions(root = repoRoot) {
  return Object.fromEntries(
    targets(root).map((t) => [t.file, t.read(readFileSync(join(root, t.file), 'utf8'))]),
  );
}

function main(args) {
  let root = repoRoot;
  const argv = [...args];
  const at = argv.indexOf('--root');
  if (at >= 0) root = resolve(argv.splice(at, 2)[1] ?? '.');
  const check = argv[0] === '--check';
  const version = (check ? argv[1] : argv[0])?.replace(/^v/, '');
  if (!version || !/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/.test(version)) {
    console.error('usage: npm run version:set X.Y.Z   (or: node scripts/version-set.mjs --check X.Y.Z)');
    return 2;
  }
  const found = currentVersions(root);
  if (check) {
    const wrong = Object.entries(found).filter(([, versions]) => versions.some((v) => v !== version));
    for (const [file, versions] of wrong)
      console.error(`${file}: ${versions.join(', ')} (expected ${version})`);
    if (wrong.length === 0) console.log(`every versioned file says ${version}`);
    return wrong.length === 0 ? 0 : 1;
  }
  // Compute every new text first, so a file that cannot be edited leaves all of them untouched.
  const edits = targets(root).map((t) => {
    const text = t.write(readFileSync(join(root, t.file), 'utf8'), version);
    const after = t.read(text);
    if (after.some((v) => v !== version)) throw new Error(`${t.file}: edit gave ${after.join(', ')}`);
    return [t, text];
  });
  const changelogPath = join(root, 'CHANGELOG.md');
  const changelog = existsSync(changelogPath) ? readFileSync(changelogPath, 'utf8') : undefined;
  const rolled = changelog && rollUnreleased(changelog, version, new Date().toISOString().slice(0, 10));
  for (const [t, text] of edits) {
    writeFileSync(join(root, t.file), text);
    console.log(`${t.file}: ${found[t.file].join(', ')} -> ${version}`);
  }
  if (rolled && rolled !== changelog) {
    writeFileSync(changelogPath, rolled);
    console.log(`CHANGELOG.md: the Unreleased entries are now the ${version} section`);
  }
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (err) {
    console.error(`version:set: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  }
}
