// The Arc challenge: parse `WWW-Authenticate: Basic realm=<path>`, prove the path is a .key file directly in
// the platform's tokens folder (no `..`, no link, one hard link, regular file, at most 4096 bytes) BEFORE
// reading it, then read it. Any rule broken means the file is never opened.
import path from 'node:path';
import type { ArcCode } from './arc-codes.js';
import { ARC_SECRET_MAX_BYTES } from '../imds/protocol.js';
import { headerValues, type HttpAnswer } from '../imds/http.js';
import { isPlausibleSecret } from '../shapes.js';
import type { RuntimeContext } from '../context.js';

export type KeyResult =
  { ok: true; secret: string; path: string } | { ok: false; code: ArcCode; message: string };

const refuse = (code: ArcCode, message: string): KeyResult => ({ ok: false, code, message });

/** The realm path, or a refusal when the challenge is missing, ambiguous or not plain `Basic realm=<path>`. */
export function realmFrom(answer: HttpAnswer): { path: string } | { code: ArcCode; message: string } {
  const values = headerValues(answer, 'www-authenticate');
  if (values.length === 0)
    return {
      code: 'arc_challenge_missing',
      message: 'Hybrid IMDS answered 401 without a WWW-Authenticate header.',
    };
  if (new Set(values.map((v) => v.trim())).size > 1) {
    return {
      code: 'arc_challenge_malformed',
      message: `Hybrid IMDS sent ${values.length} different WWW-Authenticate challenges; none was followed.`,
    };
  }
  const match = /^\s*Basic\s+realm=(.*)$/i.exec(values[0]!);
  let realm = match?.[1]?.trim() ?? '';
  const quoted = /^"([^"]*)"$/.exec(realm);
  if (quoted) realm = quoted[1]!;
  if (realm === '' || /["',;\r\n\0]/.test(realm)) {
    return {
      code: 'arc_challenge_malformed',
      message: 'The WWW-Authenticate challenge is not of the form `Basic realm=<path>`; it was not followed.',
    };
  }
  return { path: realm };
}

function pathApi(platform: string): path.PlatformPath {
  return platform === 'win32' ? path.win32 : path.posix;
}

/** Checks the rules that need no file access. */
export function checkKeyPath(
  realm: string,
  ctx: Pick<RuntimeContext, 'platform' | 'arcTokensDir'>,
): KeyResult | null {
  const p = pathApi(ctx.platform);
  const same = (a: string, b: string): boolean =>
    ctx.platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b;
  const segments = realm.split(ctx.platform === 'win32' ? /[\\/]/ : /\//);
  if (!p.isAbsolute(realm) || segments.includes('..') || segments.includes('.')) {
    return refuse(
      'arc_key_outside_tokens_dir',
      `The challenge path ${realm} is not a plain absolute path; it was not read.`,
    );
  }
  const dir = p.dirname(p.normalize(realm));
  if (!same(dir, p.normalize(ctx.arcTokensDir).replace(/[\\/]+$/, ''))) {
    return refuse(
      'arc_key_outside_tokens_dir',
      `The challenge path ${realm} is not directly in ${ctx.arcTokensDir}; it was not read.`,
    );
  }
  if (!(ctx.platform === 'win32' ? realm.toLowerCase() : realm).endsWith('.key')) {
    return refuse(
      'arc_key_not_key_file',
      `The challenge path ${realm} does not end in .key; it was not read.`,
    );
  }
  return null;
}

function errorCode(err: unknown): string {
  return (err as NodeJS.ErrnoException | null)?.code ?? '';
}

function fileError(err: unknown, realm: string, ctx: Pick<RuntimeContext, 'platform'>): KeyResult {
  const code = errorCode(err);
  if (code === 'ENOENT') return refuse('arc_key_missing', `The challenge file ${realm} does not exist.`);
  if (code === 'EACCES' || code === 'EPERM') {
    const who =
      ctx.platform === 'win32'
        ? "members of 'Hybrid agent extension applications' or Administrators"
        : 'root and members of the himds group';
    return refuse(
      'arc_key_permission_denied',
      `Permission denied reading ${realm}: only ${who} may read the Arc tokens folder.`,
    );
  }
  if (code === 'ELOOP' || code === 'ENOTREG' || code === 'EISDIR')
    return refuse('arc_key_not_regular_file', `${realm} is not a regular file; it was not read.`);
  if (code === 'EMLINK')
    return refuse('arc_key_hard_link', `${realm} has more than one hard link; it was not read.`);
  if (code === 'EFBIG')
    return refuse(
      'arc_key_too_large',
      `${realm} is larger than ${ARC_SECRET_MAX_BYTES} bytes; it was not read.`,
    );
  return refuse('arc_key_read_failed', `Could not read ${realm} (${code || 'error'}).`);
}

export async function readArcKey(
  realm: string,
  ctx: Pick<RuntimeContext, 'fs' | 'platform' | 'arcTokensDir'>,
): Promise<KeyResult> {
  const pathProblem = checkKeyPath(realm, ctx);
  if (pathProblem) return pathProblem;
  try {
    const stat = await ctx.fs.lstat(realm);
    if (stat.isSymbolicLink || !stat.isFile)
      return refuse(
        'arc_key_not_regular_file',
        `${realm} is a link, folder or special file, not a regular file; it was not read.`,
      );
    if (stat.nlink > 1)
      return refuse(
        'arc_key_hard_link',
        `${realm} has ${stat.nlink} hard links, so it may be another file of this machine; it was not read.`,
      );
    if (stat.size > ARC_SECRET_MAX_BYTES)
      return refuse(
        'arc_key_too_large',
        `${realm} is ${stat.size} bytes, over the ${ARC_SECRET_MAX_BYTES}-byte limit; it was not read.`,
      );
    // The folder itself may be a link; what matters is that the file really lives inside the real folder.
    const p = pathApi(ctx.platform);
    const [realFile, realDir] = await Promise.all([
      ctx.fs.realpath(realm),
      ctx.fs.realpath(ctx.arcTokensDir),
    ]);
    if (p.dirname(realFile) !== realDir)
      return refuse(
        'arc_key_outside_tokens_dir',
        `${realm} resolves outside ${ctx.arcTokensDir}; it was not read.`,
      );
    const secret = await ctx.fs.readSmallFile(realm, ARC_SECRET_MAX_BYTES);
    const value = secret.replace(/\r?\n$/, '');
    // Only printable ASCII can travel in a header without being mangled or splitting it, and only a value
    // that is plausible as a secret may be registered for masking (a short one would blank words in the log).
    if (!isPlausibleSecret(value)) {
      return refuse(
        'arc_key_read_failed',
        `${realm} does not hold a usable secret (empty, short, several lines, spaces or non-ASCII).`,
      );
    }
    return { ok: true, secret: value, path: realm };
  } catch (err) {
    return fileError(err, realm, ctx);
  }
}
