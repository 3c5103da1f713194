import { renderJunit } from '../../../src/core/render/junit.js';
import { commandProblems } from '../../helpers/injection.js';
import {
  check,
  detailsReport,
  hostileReport,
  passingReport,
  tokenFailReport,
  unreachableReport,
  warnProxyReport,
} from '../../helpers/report-factory.js';
import { parseXml, type XmlElement } from './xml-check.js';

function suiteOf(xml: string): XmlElement {
  const root = parseXml(xml);
  expect(root.name).toBe('testsuites');
  expect(root.children).toHaveLength(1);
  const suite = root.children[0]!;
  expect(suite.name).toBe('testsuite');
  return suite;
}

const cases = (suite: XmlElement): XmlElement[] => suite.children.filter((c) => c.name === 'testcase');

describe('renderJunit', () => {
  it('has an XML declaration, one imds-check suite and one testcase per check', () => {
    const xml = renderJunit(passingReport());
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(xml.endsWith('</testsuites>\n')).toBe(true);
    const suite = suiteOf(xml);
    expect(suite.attributes).toMatchObject({
      name: 'imds-check',
      tests: '4',
      failures: '0',
      skipped: '0',
      time: '0.087',
    });
    expect(suite.attributes.timestamp).toBe('2026-05-04T10:11:12.345Z');
    expect(cases(suite).map((c) => c.attributes)).toEqual([
      { classname: 'imds-check', name: 'environment: Environment', time: '0.001' },
      { classname: 'imds-check', name: 'reachability: Reachability', time: '0.004' },
      { classname: 'imds-check', name: 'metadata: Instance metadata', time: '0.009' },
      { classname: 'imds-check', name: 'token: Managed identity token', time: '0.061' },
    ]);
    expect(cases(suite).every((c) => c.children.length === 0)).toBe(true);
  });

  it('counts failures and skips, and marks skipped checks with <skipped>', () => {
    const suite = suiteOf(renderJunit(unreachableReport()));
    expect(suite.attributes).toMatchObject({
      tests: '4',
      failures: '1',
      skipped: '2',
      errors: '0',
      time: '10.013',
    });
    const [, reach, metadata, token] = cases(suite);
    expect(reach!.children.map((c) => c.name)).toEqual(['failure']);
    expect(metadata!.children).toEqual([
      { name: 'skipped', attributes: { message: 'IMDS is not reachable.' }, children: [], text: '' },
    ]);
    expect(token!.children.map((c) => c.name)).toEqual(['skipped']);
  });

  it('puts code and message on <failure> and the remediation in its body', () => {
    const suite = suiteOf(renderJunit(tokenFailReport()));
    const failure = cases(suite)[3]!.children[0]!;
    expect(failure.name).toBe('failure');
    expect(failure.attributes).toEqual({
      message: 'token_identity_not_found: IMDS answered 400 invalid_request: Identity not found',
      type: 'token_identity_not_found',
    });
    expect(failure.text).toBe('The VM has no managed identity, or not the one selected.');
  });

  it('reports a warning as a passing case with the warning in <system-out>', () => {
    const suite = suiteOf(renderJunit(warnProxyReport()));
    expect(suite.attributes).toMatchObject({ failures: '0', skipped: '0' });
    const env = cases(suite)[0]!;
    expect(env.children.map((c) => c.name)).toEqual(['system-out']);
    expect(env.children[0]!.text).toContain(
      'WARN proxy_without_imds_bypass: HTTPS_PROXY=http://proxy.corp:3128 is set',
    );
    expect(env.children[0]!.text).toContain('fix: Set NO_PROXY=localhost,169.254.169.254');
  });

  it('carries mode, endpoint and result as suite properties', () => {
    const props = suiteOf(renderJunit(unreachableReport())).children.find((c) => c.name === 'properties')!;
    const byName = Object.fromEntries(props.children.map((p) => [p.attributes.name, p.attributes.value]));
    expect(byName).toMatchObject({
      mode: 'vm',
      'mode.signal': 'default-vm',
      endpoint: 'http://169.254.169.254',
    });
    expect(byName).toMatchObject({ result: 'fail', reachable: 'false', 'fail-on': 'error' });
  });

  it('stays well-formed with hostile values: illegal characters removed, markup escaped', () => {
    const xml = renderJunit(hostileReport());
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(xml).not.toContain(']]>');
    expect(xml).not.toContain('<img');
    const failure = cases(suiteOf(xml))[3]!.children[0]!;
    expect(failure.attributes.message).toContain('<img src=x onerror=alert(1)>');
    expect(failure.attributes.message).toContain('nulbellcdata]]>amp&lt<');
    expect(failure.text).toContain('then nulbellcdata]]>amp&lt< `code`');
  });

  it('strips terminal escape sequences and line breaks, and clips huge values', () => {
    const report = tokenFailReport();
    report.checks[3]!.message = 'red\u001b[31mtext\r\nnext ' + 'x'.repeat(1_000_000);
    const xml = renderJunit(report);
    expect(xml).not.toContain('[31m');
    expect(xml.length).toBeLessThan(20_000);
    const failure = cases(suiteOf(xml))[3]!.children[0]!;
    expect(failure.attributes.message).toMatch(/^token_identity_not_found: redtext next x+…$/);
  });

  it('escapes quotes in attributes and keeps an id or title from breaking out of name=""', () => {
    const report = passingReport();
    report.checks[0] = check('environment', { title: `say "hi" & 'bye' /><evil/>` });
    const env = cases(suiteOf(renderJunit(report)))[0]!;
    expect(env.attributes.name).toBe(`environment: say "hi" & 'bye' /><evil/>`);
    expect(env.children).toEqual([]);
  });

  it('omits an unusable timestamp and never prints NaN times', () => {
    const report = passingReport();
    report.startedAt = 'yesterday';
    report.durationMs = Number.NaN;
    report.checks[1]!.durationMs = -5;
    const xml = renderJunit(report);
    expect(xml).not.toContain('timestamp=');
    expect(xml).not.toContain('NaN');
    expect(cases(suiteOf(xml))[1]!.attributes.time).toBe('0.000');
  });
});

