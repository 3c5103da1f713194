// Finding and reading report files: the small glob (`**`, `*`, `?`), folders searched for *.json, plain files,
// patterns that match nothing, linked folders not followed, the limits a search stops at (and says so), and
// bounded, regular-file-only reading.
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MergePolicy } from '../../src/core/fleet/index.js';
import { compileRest, findReportFiles, MAX_DEPTH, MAX_FILES } from '../../src/host/fleet-glob.js';
import { loadFleet, readReport } from '../../src/host/fleet-files.js';
import { guid, MERGE_TIME, put, reportText } from '../helpers/fleet-reports.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tree(files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'imds-merge-files-'));
  dirs.push(dir);
  for (const f of files) put(dir, f, reportText({ vmId: guid(files.indexOf(f)), name: f }));
  return dir;
}
const ALL_MUST_PASS: MergePolicy = {
  expected: null,
  minPass: { kind: 'percent', value: 10_000, text: '100%' },
  allowCodes: [],
};
const sources = (patterns: string[], cwd: string): string[] =>
  findReportFiles(patterns, cwd).files.map((f) => f.source);

describe('compileRest', () => {
  it.each([
    [['**', '*.json'], 'a.json', true],
    [['**', '*.json'], 'x/y/z/a.json', true],
    [['**', '*.json'], 'x/a.jsonl', false],
    [['*', 'report.json'], 'leg-1/report.json', true],
    [['*', 'report.json'], 'a/b/report.json', false],
    [['leg-?', '*.json'], 'leg-7/r.json', true],
    [['leg-?', '*.json'], 'leg-10/r.json', false],
    [['a.b+(c)', '*.json'], 'a.b+(c)/r.json', true],
    [['a.b+(c)', '*.json'], 'aXb+(c)/r.json', false],
    [['**'], 'any/depth/file', true],
  ])('%j matches %s: %s', (segments, path, expected) => {
    expect(compileRest(segments, false).regex.test(path)).toBe(expected);
  });

  it('reaches only as deep as the pattern can match, unless it has **', () => {
    expect(compileRest(['*', '*.json'], false).depth).toBe(2);
    expect(compileRest(['**', '*.json'], false).depth).toBe(64);
  });
});

describe('findReportFiles', () => {
  const dir = tree([
    'imds-check-reports/imds-check-report-vm-1/report.json',
    'imds-check-reports/imds-check-report-vm-2/report.json',
    'imds-check-reports/imds-check-report-vm-2/junit.xml',
    'imds-check-reports/top.json',
    'other/deep/a/b/c.json',
  ]);

  it('the default pattern finds every report under the download folder, at any depth, sorted', () => {
    expect(sources(['imds-check-reports/**/*.json'], dir)).toEqual([
      'imds-check-reports/imds-check-report-vm-1/report.json',
      'imds-check-reports/imds-check-report-vm-2/report.json',
      'imds-check-reports/top.json',
    ]);
  });

  it('* stays in one folder level; a folder is searched recursively; a file is itself; each file once', () => {
    expect(sources(['imds-check-reports/*/report.json'], dir)).toHaveLength(2);
    expect(sources(['other'], dir)).toEqual(['other/deep/a/b/c.json']);
    expect(sources(['other/deep/a/b/c.json', 'other', join(dir, 'other', '**', '*.json')], dir)).toEqual([
      'other/deep/a/b/c.json',
    ]);
  });

  it('absolute patterns work and files outside the working folder are shown by their absolute path', () => {
    const elsewhere = tree([]);
    const found = findReportFiles([join(dir, 'other', '**', '*.json')], elsewhere);
    expect(found.files.map((f) => f.source)).toEqual([join(dir, 'other/deep/a/b/c.json')]);
  });

  it('a pattern that matches nothing is reported, not an error', () => {
    const found = findReportFiles(['nowhere/**/*.json', 'missing.json'], dir);
    expect(found.files).toEqual([]);
    expect(found.problems).toEqual([
      'nowhere/**/*.json: no report file matched',
      'missing.json: no report file matched',
    ]);
  });

  it('does not follow a linked folder (a loop would never end), but reads a linked file', () => {
    const loopDir = tree(['r/a.json']);
    symlinkSync(join(loopDir, 'r'), join(loopDir, 'r', 'loop'));
    symlinkSync(join(loopDir, 'r', 'a.json'), join(loopDir, 'r', 'link.json'));
    expect(sources(['r/**/*.json'], loopDir)).toEqual(['r/a.json', 'r/link.json']);
  });

  it('stops at the file limit and says so; the limit is for the whole merge, not per pattern', () => {
    const limits = { maxFiles: 2, maxDepth: MAX_DEPTH };
    const found = findReportFiles(['imds-check-reports/**/*.json'], dir, 'linux', limits);
    expect(found.files).toHaveLength(2);
    expect(found.stopped).toEqual(['stopped after 2 files; merge fewer reports at a time']);
    expect(found.problems).toEqual(found.stopped);
    const split = findReportFiles(
      ['imds-check-reports/imds-check-report-vm-1/*.json', 'imds-check-reports/top.json', 'other'],
      dir,
      'linux',
      limits,
    );
    expect([split.files.length, split.stopped]).toEqual([
      2,
      ['stopped after 2 files; merge fewer reports at a time'],
    ]);
    // Exactly at the limit is complete; the same file twice counts once.
    const exact = findReportFiles(['other', 'other/deep/a/b/c.json'], dir, 'linux', {
      ...limits,
      maxFiles: 1,
    });
    expect(exact.stopped).toEqual([]);
    expect(MAX_FILES).toBe(100_000);
  });

  it('stops at the depth a ** may descend and says so; a pattern without ** cannot reach deeper anyway', () => {
    const limits = { maxFiles: MAX_FILES, maxDepth: 3 };
    const deep = findReportFiles(['other/**/*.json'], dir, 'linux', limits);
    expect(deep.files).toEqual([]);
    expect(deep.stopped).toEqual(['did not search folders more than 3 levels deep']);
    expect(findReportFiles(['other'], dir, 'linux', limits).stopped).toHaveLength(1);
    expect(findReportFiles(['other/**/*.json'], dir, 'linux', { ...limits, maxDepth: 4 }).stopped).toEqual(
      [],
    );
    expect(findReportFiles(['other/*/*.json'], dir, 'linux', limits).stopped).toEqual([]);
  });

  it('Windows: backslashes separate folders and names match in any case', () => {
    // The fixed folders are the file system's business (case-insensitive on Windows); the wildcard part is ours.
    const found = findReportFiles(['imds-check-reports\\*\\Report.JSON'], dir, 'win32');
    expect(found.files).toHaveLength(2);
  });
});

