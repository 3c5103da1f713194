// Issue 21: when nothing answers the metadata request, reachability carries the failure and the metadata row is
// skipped, but the row keeps the time it spent waiting (about 20 s against a silent endpoint) and its attempts, so
// every renderer shows the wait on the row that waited.
import { describe, expect, it } from '@jest/globals';
import { metadataCheck, type MetadataFinding } from '../../../../src/core/checks/metadata/index.js';
import type { ReachabilityFinding } from '../../../../src/core/checks/reachability/index.js';
import { EMPTY_MACHINE, type Findings } from '../../../../src/core/types.js';
import { fakeRun, notSampled } from '../../../helpers/fake-run.js';
import { check } from '../../../helpers/report-factory.js';

const WAITED_MS = 20_912;

function silentMetadata(): MetadataFinding {
  return {
    check: check('metadata', {
      status: 'fail',
      code: 'no_response',
      message:
        'GET /metadata/instance failed after 2 attempts: the connection was accepted but nothing answered.',
      durationMs: WAITED_MS,
      attempts: 2,
      httpStatus: null,
      outcome: 'no-response',
    }),
    recognition: null,
    machine: EMPTY_MACHINE,
    sample: notSampled,
  };
}

function reachability(reachable: boolean): ReachabilityFinding {
  return {
    check: check('reachability', { durationMs: 7 }),
    connected: true,
    reachable,
    attempts: 1,
    connectMs: 7,
  };
}

describe('metadata settle when nothing answered', () => {
  it('skips the row but keeps the time it waited and its attempts', () => {
    const run = fakeRun('vm');
    const findings: Findings = { reachability: reachability(false) };
    const settled = metadataCheck.settle!(silentMetadata(), findings, run);
    expect(settled.check).toMatchObject({
      status: 'skip',
      code: 'skipped',
      outcome: 'skipped',
      durationMs: WAITED_MS,
      attempts: 2,
    });
    expect(settled.check.message).toMatch(/^Not answered: GET \/metadata\/instance failed after 2 attempts/);
  });

  it('leaves the row alone when IMDS did answer', () => {
    const run = fakeRun('vm');
    const own = silentMetadata();
    expect(metadataCheck.settle!(own, { reachability: reachability(true) }, run)).toBe(own);
  });
});