describe('the test XML checker itself', () => {
  it('rejects what a broken renderer could produce', () => {
    expect(() => parseXml('<a>\u0000</a>')).toThrow(/illegal/);
    expect(() => parseXml('<a><b></a>')).toThrow();
    expect(() => parseXml('<a x="1 < 2"/>')).toThrow();
    expect(() => parseXml('<a>fish & chips</a>')).toThrow(/stray/);
    expect(() => parseXml('<a/><b/>')).toThrow(/one root/);
    expect(parseXml('<a x="&lt;">t&amp;t</a>')).toEqual({
      name: 'a',
      attributes: { x: '<' },
      children: [],
      text: 't&t',
    });
  });
});

describe('xmlEscape', () => {
  it('removes characters XML 1.0 forbids even when called without neutralise first', async () => {
    const { xmlEscape } = await import('../../../src/core/render/xml-escape.js');
    expect(xmlEscape('a\u0000b\u0007c\u000bd\ufffee\ud800f')).toBe('abcdef');
    expect(xmlEscape('tab\tnl\ncr\r ok 😀')).toBe('tab\tnl\ncr\r ok 😀');
    expect(xmlEscape(`]]> & < > " '`)).toBe(']]&gt; &amp; &lt; &gt; &quot; &apos;');
  });
});

describe('renderJunit details and hostile values', () => {
  it("puts a check's details table in <system-out>, one line per row", () => {
    const env = cases(suiteOf(renderJunit(detailsReport())))[0]!;
    const out = env.children.find((c) => c.name === 'system-out')!;
    expect(out.text.split('\n').slice(-3)).toEqual([
      'Proxy settings:',
      'Variable: HTTPS_PROXY, Value: http://proxy.corp:3128, Covers IMDS: no',
      'Variable: NO_PROXY, Value: localhost,.corp.example, Covers IMDS: no',
    ]);
  });

  it("adds a failed check's details after its <failure>, and a passing check's alone", () => {
    const report = detailsReport();
    const details = report.checks[0]!.details!;
    report.checks[3] = check('token', { status: 'fail', code: 'token_server_error', details });
    report.checks[1] = check('reachability', { details });
    const [, reach, , token] = cases(suiteOf(renderJunit(report)));
    expect(token!.children.map((c) => c.name)).toEqual(['failure', 'system-out']);
    expect(reach!.children.map((c) => c.name)).toEqual(['system-out']);
    expect(reach!.children[0]!.text.startsWith('Proxy settings:\n')).toBe(true);
  });

  it('no line of the XML carries a pipeline command or a control character (issue 9)', () => {
    const xml = renderJunit(hostileReport());
    expect(commandProblems(xml)).toEqual([]);
    const meta = cases(suiteOf(xml))[2]!;
    const text = meta.children[0]!.text;
    expect(text).toContain('##vso(task.setvariable');
    expect(text).toContain(': :add-mask::PASS:');
  });
});
