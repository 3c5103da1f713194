// The checkout whose committed bundles (dist/) the bundle-level tests run: this one, or the one named by
// IMDS_CHECK_BUNDLE_ROOT, so a new test can be shown to fail on an older commit's bundles
// (`git worktree add /tmp/old <commit>`, then IMDS_CHECK_BUNDLE_ROOT=/tmp/old npm run test:unit -- <test>).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const thisRepo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const BUNDLE_ROOT = resolve(process.env['IMDS_CHECK_BUNDLE_ROOT'] || thisRepo);
