// Runs inside the private network + mount namespace (conformance-arc.sh): one emulator per job in Arc mode,
// writing its key files to the real Linux tokens dir (a tmpfs here), and one SDK client per job pointed at
// it through IDENTITY_ENDPOINT / IMDS_ENDPOINT. Writes every outcome as JSON for the jest side to assert.
import { readFileSync, writeFileSync } from 'node:fs';
import { baitContent, startEmulator } from '../../src/emulator/index.js';
import { pool, runClient, type ClientOutcome } from '../conformance/run-client.js';

export interface ArcJob {
  key: string;
  scenario: string;
  command: string[];
  spec: Record<string, unknown>;
}

export interface ArcJobResult {
  key: string;
  outcome: ClientOutcome;
  tokenRequests: number;
  /** Requests that carried an Authorization header (a key file was read and its content sent). */
  secretsSent: number;
  baitSent: boolean;
}

const TOKENS_DIR = '/var/opt/azcmagent/tokens';

async function runJob(job: ArcJob): Promise<ArcJobResult> {
  const emulator = await startEmulator({ scenario: job.scenario, mode: 'arc', tokensDir: TOKENS_DIR });
  try {
    const base = `http://localhost:${emulator.port}`;
    const outcome = await runClient({
      command: job.command,
      spec: job.spec,
      env: {
        PATH: process.env['PATH'] ?? '/usr/bin:/bin',
        HOME: '/tmp',
        IDENTITY_ENDPOINT: `${base}/metadata/identity/oauth2/token`,
        IMDS_ENDPOINT: base,
      },
      timeoutMs: 45_000,
    });
    const token = emulator.requests.filter((r) => r.path === '/metadata/identity/oauth2/token');
    const authorizations = token.map((r) => r.headers['authorization']).filter((a) => a !== undefined);
    return {
      key: job.key,
      outcome,
      tokenRequests: token.length,
      secretsSent: authorizations.length,
      baitSent: authorizations.some((a) => String(a).includes(baitContent)),
    };
  } finally {
    await emulator.close();
  }
}

async function main(): Promise<void> {
  const [jobsFile = '', resultsFile = ''] = process.argv.slice(2);
  const jobs = JSON.parse(readFileSync(jobsFile, 'utf8')) as ArcJob[];
  const results = await pool(
    jobs.map((job) => () => runJob(job)),
    4,
  );
  writeFileSync(resultsFile, JSON.stringify(results));
}

await main();
