// Where each code is documented: docs/errors.md, section `#<code>`. A released action or task links to its
// own version's file on GitHub; anything else names the path in the repository.
import { readFileSync } from 'node:fs';
import type { CodeLink } from '../core/index.js';

export const ERRORS_DOC = 'docs/errors.md';

const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
const REF = /^[A-Za-z0-9_.\/-]+$/;

export const pathLink: CodeLink = (code) => `${ERRORS_DOC}#${code}`;

/** GitHub: the action's own repository and ref (GITHUB_ACTION_REPOSITORY / GITHUB_ACTION_REF) when set. */
export function actionCodeLink(env: NodeJS.ProcessEnv): CodeLink {
  const repo = env['GITHUB_ACTION_REPOSITORY'] ?? '';
  const ref = env['GITHUB_ACTION_REF'] ?? '';
  if (!REPOSITORY.test(repo) || !REF.test(ref)) return pathLink;
  const server = /^https:\/\/[A-Za-z0-9.-]+$/.test(env['GITHUB_SERVER_URL'] ?? '')
    ? env['GITHUB_SERVER_URL']
    : 'https://github.com';
  return (code) => `${server}/${repo}/blob/${ref}/${ERRORS_DOC}#${code}`;
}

/**
 * Azure DevOps: the packaged task carries `imds-check.json` ({"errorsDoc": "https://…/docs/errors.md"}, written
 * from the extension manifest's repository link) in its folder; the bundle looks next to itself and above.
 */
export function taskCodeLink(bundleUrl: string): CodeLink {
  for (const relative of ['./imds-check.json', '../imds-check.json', '../../imds-check.json']) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(new URL(relative, bundleUrl), 'utf8'));
      const doc = (parsed as { errorsDoc?: unknown } | null)?.errorsDoc;
      if (typeof doc === 'string' && /^https:\/\/[^\s#?]+\/docs\/errors\.md$/.test(doc))
        return (code) => `${doc}#${code}`;
    } catch {
      // not packaged (a checkout or a test): the next place, then the repository path
    }
  }
  return pathLink;
}
