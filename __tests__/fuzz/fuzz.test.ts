// Hostile-answer fuzzer: FUZZ_CASES (default 2000) seeded cases, each a raw TCP server on 127.0.0.1 answering
// the real engine with mutated status lines, headers, framing, bodies and (Arc) challenges. Per case: no throw,
// no unhandled rejection, a verdict within timeout-seconds + 2 s, pass exactly when the answer was valid (a
// JWT; values of their fields' shapes), a warning exactly when only a value is out of shape, no Arc bait sent,
// no token or secret in the rendered report, no pipeline command or control character in any rendered
// channel, every output of its shape, and only plausible secrets registered. Replay with FUZZ_SEED=<seed>.
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildOutputs,
  isPlausibleSecret,
  OUTPUT_SHAPES,
  parseOptions,
  renderJson,
  renderJunit,
  renderMarkdown,
  renderText,
  runProbe,
  type OutputName,
} from '../../src/core/index.js';
import { pathLink } from '../../src/host/code-links.js';
import { CLI_SPELLING } from '../../src/host/spelling.js';
import { engineContext } from '../helpers/engine-context.js';
import { commandProblems } from '../helpers/injection.js';
import { leaksIn } from '../helpers/leaks.js';
import { generateCase, type FuzzCase } from './generator.js';
import { Prng } from './prng.js';
import { startFuzzServer } from './server.js';

const SEED = Number(process.env['FUZZ_SEED'] ?? Math.floor(Math.random() * 2 ** 32));
const CASES = Number(process.env['FUZZ_CASES'] ?? 2000);
const CONCURRENCY = 16;
/**
 * timeout-seconds of a case that may wait for a bound (broken framing, a retried status): short, since such a
 * case takes all of it. A case decided as soon as its answers arrive gets room for a loaded 2-core machine (16
 * cases at once, 600 KB bodies, 10,000-level nesting): on a quiet machine it takes milliseconds, and its
 * oracle (pass, warn or fail) and the bound of timeout-seconds + 2 s stay the same.
 */
const TIMEOUT_SECONDS = 2;
const DECIDED_TIMEOUT_SECONDS = 10;
/** Every token request asks for an ARM audience: fuzzed clouds are unknown (or the public one). */
const ARM_AUDIENCES = new Set([
  'https://management.azure.com/',
  'https://management.usgovcloudapi.net/',
  'https://management.chinacloudapi.cn/',
  'https://management.microsoftazure.de/',
]);
const BAIT = 'ba17ba17fuzzba17ba17fuzzba17ba17fuzzba17ba17fuzzba17ba17fuzz0000';

let root: string;
let tokensDir: string;
let baitPath: string;
const rejections: unknown[] = [];
const onRejection = (reason: unknown): void => void rejections.push(reason);

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'imdsck-fuzz-'));
  tokensDir = join(root, 'tokens');
  mkdirSync(tokensDir, { mode: 0o750 });
  mkdirSync(join(root, 'outside'));
  baitPath = join(root, 'outside', 'bait.key');
  writeFileSync(baitPath, BAIT);
  process.on('unhandledRejection', onRejection);
});
afterAll(() => {
  process.off('unhandledRejection', onRejection);
  rmSync(root, { recursive: true, force: true });
});

interface Failure {
  index: number;
  problem: string;
}

const describe = (c: FuzzCase): string =>
  `${c.mode} meta=${c.metadata.docKind}/${c.metadata.framing} token=${c.token.docKind}/${c.token.framing}${c.challenge ? ` challenge=${c.challenge.kind}` : ''}`;

