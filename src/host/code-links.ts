// Where each code is documented: docs/errors.md, section `#<code>`. A released action or task links to its
// own version's file on GitHub; anything else names the path in the repository.
import { readFileSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import type { CodeLink } from '../core/index.js';

const ERRORS_DOC = 'docs/errors.md';

const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
const REF = /^[A-Za-z0-9_.\/-]+$/;

export const pathLink: CodeLink = (code) => `${ERRORS_DOC}#${code}`;

/**
 * GitHub: the action's own repository and ref (GITHUB_ACTION_REPOSITORY / GITHUB_ACTION_REF) when set. A local
 * action (`uses: ./…`) has neither: it lives in the workflow's repository at the commit being built, so the
 * link is that commit's file, at the action's folder inside the workspace.
 */
export function actionCodeLink(env: NodeJS.ProcessEnv): CodeLink {
  const server = /^https:\/\/[A-Za-z0-9.-]+$/.test(env['GITHUB_SERVER_URL'] ?? '')
    ? env['GITHUB_SERVER_URL']
    : 'https://github.com';
  const repo = env['GITHUB_ACTION_REPOSITORY'] ?? '';
  const ref = env['GITHUB_ACTION_REF'] ?? '';
  if (REPOSITORY.test(repo) && REF.test(ref))
    return (code) => `${server}/${repo}/blob/${ref}/${ERRORS_DOC}#${code}`;
  const workflowRepo = env['GITHUB_REPOSITORY'] ?? '';
  const sha = env['GITHUB_SHA'] ?? '';
  const folder = localActionFolder(env['GITHUB_WORKSPACE'], env['GITHUB_ACTION_PATH']);
  if (repo === '' && REPOSITORY.test(workflowRepo) && /^[0-9a-f]{40}$/.test(sha) && folder !== null) {
    const prefix = folder === '' ? '' : `${folder}/`;
    return (code) => `${server}/${workflowRepo}/blob/${sha}/${prefix}${ERRORS_DOC}#${code}`;
  }
  return pathLink;
}

/** The action's folder relative to the workspace ('' at its root), or null when it is not inside it. */
function localActionFolder(workspace: string | undefined, actionPath: string | undefined): string | null {
  if (!workspace || !actionPath) return null;
  const rel = relative(workspace, actionPath).split(sep).join('/');
  if (rel.startsWith('..') || isAbsolute(rel) || !/^[A-Za-z0-9_.\/-]*$/.test(rel)) return null;
  return rel;
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
