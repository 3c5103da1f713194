// Report files are written privately (issue 9): the fallback folder is a fresh 0700 mkdtemp folder, and a
// planted symlink at report.json is replaced, never followed (its target keeps its content).
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportFolder, writePrivately, writeReports } from '../../src/host/report-files.js';
import { passingReport } from '../helpers/report-factory.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'imds-check-files-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const mode = (path: string): number => statSync(path).mode & 0o777;
const posix = process.platform !== 'win32';

describe('reportFolder', () => {
  it('without a per-job temp folder: a new private folder under the system temp, never a shared name', async () => {
    const a = await reportFolder(undefined, root);
    const b = await reportFolder('', root);
    expect(a).not.toBe(b);
    for (const dir of [a, b]) {
      expect(dir.startsWith(join(root, 'imds-check-'))).toBe(true);
      expect(dir).not.toBe(join(root, 'imds-check'));
      expect(statSync(dir).isDirectory()).toBe(true);
      if (posix) expect(mode(dir)).toBe(0o700);
    }
  });

  it('with RUNNER_TEMP / Agent.TempDirectory: <temp>/imds-check', async () => {
    const dir = await reportFolder(join(root, 'runner-temp'), '/nonexistent');
    expect(dir).toBe(join(root, 'runner-temp', 'imds-check'));
    expect(statSync(dir).isDirectory()).toBe(true);
  });
});

describe('writePrivately', () => {
  it('writes a new file readable by its owner only, and leaves no temporary file', async () => {
    const path = join(root, 'report.json');
    await writePrivately(path, '{"a":1}\n');
    expect(readFileSync(path, 'utf8')).toBe('{"a":1}\n');
    if (posix) expect(mode(path)).toBe(0o600);
    expect(readdirSync(root)).toEqual(['report.json']);
  });

  it('replaces a planted symlink at the final name instead of following it', async () => {
    const target = join(root, 'victim.txt');
    writeFileSync(target, 'precious');
    const path = join(root, 'report.json');
    symlinkSync(target, path);
    await writePrivately(path, 'report');
    expect(readFileSync(target, 'utf8')).toBe('precious');
    expect(lstatSync(path).isSymbolicLink()).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe('report');
  });

  it('replaces a dangling planted symlink without creating its target', async () => {
    const target = join(root, 'created-by-attacker-choice');
    const path = join(root, 'report.json');
    symlinkSync(target, path);
    await writePrivately(path, 'report');
    expect(() => statSync(target)).toThrow();
    expect(lstatSync(path).isFile()).toBe(true);
  });

  it('overwrites an earlier report of its own', async () => {
    const path = join(root, 'report.json');
    await writePrivately(path, 'one');
    await writePrivately(path, 'two');
    expect(readFileSync(path, 'utf8')).toBe('two');
  });

  it('creates missing folders', async () => {
    const path = join(root, 'a', 'b', 'report.json');
    await writePrivately(path, 'x');
    expect(readFileSync(path, 'utf8')).toBe('x');
  });
});

describe('writeReports', () => {
  it('writes report.json in the default folder and JUnit on request; a symlinked JUnit path is not followed', async () => {
    const target = join(root, 'victim.xml');
    writeFileSync(target, 'precious');
    const junit = join(root, 'junit.xml');
    symlinkSync(target, junit);
    const written = await writeReports(passingReport(), {
      reportPath: '',
      junitPath: junit,
      defaultDir: root,
    });
    expect(written).toEqual({ reportPath: join(root, 'report.json'), junitPath: junit, problems: [] });
    expect(JSON.parse(readFileSync(written.reportPath, 'utf8'))).toMatchObject({
      result: 'pass',
      schemaVersion: 1,
    });
    expect(readFileSync(junit, 'utf8')).toMatch(/^<\?xml/);
    expect(readFileSync(target, 'utf8')).toBe('precious');
  });

  it('writes nothing when no path and no default folder are given (the CLI writes files only on request)', async () => {
    expect(await writeReports(passingReport(), { reportPath: '', junitPath: '', defaultDir: '' })).toEqual({
      reportPath: '',
      junitPath: '',
      problems: [],
    });
    expect(readdirSync(root)).toEqual([]);
  });

  it('a file that cannot be written is one problem (what, path, errno) and an empty report path', async () => {
    const blocker = join(root, 'file');
    writeFileSync(blocker, 'x');
    const written = await writeReports(passingReport(), {
      reportPath: join(blocker, 'report.json'),
      junitPath: '',
      defaultDir: '',
    });
    expect(written.reportPath).toBe('');
    expect(written.problems).toHaveLength(1);
    expect(written.problems[0]).toEqual({
      what: 'JSON report',
      path: join(blocker, 'report.json'),
      errno: expect.stringMatching(/^(ENOTDIR|EEXIST)$/),
    });
  });

  it('the written JSON has no pipeline command even when the report carries one', async () => {
    const report = passingReport();
    report.machine.name = 'vm1 ##vso[task.setvariable variable=X]1';
    mkdirSync(join(root, 'out'));
    const written = await writeReports(report, {
      reportPath: join(root, 'out', 'r.json'),
      junitPath: '',
      defaultDir: '',
    });
    const text = readFileSync(written.reportPath, 'utf8');
    expect(text).not.toContain('##');
    expect(JSON.parse(text).machine.name).toBe(report.machine.name);
  });
});
