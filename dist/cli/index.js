#!/usr/bin/env node
// dist/cli/index.js: starts the CLI bundle (imds-check.cjs) through a V8 code cache kept next to it, so a
// shell running `imds-check` for every check skips compiling the bundle's functions again (BENCHMARKS.md).
// The cache is an optimisation only: any problem with it means a plain start. V8 code is code, so:
// - the cache is bound to the bundle's content: it holds a copy of the bytes it was compiled from, compared
//   byte for byte with the bundle before V8 sees it (V8 itself checks only the source's length, so a
//   same-length change would keep running the old code). A copy, not a hash: comparing 0.3 MB costs
//   microseconds, while hashing would load node:crypto (a SHA-256 cost 2-3 ms of a ~60 ms start, measured), and
//   a copy cannot collide;
// - it is opened once, without following a link, and judged by fstat on that descriptor: a regular file with
//   one link, of the bundle's owner, writable by nobody else, in a folder of that owner (or root) that nobody
//   else may write; then read from the same descriptor;
// - it is written only by the bundle's owner, under a fresh temporary name created exclusively, then renamed
//   into place, whenever it was missing, stale, untrusted or rejected by V8.
// - each command (a check, `emulate`, `merge`) keeps its own cache, and a --help or --version run writes none:
//   V8 caches the functions a run compiled, so a cache written by another command, or by a run that compiled
//   almost nothing, would be accepted and leave the check compiling most of its functions on every run.
// IMDS_CHECK_CODE_CACHE=0 turns it off (no cache file is read or written).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { wrap } = require('node:module');

const bundle = path.join(__dirname, 'imds-check.cjs');
const argv = process.argv.slice(2);
const command = argv[0] === 'emulate' || argv[0] === 'merge' ? argv[0] : 'check';
const cacheFile = path.join(__dirname, `.imds-check.${process.version}.${command}.v8cache`);
const printsOnly = argv.some(
  (arg) => arg === '--help' || arg === '-h' || arg === '--version' || arg === '-V',
);
const MAGIC = Buffer.from('imds-check code cache 2\n');
/** MAGIC, then the bundle's length (uint32), then its bytes, then V8's data. */
const headerBytes = (bundleLength) => MAGIC.length + 4 + bundleLength;
/** Far above any cache of this bundle (about 0.5 MB with its copy): a larger file is not ours. */
const MAX_CACHE_BYTES = 32 * 1024 * 1024;
const { O_RDONLY, O_WRONLY, O_CREAT, O_EXCL, O_NOFOLLOW, O_NONBLOCK } = fs.constants;
const writableOnlyByOwner = (mode) => (mode & 0o022) === 0;

/** `size` bytes from the start of an open file (fewer if it is shorter). */
function readAll(fd, size) {
  const buffer = Buffer.allocUnsafe(size);
  let length = 0;
  for (let n = -1; n !== 0 && length < size; length += n)
    n = fs.readSync(fd, buffer, length, size - length, length);
  return buffer.subarray(0, length);
}

/** The bundle's bytes and owner, both from one descriptor. */
function readBundle() {
  const fd = fs.openSync(bundle, 'r');
  try {
    const stat = fs.fstatSync(fd);
    return { bytes: readAll(fd, stat.size), owner: stat.uid };
  } finally {
    fs.closeSync(fd);
  }
}

/** A folder where nobody but the bundle's owner (or root) can create, replace or link a file. */
function folderTrusted(owner) {
  const stat = fs.statSync(__dirname);
  return stat.isDirectory() && (stat.uid === owner || stat.uid === 0) && writableOnlyByOwner(stat.mode);
}

/** The cache file's first part: what binds it to exactly these bundle bytes. */
function headerFor(bytes) {
  const length = Buffer.alloc(4);
  length.writeUInt32LE(bytes.length);
  return Buffer.concat([MAGIC, length, bytes]);
}

/** The cached data for exactly these bundle bytes, or undefined. */
function readCache(owner, bytes) {
  let fd;
  try {
    // O_NONBLOCK: a FIFO planted under the name must not hang the run before fstat rules it out.
    fd = fs.openSync(cacheFile, O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
  } catch {
    return undefined; // none yet, or a link
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || stat.nlink !== 1 || stat.uid !== owner || !writableOnlyByOwner(stat.mode))
      return undefined;
    const header = headerBytes(bytes.length);
    if (stat.size <= header || stat.size > MAX_CACHE_BYTES) return undefined;
    const data = readAll(fd, stat.size);
    const magic = data.subarray(0, MAGIC.length);
    const length = data.readUInt32LE(MAGIC.length);
    const copy = data.subarray(MAGIC.length + 4, header);
    // Made from other bytes (or by another version of this loader): stale.
    if (!magic.equals(MAGIC) || length !== bytes.length || !copy.equals(bytes)) return undefined;
    return data.subarray(header);
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Header and data under a fresh name, created exclusively without following a link (in a folder only the
 * owner may write, so nobody else can have prepared it), then renamed over the old cache.
 */
function writeCache(bytes, data) {
  const temp = `${cacheFile}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2)}.tmp`;
  try {
    const fd = fs.openSync(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o644);
    try {
      const all = Buffer.concat([headerFor(bytes), data]);
      for (let at = 0; at < all.length;) at += fs.writeSync(fd, all, at, all.length - at, at);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, cacheFile);
  } catch {
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // nothing more to do: the next run starts plainly
    }
  }
}

const { bytes, owner } = readBundle();
const source = bytes.toString('utf8').replace(/^#!.*/, '');
// Only where the owner can be told apart (POSIX) and a link can be refused at open.
const enabled =
  process.env.IMDS_CHECK_CODE_CACHE !== '0' &&
  typeof process.getuid === 'function' &&
  O_NOFOLLOW !== undefined;
let cachedData;
let writable = false;
if (enabled) {
  try {
    if (folderTrusted(owner)) {
      cachedData = readCache(owner, bytes);
      writable = process.getuid() === owner && !printsOnly;
    }
  } catch {
    // no cache we may use
  }
}
const script = new vm.Script(wrap(source), { filename: bundle, cachedData });
if (writable && (cachedData === undefined || script.cachedDataRejected)) {
  // After the run, so the functions it compiled are in the cache too.
  process.once('exit', () => writeCache(bytes, script.createCachedData()));
}
const module_ = { exports: {} };
script.runInThisContext().call(module_.exports, module_.exports, require, module_, bundle, __dirname);
