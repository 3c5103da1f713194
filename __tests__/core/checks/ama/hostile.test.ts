// Text from certificates and HTTP answers is hostile: an inspecting CA whose name carries pipeline commands,
// bidi and line breaks, and a block page whose title and Via header do too. They reach messages only
// neutralised, and the JSON only as data (escaped by safeJson, equal once parsed).
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import https from 'node:https';
import type net from 'node:net';
import tls from 'node:tls';
import { join } from 'node:path';
import {
  buildOutputs,
  renderJson,
  renderJunit,
  renderMarkdown,
  renderText,
} from '../../../../src/core/index.js';
import { issue } from '../../../../src/emulator/ama/x509.js';
import { commandProblems } from '../../../helpers/injection.js';
import { REGIONAL, runAma, startRig, type Rig } from './harness.js';

const EVIL_CA = 'Evil ##vso[task.setvariable variable=X]1 \u202eAC\n::error::forged';
const EVIL_TITLE = '##[error]blocked \u2028::warning::x';
const EVIL_VIA = '1.1 ##vso[task.complete result=Succeeded]';

let rig: Rig;
let server: https.Server;
let port = 0;
let caFile = '';
beforeAll(async () => {
  rig = await startRig();
  const now = Date.now();
  const valid = { notBefore: new Date(now - 3_600_000), notAfter: new Date(now + 86_400_000) };
  const ca = issue({ cn: EVIL_CA, o: 'x', ca: true, ...valid });
  caFile = join(rig.dir, 'evil-ca.pem');
  writeFileSync(caFile, ca.pem);
  const leafFor = (host: string) => {
    const leaf = issue({ cn: host, o: 'x', ca: false, issuer: ca, dnsNames: [host], ...valid });
    return { key: leaf.keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), cert: leaf.pem };
  };
  server = https.createServer(
    { ...leafFor('x.invalid'), SNICallback: (name, cb) => cb(null, tls.createSecureContext(leafFor(name))) },
    (req, res) => {
      res
        .writeHead(200, { 'Content-Type': 'text/html', Via: EVIL_VIA })
        .end(`<html><title>${EVIL_TITLE}</title></html>`);
    },
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as net.AddressInfo).port;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await rig.close();
});

test('issuer, title and Via reach every channel neutralised, and the JSON as escaped data', async () => {
  // Every host answers from the evil server: trusted as ama-trusted-roots it serves the hostile page; trusted
  // through NODE_EXTRA_CA_CERTS only, it is an inspecting CA with a hostile name.
  const network = { resolve: async () => ['127.0.0.1'], port: () => port };
  const trusted = await runAma(rig, { 'ama-trusted-roots': caFile }, network);
  const inspected = await runAma(rig, {}, network, { NODE_EXTRA_CA_CERTS: caFile });
  const hostsOf = (r: typeof trusted) =>
    r.outcome.report.checks.find((c) => c.id === 'ama')!.data!['hosts'] as {
      host: string;
      code: string;
      tls: { issuer: string };
    }[];
  expect(hostsOf(inspected).map((h) => h.code)).toEqual(['ama_tls_inspected', 'ama_tls_inspected']);
  expect(hostsOf(trusted).map((h) => h.code)).toEqual(['ama_not_azure_answer', 'ama_not_azure_answer']);
  for (const run of [trusted, inspected]) {
    const report = run.outcome.report;
    const ama = report.checks.find((c) => c.id === 'ama')!;
    const channels = {
      message: ama.message,
      remediation: ama.remediation,
      progress: run.progress.join('\n'),
      markdown: renderMarkdown(report),
      text: renderText(report, { color: false }),
      junit: renderJunit(report),
      json: renderJson(report),
      outputs: Object.values(buildOutputs(report, null, false, '')).join('\n'),
    };
    for (const [name, text] of Object.entries(channels))
      expect({ name, problems: commandProblems(text) }).toEqual({ name, problems: [] });
    // The raw issuer is kept as data: parsing the JSON gives back what Node read from the certificate.
    const parsed = JSON.parse(channels.json).checks.find((c: { id: string }) => c.id === 'ama').hosts[0].tls
      .issuer;
    expect(parsed).toBe(hostsOf(inspected)[0]!.tls.issuer);
  }
  const inspectedMessage = inspected.outcome.report.checks.find((c) => c.id === 'ama')!.message;
  expect(inspectedMessage).toContain('Evil ##vso(task.setvariable');
  expect(hostsOf(inspected)[0]!.tls.issuer).toContain('##vso[task.setvariable');
  expect(trusted.outcome.report.checks.find((c) => c.id === 'ama')!.message).toContain(REGIONAL);
});
