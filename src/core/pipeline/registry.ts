// The checks of a run, in the order they run. A new check is one file under checks/ plus one line here.
import { amaCheck } from '../checks/ama.js';
import { environmentCheck } from '../checks/environment.js';
import { metadataCheck } from '../checks/metadata.js';
import { reachabilityCheck } from '../checks/reachability.js';
import { stabilityCheck } from '../checks/stability.js';
import { tokenCheck } from '../checks/token.js';
import type { CheckModule } from './check.js';

export const CHECKS: readonly CheckModule[] = [
  environmentCheck,
  reachabilityCheck,
  metadataCheck,
  tokenCheck,
  amaCheck,
  stabilityCheck,
];
