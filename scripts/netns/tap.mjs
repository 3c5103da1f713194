// A recording TCP forwarder: listens on LISTEN_HOST:LISTEN_PORT, forwards each connection to TARGET_HOST:TARGET_PORT
// and appends every byte in both directions to LOG (one JSON line per chunk: {dir: "c2s"|"s2c", b64}). The netns
// tests put it where a client expects HIMDS, so they see exactly what the client sent (Arc secret, bait or not)
// and what it was given (issued tokens), without changing the emulator.
// Usage: node tap.mjs LISTEN_HOST LISTEN_PORT TARGET_HOST TARGET_PORT LOG
import { appendFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';

const [lhost, lport, thost, tport, log] = process.argv.slice(2);
const record = (dir, chunk) =>
  appendFileSync(log, `${JSON.stringify({ dir, b64: chunk.toString('base64') })}\n`);
const server = createServer((client) => {
  const upstream = connect(Number(tport), thost);
  client.on('data', (c) => record('c2s', c));
  upstream.on('data', (c) => record('s2c', c));
  client.pipe(upstream).pipe(client);
  const stop = () => {
    client.destroy();
    upstream.destroy();
  };
  client.on('error', stop);
  upstream.on('error', stop);
  client.on('close', stop);
  upstream.on('close', stop);
});
server.listen(Number(lport), lhost, () => process.stdout.write(`tap listening on ${lhost}:${lport}\n`));
