// The Marketplace overview (overview.md in the VSIX) is the README's Azure DevOps section, so the two never
// drift. The Marketplace shows it away from the repository, so every relative link becomes an absolute link
// to the repository's file at a fixed ref: https://github.com/OWNER/imds-check/blob/v1/docs/errors.md.
// OWNER comes from vss-extension.json's repository (a placeholder) unless package:ado gets --repository.

const SECTION = /<!-- section:azure-devops:start -->([\s\S]*?)<!-- section:azure-devops:end -->/;

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
export function slug(heading) {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/**
 * @param {string} readme README.md text
 * @param {{ name: string, description: string, version: string, repository?: { uri?: string } }} ext manifest
 * @param {{ repository?: string, ref?: string, exists?: (file: string) => boolean }} options
 */
export function marketplaceOverview(readme, ext, options = {}) {
  const section = SECTION.exec(readme)?.[1]?.trim();
  if (!section) throw new Error('README.md has no azure-devops section');
  const repository = (options.repository ?? ext.repository?.uri ?? '').replace(/\/$/, '');
  if (!/^https:\/\//.test(repository)) throw new Error('vss-extension.json needs repository.uri');
  const ref = options.ref ?? `v${ext.version.split('.')[0]}`;
  const anchors = new Set([...section.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1])));
  const absolute = (target) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return target; // https:, mailto:, ...
    if (target.startsWith('#'))
      return anchors.has(target.slice(1)) ? target : `${repository}/blob/${ref}/README.md${target}`;
    const file = target.replace(/^\.\//, '').split('#')[0];
    if (options.exists && !options.exists(file))
      throw new Error(`README links to ${file}, which does not exist`);
    return `${repository}/${file.endsWith('/') ? 'tree' : 'blob'}/${ref}/${target.replace(/^\.\//, '')}`;
  };
  const body = section.replace(/\]\(([^)\s]+)\)/g, (_m, target) => `](${absolute(target)})`);
  return `# ${ext.name}\n\n${ext.description}\n\n${body}\n`;
}
