// CHANGELOG.md (Keep a Changelog 1.1.0) for releases. `node scripts/changelog.mjs notes X.Y.Z [FILE]` prints that
// version's section (the GitHub release notes) and fails when it is missing or empty. version:set calls
// rollUnreleased() to turn the Unreleased section into the new version's section.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HEADING = /^## \[([^\]]+)\](.*)$/gm;
// Compare links use the same placeholder as every other link to the repository (docs/releasing.md).
const REPO = 'https://github.com/OWNER/imds-check';

/** Sections by version (`Unreleased` included): { name: body }. */
export function sections(text) {
  const found = [...text.matchAll(HEADING)];
  return Object.fromEntries(
    found.map((m, i) => {
      const end = found[i + 1]?.index ?? text.search(/^\[[^\]]+\]: /m);
      const body = text.slice(m.index + m[0].length, end < 0 || end < m.index ? undefined : end);
      return [m[1], body.trim()];
    }),
  );
}

/**
 * Moves the Unreleased entries under `## [version] - date`, leaves an empty Unreleased section and updates
 * the compare links. Returns the text unchanged when the version already has a section.
 */
export function rollUnreleased(text, version, date) {
  const all = sections(text);
  if (version in all) return text;
  if (!('Unreleased' in all)) throw new Error('CHANGELOG.md has no "## [Unreleased]" section');
  if (all['Unreleased'] === '') throw new Error('the Unreleased section of CHANGELOG.md is empty');
  const previous = Object.keys(all).find((name) => name !== 'Unreleased');
  let out = text.replace(/^## \[Unreleased\].*$/m, `## [Unreleased]\n\n## [${version}] - ${date}`);
  const links = [
    `[Unreleased]: ${REPO}/compare/v${version}...HEAD`,
    previous
      ? `[${version}]: ${REPO}/compare/v${previous}...v${version}`
      : `[${version}]: ${REPO}/releases/tag/v${version}`,
  ];
  // Newest first: the two new links go where the old [Unreleased] link was, or at the end.
  out = out.replace(/^\[Unreleased\]: .*\n?/m, '');
  const firstLink = out.search(/^\[[^\]]+\]: /m);
  return firstLink < 0
    ? `${out.trimEnd()}\n\n${links.join('\n')}\n`
    : `${out.slice(0, firstLink)}${links.join('\n')}\n${out.slice(firstLink)}`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [command, version, file] = process.argv.slice(2);
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const text = readFileSync(file ? resolve(file) : join(root, 'CHANGELOG.md'), 'utf8');
  const body = command === 'notes' && version ? sections(text)[version.replace(/^v/, '')] : undefined;
  if (!body) {
    console.error(
      command === 'notes' && version
        ? `CHANGELOG.md has no entries for ${version}: run npm run version:set ${version.replace(/^v/, '')} before tagging`
        : 'usage: node scripts/changelog.mjs notes X.Y.Z [CHANGELOG file]',
    );
    process.exitCode = 1;
  } else console.log(body);
}
