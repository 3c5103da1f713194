// Files behind the Arc challenge: the tokens dir, bait files outside it, and one key file per challenge.
// Bait files hold `baitContent`; a client that follows a bad realm and sends the bait is caught by the tests.

import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { later, type EmulatorState } from './state.js';

/** Content of every bait file. Shaped like a real secret (64 hex chars) so a careless client would send it. */
export const baitContent = 'ba17ba17c0ffee00deadbeef5ec2e7ba17ba17c0ffee00deadbeef5ec2e70000';
export const OVERSIZED_KEY_BYTES = 5000;

export interface ArcDirs {
  tokensDir: string;
  baitDir: string;
  cleanup: string[];
}

/** Default: one private temp root holding `tokens/` and a sibling `outside/` for bait, so `tokens/..` is ours too. */
export function prepareArcDirs(tokensDirOption: string | undefined): ArcDirs {
  if (tokensDirOption === undefined) {
    const root = mkdtempSync(join(tmpdir(), 'imds-emu-'));
    const tokensDir = join(root, 'tokens');
    const baitDir = join(root, 'outside');
    mkdirSync(tokensDir, { mode: 0o750 });
    mkdirSync(baitDir, { mode: 0o750 });
    return { tokensDir, baitDir, cleanup: [root] };
  }
  const tokensDir = resolve(tokensDirOption);
  const cleanup: string[] = [];
  const created = mkdirSync(tokensDir, { recursive: true, mode: 0o750 });
  if (created !== undefined) cleanup.push(created);
  const baitDir = mkdtempSync(join(tmpdir(), 'imds-emu-bait-'));
  cleanup.push(baitDir);
  return { tokensDir, baitDir, cleanup };
}

function writePrivate(state: EmulatorState, path: string, content: string): void {
  writeFileSync(path, content, { mode: 0o640 });
  chmodSync(path, 0o640); // whatever the umask says, as the agent does
  state.cleanup.push(path);
}

function tokensPath(state: EmulatorState, extension: string): string {
  return join(state.tokensDir ?? '', `${randomUUID()}${extension}`);
}

/**
 * A fresh single-use secret in a new .key file; returns its path. Real HIMDS key files are single-use and
 * short-lived (imds-protocol.md §4.3): an unused one goes, with its secret, after `arcKeyLifetimeMs`.
 */
export function writeSecretFile(state: EmulatorState): string {
  const secret = randomBytes(32).toString('hex');
  const path = tokensPath(state, '.key');
  writePrivate(state, path, secret);
  state.secrets.set(secret, path);
  state.issuedSecrets.push(secret);
  later(state, state.arcKeyLifetimeMs, () => {
    if (state.secrets.delete(secret)) rmSync(path, { force: true });
  });
  return path;
}

function writeBait(state: EmulatorState, path: string, content = baitContent): string {
  writePrivate(state, path, content);
  state.baitPaths.push(path);
  return path;
}

/** The realm path of one bad-key challenge; `variant` is the scenario's ArcKeyVariant. */
export function writeBadKey(state: EmulatorState, variant: string): string {
  const baitDir = state.baitDir ?? '';
  switch (variant) {
    case 'outside':
      return writeBait(state, join(baitDir, `${randomUUID()}.key`));
    case 'not-key':
      return writeBait(state, tokensPath(state, '.txt'));
    case 'oversized':
      return writeBait(state, tokensPath(state, '.key'), baitContent.padEnd(OVERSIZED_KEY_BYTES, '0'));
    case 'symlink': {
      const target = writeBait(state, join(baitDir, `${randomUUID()}.key`));
      const link = tokensPath(state, '.key');
      symlinkSync(target, link);
      state.cleanup.push(link);
      return link;
    }
    case 'dotdot': {
      // Built by hand: path.join would normalise the '..' away, and the point is that it is there.
      const realm = `${state.tokensDir ?? ''}${sep}..${sep}bait.key`;
      if (!existsSync(realm)) writeBait(state, realm);
      return realm;
    }
    case 'fifo': {
      const path = tokensPath(state, '.key');
      execFileSync('mkfifo', ['-m', '0640', path], { stdio: 'ignore' });
      state.cleanup.push(path);
      return path;
    }
    case 'dir': {
      const path = tokensPath(state, '.key');
      mkdirSync(path);
      state.cleanup.push(path);
      return path;
    }
    default:
      throw new Error(`unknown Arc key variant ${variant}`);
  }
}

/** Consumes an outstanding secret: true when it was valid. The file goes, as HIMDS removes it. */
export function redeemSecret(state: EmulatorState, secret: string): boolean {
  const path = state.secrets.get(secret);
  if (path === undefined) return false;
  state.secrets.delete(secret);
  rmSync(path, { force: true });
  return true;
}

export function removeAll(paths: readonly string[]): void {
  for (const path of [...paths].reverse()) {
    try {
      rmSync(path, { recursive: true, force: true });
    } catch {
      // best effort: a file the test removed or made unremovable must not break close()
    }
  }
}
