// Runs one SDK client in a child process and reads its one-line JSON outcome. Node built-ins only: the Arc
// suite runs this file (transpiled) inside a private namespace, outside jest.
import { spawn } from 'node:child_process';

export type ClientOutcome =
  | { kind: 'token'; ms: number; claims: { appid: string; oid: string } | null }
  | {
      kind: 'error';
      ms: number;
      name: string;
      code: string;
      causeName: string;
      status?: number;
      message: string;
    }
  | { kind: 'crash'; ms: number; detail: string };

export interface ClientRun {
  /** Interpreter and script, from runtime.ts. */
  command: string[];
  /** The client's JSON spec (mode and selector). */
  spec: Record<string, unknown>;
  /** The child's whole environment: nothing of the test runner's leaks in. */
  env: Record<string, string>;
  timeoutMs: number;
}

export function runClient(run: ClientRun): Promise<ClientOutcome> {
  const started = Date.now();
  return new Promise((resolve) => {
    const [binary = '', ...args] = run.command;
    const child = spawn(binary, [...args, JSON.stringify(run.spec)], {
      env: run.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), run.timeoutMs);
    const crash = (detail: string): ClientOutcome => ({ kind: 'crash', ms: Date.now() - started, detail });
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve(crash(`spawn failed: ${err.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(line) as ClientOutcome);
      } catch {
        const why = signal === 'SIGKILL' ? `killed after ${run.timeoutMs} ms` : `exit ${String(code)}`;
        resolve(
          crash(
            `${why}; stdout ${JSON.stringify(stdout.slice(-300))}; stderr ${JSON.stringify(stderr.slice(-300))}`,
          ),
        );
      }
    });
  });
}

/** Runs `jobs` with at most `limit` at once, in order of start; results keep the input order. */
export async function pool<T>(jobs: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array<T>(jobs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const index = next++;
      results[index] = await (jobs[index] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results;
}

/** A short cell for the printed table. */
export function describeOutcome(outcome: ClientOutcome, labels: Record<string, string>): string {
  const seconds = `${(outcome.ms / 1000).toFixed(1)} s`;
  if (outcome.kind === 'token') {
    const appid = outcome.claims?.appid ?? '';
    return `token ${labels[appid] ?? `appid ${appid || '?'}`} (${seconds})`;
  }
  if (outcome.kind === 'error')
    return `${outcome.name}${outcome.code ? ` ${outcome.code}` : ''} (${seconds})`;
  return `crash: ${outcome.detail.slice(0, 60)}`;
}