async function runCase(c: FuzzCase): Promise<Failure[]> {
  const problems: string[] = [];
  if (c.mode === 'arc') writeFileSync(join(tokensDir, c.keyName), c.secret);
  const server = await startFuzzServer(c);
  try {
    const timeoutSeconds = c.waits ? TIMEOUT_SECONDS : DECIDED_TIMEOUT_SECONDS;
    const parsed = parseOptions(
      { endpoint: server.url, mode: c.mode, 'timeout-seconds': String(timeoutSeconds) },
      CLI_SPELLING,
    );
    if (!parsed.ok) throw new Error(parsed.error.message);
    const { ctx, secrets } = engineContext({ arcTokensDir: tokensDir });
    const started = Date.now();
    let outcome;
    try {
      outcome = await runProbe(parsed.options, ctx);
    } catch (err) {
      const where =
        err instanceof Error ? (err.stack ?? '').split('\n').slice(0, 3).join(' / ') : String(err);
      return [{ index: c.index, problem: `runProbe threw: ${where} [${describe(c)}]` }];
    }
    const elapsed = Date.now() - started;
    if (elapsed > (timeoutSeconds + 2) * 1000) problems.push(`took ${elapsed} ms`);
    const checks = Object.fromEntries(outcome.report.checks.map((k) => [k.id, k]));
    const metaPass = checks['metadata']?.status === 'pass';
    const tokenPass = checks['token']?.status === 'pass';
    if (c.metadataPasses !== null && metaPass !== c.metadataPasses)
      problems.push(
        `metadata ${checks['metadata']?.status}/${checks['metadata']?.code}, expected pass=${c.metadataPasses}`,
      );
    if (c.tokenPasses !== null && tokenPass !== c.tokenPasses)
      problems.push(
        `token ${checks['token']?.status}/${checks['token']?.code}, expected pass=${c.tokenPasses}`,
      );
    const warned = (id: string, code: string): boolean =>
      checks[id]?.status === 'warn' && checks[id]?.code === code;
    if (c.metadataWarns && !warned('metadata', 'metadata_value_rejected'))
      problems.push(
        `metadata ${checks['metadata']?.status}/${checks['metadata']?.code}, expected a value warning`,
      );
    if (c.tokenWarns && !warned('token', 'token_claim_rejected'))
      problems.push(`token ${checks['token']?.status}/${checks['token']?.code}, expected a claim warning`);
    // Safety whatever the oracle: a broken token answer or a hostile challenge never yields a passing token.
    if (tokenPass && c.tokenPasses === false) problems.push('token passed on an invalid answer');
    if (outcome.report.result === 'pass' && !(metaPass && tokenPass))
      problems.push('result pass without both checks passing');
    if (server.received.some((r) => r.method !== 'GET')) problems.push('non-GET request');
    // Issue 17: azEnvironment `constructor` made the resource `function Object() { [native code] }`.
    for (const r of server.received.filter((q) => q.path.startsWith('/metadata/identity/oauth2/token'))) {
      const resource = new URL(r.path, 'http://fuzz.invalid').searchParams.get('resource') ?? '';
      if (!ARM_AUDIENCES.has(resource)) problems.push(`token asked for resource ${JSON.stringify(resource)}`);
    }
    if (
      server.received.some(
        (r) =>
          r.authorization?.includes(BAIT) || r.authorization?.includes(Buffer.from(BAIT).toString('base64')),
      )
    )
      problems.push('Arc bait content was sent');
    const channels = {
      json: renderJson(outcome.report),
      text: renderText(outcome.report, { color: false, codeLink: pathLink }),
      markdown: renderMarkdown(outcome.report, { codeLink: pathLink }),
      junit: renderJunit(outcome.report),
    };
    // Issue 9: nothing a pipeline or terminal would act on, in any channel, whatever the answer held.
    for (const [name, text] of Object.entries(channels)) {
      const found = commandProblems(text);
      if (found.length > 0) problems.push(`${found[0]!.what} in ${name}`);
    }
    for (const [name, value] of Object.entries(
      buildOutputs(outcome.report, outcome.accessToken, true, '/r'),
    )) {
      const fits = OUTPUT_SHAPES[name as OutputName];
      if (/[\r\n]/.test(value) || (fits && value !== '' && !fits(value)))
        problems.push(`output ${name} out of shape`);
    }
    if (secrets.some((s) => !isPlausibleSecret(s)))
      problems.push('an implausible value registered as a secret');
    // Scan for every token the server put on the wire, not only those the engine chose to register.
    const onTheWire = [
      ...c.token.raw.toString('latin1').matchAll(/"access_token"\s*:\s*"([^"\\]{16,})"/g),
    ].map((m) => m[1]!);
    const leaked = leaksIn(channels, [...secrets.filter((s) => s.length >= 16), ...onTheWire, c.secret]);
    if (leaked.length > 0) problems.push(`secret in ${leaked.join(', ')}`);
  } finally {
    await server.close();
  }
  return problems.map((problem) => ({ index: c.index, problem: `${problem} [${describe(c)}]` }));
}

test(`fuzz: ${CASES} hostile answers (seed ${SEED})`, async () => {
  console.log(
    `fuzz: seed ${SEED}, ${CASES} cases (replay: FUZZ_SEED=${SEED} FUZZ_CASES=${CASES} npm test -- __tests__/fuzz)`,
  );
  const rnd = new Prng(SEED);
  const nowSeconds = Math.floor(Date.now() / 1000);
  const cases = Array.from({ length: CASES }, (_, i) =>
    generateCase(rnd, i, { tokensDir, baitPath }, nowSeconds),
  );
  const failures: Failure[] = [];
  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < cases.length) failures.push(...(await runCase(cases[next++]!)));
    }),
  );
  const count = (f: (c: FuzzCase) => boolean): number => cases.filter(f).length;
  console.log(
    `fuzz: ${cases.length} cases (${count((c) => c.mode === 'arc')} Arc) in ${Date.now() - started} ms; metadata must pass ${count((c) => c.metadataPasses === true)} / must not ${count((c) => c.metadataPasses === false)}; token must pass ${count((c) => c.tokenPasses === true)} / must not ${count((c) => c.tokenPasses === false)}; must warn: metadata ${count((c) => c.metadataWarns)}, token ${count((c) => c.tokenWarns)}; ${failures.length} failures`,
  );
  // .ci/run prints how many cases ran from this file.
  mkdirSync('build', { recursive: true });
  writeFileSync(
    'build/fuzz-summary.json',
    JSON.stringify({ seed: SEED, cases: cases.length, failures: failures.length, ms: Date.now() - started }),
  );
  // The oracle is not vacuous: every outcome is exercised for both checks.
  expect(
    Math.min(
      count((c) => c.metadataPasses === true),
      count((c) => c.tokenPasses === true),
      count((c) => c.tokenPasses === false),
      count((c) => c.metadataWarns),
      count((c) => c.tokenWarns),
    ),
  ).toBeGreaterThan(CASES / 100);
  // Grouped by kind of problem, with up to three case examples each, so one bug does not hide another.
  const grouped: Record<string, string[]> = {};
  for (const f of failures) {
    const key = f.problem
      .replace(/ \[.*$/s, '')
      .replace(/\/.*$/s, '')
      .slice(0, 120);
    (grouped[key] ??= []).push(`#${f.index} ${f.problem.slice(f.problem.lastIndexOf('['))}`);
  }
  const summary = Object.entries(grouped).map(([k, v]) => `${v.length}x ${k}: ${v.slice(0, 3).join('; ')}`);
  expect(summary).toEqual([]);
  expect(rejections).toEqual([]);
}, 240_000);
