// The start-up bench's pieces that decide what is measured and what is printed (issue 11): the floor file,
// the ratio verdicts, the namespace guard and the commands at each address. The timings themselves are only
// measured by `npm run bench`, never asserted here.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasCompileCache } from '../../scripts/bench/compile-cache.mjs';
import { IMDS_ADDRESS, namespaceProblem } from '../../scripts/bench/netns.mjs';
import {
  ratioText,
  startupSummaryLines,
  startupVerdicts,
  type StartupGroup,
} from '../../scripts/bench/report-startup.mjs';
import { cli, githubAction, httpFloor, removeScratch, ROOT } from '../../scripts/bench/tools.mjs';
import { METADATA_PATH, TOKEN_PATH } from '../../scripts/bench/urls.mjs';
import {
  METADATA_PATH as PRODUCT_METADATA,
  TOKEN_PATH as PRODUCT_TOKEN,
  VM_METADATA_API_VERSION,
  VM_TOKEN_API_VERSION,
} from '../../src/core/imds/protocol.js';
import { DEFAULT_RESOURCE } from '../../src/core/clouds.js';

const FLOOR = join(ROOT, 'scripts/bench/http-floor.cjs');
const summary = (median: number) => ({ median, min: median, max: median, n: 1 });
const measured = (ms: number, kib: number) => ({ wall: summary(ms), peak: summary(kib) });

