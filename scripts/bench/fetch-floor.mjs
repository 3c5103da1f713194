// The same two GETs with Node's built-in fetch (undici inside Node), for the "why node:http" design note.
// Default fetch settings, as a user would write it. Usage: node fetch-floor.mjs http://127.0.0.1:PORT
import { loopbackBase, METADATA_PATH, TOKEN_PATH } from './urls.mjs';

const base = loopbackBase(process.argv[2]);

try {
  for (const path of [METADATA_PATH, TOKEN_PATH]) {
    const res = await fetch(new URL(path, base), { headers: { Metadata: 'true' } });
    if (res.status !== 200) throw new Error(`HTTP ${res.status} for ${path.split('?')[0]}`);
    await res.json();
  }
} catch (err) {
  // fetch hides the socket-level reason in err.cause; print both so the fault table shows what a user sees.
  const cause = err.cause ? ` (cause: ${err.cause.code ?? err.cause.name}: ${err.cause.message})` : '';
  // Never the body (it could hold a token); a JSON SyntaxError message would quote part of it.
  const message = err instanceof SyntaxError ? 'body is not valid JSON' : err.message;
  process.stderr.write(`fetch-floor: ${message}${cause}\n`);
  process.exitCode = 1;
}
