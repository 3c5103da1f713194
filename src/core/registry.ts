// The checks of a run, in the order they run. A new check is one folder under checks/ plus one line here.
import { amaCheck } from './checks/ama/index.js';
import { amaHostCheck } from './checks/ama-host/index.js';
import { amaIdentityCheck } from './checks/ama-identity/index.js';
import { clockCheck } from './checks/clock/index.js';
import { environmentCheck } from './checks/environment/index.js';
import { metadataCheck } from './checks/metadata/index.js';
import { reachabilityCheck } from './checks/reachability/index.js';
import { stabilityCheck } from './checks/stability/index.js';
import { tokenCheck } from './checks/token/index.js';
import type { CheckModule } from './pipeline/check.js';

export const CHECKS: readonly CheckModule[] = [
  environmentCheck,
  reachabilityCheck,
  metadataCheck,
  tokenCheck,
  amaHostCheck,
  amaIdentityCheck,
  amaCheck,
  clockCheck,
  stabilityCheck,
];