describe('the node:http floor (scripts/bench/http-floor.cjs)', () => {
  const source = readFileSync(FLOOR, 'utf8');

  it('is one CommonJS file that requires only node:http', () => {
    expect([...source.matchAll(/require\(\s*'([^']+)'\s*\)/g)].map((m) => m[1])).toEqual(['node:http']);
    expect(source).not.toMatch(/^\s*import\s/m);
    expect(source).toMatch(/keepAlive: true/);
    expect(source.match(/JSON\.parse\(/g)).toHaveLength(1); // inside the loop over both requests
  });

  it('sends the two requests the product sends (VM defaults), the metadata GET first', () => {
    const product = [
      `${PRODUCT_METADATA}?api-version=${VM_METADATA_API_VERSION}`,
      `${PRODUCT_TOKEN}?${new URLSearchParams({ 'api-version': VM_TOKEN_API_VERSION, resource: DEFAULT_RESOURCE })}`,
    ];
    expect([METADATA_PATH, TOKEN_PATH]).toEqual(product);
    expect(source).toContain(`'${METADATA_PATH}'`);
    expect(source).toContain(`'${TOKEN_PATH}'`);
    expect(source.indexOf('[METADATA_PATH, TOKEN_PATH]')).toBeGreaterThan(0);
  });

  it('refuses an address that is neither the loopback emulator nor the flagged namespace run', () => {
    // 192.0.2.1 is a documentation address: even a broken guard could not reach an IMDS with it.
    for (const args of [['http://192.0.2.1'], ['http://192.0.2.1', '--in-bench-netns'], []]) {
      const run = spawnSync(process.execPath, [FLOOR, ...args], { encoding: 'utf8', timeout: 10_000 });
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/^http-floor: refusing '/);
    }
  });
});

describe('start-up verdicts', () => {
  const group = (cliMs: number, actionMs: number, cliKiB = 40_000): StartupGroup => ({
    runtime: 'Node v24.0.0',
    place: 'loopback emulator',
    floor: measured(40, 40_000),
    doors: { cli: measured(cliMs, cliKiB), action: measured(actionMs, 60_000), ado: measured(100, 44_000) },
  });

  it('meets a target at exactly the limit and misses it just above', () => {
    const [cliAt, actionAt] = startupVerdicts(group(52, 80));
    expect(cliAt!.time).toEqual({ ratio: 1.3, target: 1.3, met: true });
    expect(actionAt!.time).toEqual({ ratio: 2, target: 2, met: true });
    const [cliOver, actionOver] = startupVerdicts(group(52.4, 80.4));
    expect(cliOver!.time!.met).toBe(false);
    expect(actionOver!.time!.met).toBe(false);
  });

  it('judges memory against its own targets: CLI 1.3×, Action 1.5×', () => {
    const [cliV, actionV] = startupVerdicts(group(50, 70, 52_400));
    expect(cliV!.memory).toMatchObject({ target: 1.3, met: false });
    expect(actionV!.memory).toEqual({ ratio: 1.5, target: 1.5, met: true });
  });

  it('shows the task without a target, and leaves out a door that was not measured', () => {
    const verdicts = startupVerdicts(group(50, 70));
    expect(verdicts.map((v) => v.door.id)).toEqual(['cli', 'action', 'ado']);
    expect(verdicts[2]!.time).toEqual({ ratio: 2.5, target: undefined, met: undefined });
    expect(ratioText(verdicts[2]!.time)).toBe('2.50×');
    const noTask = { ...group(50, 70), doors: { cli: measured(50, 40_000) } };
    expect(startupVerdicts(noTask).map((v) => v.door.id)).toEqual(['cli']);
  });

  it('prints one line per runtime and address, with each ratio as measured', () => {
    const [line] = startupSummaryLines([group(60, 78)]);
    expect(line).toBe(
      'Node v24.0.0, loopback emulator: floor 0.040 s; ' +
        'CLI/floor 1.50× (≤ 1.3×: NOT met), memory 1.00× (≤ 1.3×: met); ' +
        'Action/floor 1.95× (≤ 2×: met), memory 1.50× (≤ 1.5×: met); ' +
        'task/floor 2.50×, memory 1.10×',
    );
  });

  it('knows which Node has module.enableCompileCache', () => {
    expect(['v20.20.2', 'v22.0.0', 'v22.1.0', 'v23.0.0', 'v24.22.3'].map(hasCompileCache)).toEqual([
      false,
      false,
      true,
      true,
      true,
    ]);
  });
});

describe('the default-address namespace guard', () => {
  const lo = [
    '1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever',
    `1: lo    inet ${IMDS_ADDRESS}/32 scope global lo\\       valid_lft forever preferred_lft forever`,
    '1: lo    inet6 ::1/128 scope host \\       valid_lft forever preferred_lft forever',
  ];

  it('accepts another namespace that holds only lo with 127.0.0.1 and the IMDS address', () => {
    expect(namespaceProblem('net:[4026532400]', 'net:[4026531840]', lo)).toBeNull();
  });

  it('refuses this machine’s own namespace and anything it cannot identify', () => {
    expect(namespaceProblem('net:[4026531840]', 'net:[4026531840]', lo)).toMatch(/own network namespace/);
    expect(namespaceProblem('', 'net:[4026531840]', lo)).toMatch(/cannot tell/);
  });

  it('refuses a namespace with another interface, another address, or without the IMDS address', () => {
    const inside = 'net:[4026532400]';
    const outside = 'net:[4026531840]';
    expect(
      namespaceProblem(inside, outside, [...lo, '2: eth0    inet 10.0.0.4/24 scope global eth0']),
    ).toMatch(/other than lo: eth0/);
    expect(namespaceProblem(inside, outside, [...lo, '1: lo    inet 10.1.2.3/32 scope global lo'])).toMatch(
      /unexpected addresses/,
    );
    expect(namespaceProblem(inside, outside, [lo[0]!])).toMatch(/is not on lo/);
  });
});

describe('the commands at each address', () => {
  const url = 'http://127.0.0.1:39999';
  afterAll(() => removeScratch()); // the Action's runner folders
  const wrap = (argv: string[]) => ['/usr/bin/nsenter', '--net=/run/netns/imds-bench-test', '--', ...argv];

  it('gives the loopback emulator to every command, and refuses any other URL', () => {
    expect(cli(url).args).toEqual([join(ROOT, 'dist/cli/index.js'), '--endpoint', url]);
    expect(httpFloor(url).args).toEqual([FLOOR, url]);
    expect(githubAction(url).env['INPUT_ENDPOINT']).toBe(url);
    expect(() => cli(`http://${IMDS_ADDRESS}`)).toThrow(/must be http:\/\/127\.0\.0\.1/);
    expect(() => githubAction('http://localhost:40342')).toThrow(/must be http:\/\/127\.0\.0\.1/);
  });

  it('runs default inputs through the namespace wrapper at the default address', () => {
    const place = { wrap };
    const c = cli(place);
    expect([c.cmd, ...c.args]).toEqual(wrap([process.execPath, join(ROOT, 'dist/cli/index.js')]));
    const floor = httpFloor(place);
    expect([floor.cmd, ...floor.args]).toEqual(
      wrap([process.execPath, FLOOR, `http://${IMDS_ADDRESS}`, '--in-bench-netns']),
    );
    const action = githubAction(place);
    expect(action.cmd).toBe('/usr/bin/nsenter');
    expect(action.env['INPUT_ENDPOINT']).toBe('');
  });
});