describe('readReport', () => {
  const dir = tree([]);

  it('a file over the size limit is an invalid row and is not read', () => {
    const path = put(dir, 'big.json', reportText({ vmId: guid(1) }) + ' '.repeat(2048));
    const row = readReport({ path, source: 'big.json' }, MERGE_TIME, 1024).row;
    expect([row.result, row.reason]).toEqual(['invalid', 'larger than 1024 bytes']);
    expect(readReport({ path, source: 'big.json' }, MERGE_TIME).row.result).toBe('pass');
  });

  it('an unreadable file, a folder or a FIFO is an invalid row naming why, never a hang', () => {
    mkdirSync(join(dir, 'folder.json'));
    expect(
      readReport({ path: join(dir, 'folder.json'), source: 'folder.json' }, MERGE_TIME).row.reason,
    ).toMatch(/^(not a regular file|unreadable \(EISDIR\))$/);
    expect(readReport({ path: join(dir, 'gone.json'), source: 'gone.json' }, MERGE_TIME).row.reason).toBe(
      'unreadable (ENOENT)',
    );
    if (process.platform !== 'win32') {
      execFileSync('mkfifo', [join(dir, 'fifo.json')]);
      // The glob lists regular files only, so a FIFO in the reports folder is never opened.
      expect(findReportFiles([dir], dir).files.map((f) => f.source)).not.toContain('fifo.json');
    }
  });

  it('loadFleet reads every file into one fleet and passes the problems on', () => {
    const d = tree(['a/1.json', 'a/2.json', 'a/3.json']);
    writeFileSync(join(d, 'a', 'bad.json'), '{');
    const loaded = loadFleet(['a/*.json', 'b/*.json'], d, { now: MERGE_TIME });
    expect(loaded.files).toBe(4);
    expect(loaded.problems).toEqual(['b/*.json: no report file matched']);
    const report = loaded.fleet.finish(ALL_MUST_PASS, { toolVersion: 't', generatedAt: 'g' });
    expect(report.counts).toMatchObject({ machines: 4, passed: 3, invalid: 1 });
    expect(report.gateFailures).toEqual([]);
  });

  it('loadFleet: a search stopped at a limit fails the gate even when every file read passes', () => {
    const d = tree(['a/1.json', 'a/2.json', 'a/3.json']);
    const loaded = loadFleet(['a'], d, { now: MERGE_TIME, limits: { maxFiles: 2, maxDepth: MAX_DEPTH } });
    expect(loaded.files).toBe(2);
    const report = loaded.fleet.finish(ALL_MUST_PASS, { toolVersion: 't', generatedAt: 'g' });
    expect([report.counts.passed, report.result]).toEqual([2, 'fail']);
    expect(report.gateFailures.map((g) => g.code)).toEqual(['fleet_scan_incomplete']);
  });
});
