#!/usr/bin/env node
// dist/cli/index.js: starts the CLI bundle (imds-check.cjs) through a V8 code cache kept next to it, so a
// shell running `imds-check` for every check skips compiling the bundle's functions again (about 10 ms of a
// 60 ms run, BENCHMARKS.md). The cache is an optimisation only: any problem with it means a plain start.
// It is read only when it belongs to the bundle's owner and nobody else may write it (V8 code is code), and
// it is written only by that owner, under a temporary name renamed into place. IMDS_CHECK_CODE_CACHE=0 turns
// it off (no cache file is read or written).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { wrap } = require('node:module');

const bundle = path.join(__dirname, 'imds-check.cjs');
const cacheFile = path.join(__dirname, `.imds-check.${process.version}.v8cache`);
const source = fs.readFileSync(bundle, 'utf8').replace(/^#!.*/, '');

/** Owned by the bundle's owner, writable by no one else: the same trust as the bundle itself. */
function trusted(file, owner) {
  const stat = fs.statSync(file);
  return stat.isFile() && stat.uid === owner && (stat.mode & 0o022) === 0;
}

const enabled = process.env.IMDS_CHECK_CODE_CACHE !== '0';
let owner = -1;
let cachedData;
try {
  owner = fs.statSync(bundle).uid;
  if (enabled && trusted(cacheFile, owner)) cachedData = fs.readFileSync(cacheFile);
} catch {
  // no cache yet, or none we may use
}
const script = new vm.Script(wrap(source), { filename: bundle, cachedData });
if (enabled && (cachedData === undefined || script.cachedDataRejected) && process.getuid?.() === owner) {
  // After the run, so the functions it compiled are in the cache too.
  process.once('exit', () => {
    const temp = `${cacheFile}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(temp, script.createCachedData(), { mode: 0o644, flag: 'wx' });
      fs.renameSync(temp, cacheFile);
    } catch {
      try {
        fs.rmSync(temp, { force: true });
      } catch {
        // nothing more to do: the next run starts plainly
      }
    }
  });
}
const module_ = { exports: {} };
script.runInThisContext().call(module_.exports, module_.exports, require, module_, bundle, __dirname);
