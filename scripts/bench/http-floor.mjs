// The node:http floor: what two IMDS GETs cost with nothing but node:http. One keep-alive agent, so the
// token GET reuses the metadata connection, as the engine does. Usage: node http-floor.mjs http://127.0.0.1:PORT
import http from 'node:http';
import { loopbackBase, METADATA_PATH, TOKEN_PATH } from './urls.mjs';

const base = loopbackBase(process.argv[2]);
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function get(path) {
  return new Promise((resolve, reject) => {
    const req = http.get(new URL(path, base), { agent, headers: { Metadata: 'true' } }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

try {
  for (const path of [METADATA_PATH, TOKEN_PATH]) {
    const { status, body } = await get(path);
    if (status !== 200) throw new Error(`HTTP ${status} for ${path.split('?')[0]}`);
    JSON.parse(body.toString('utf8'));
  }
} catch (err) {
  // Never the body (it could hold a token); a JSON SyntaxError message would quote part of it.
  const message = err instanceof SyntaxError ? 'body is not valid JSON' : err.message;
  process.stderr.write(`http-floor: ${err.code ? `${err.code} ` : ''}${message}\n`);
  process.exitCode = 1;
} finally {
  agent.destroy();
}
