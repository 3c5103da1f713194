// A stand-in for a corporate proxy: accepts TCP connections on HOST:PORT, prints one line per connection
// (with the first bytes it received, base64) and answers nothing useful. Used to prove no probe goes through it.
// Usage: node conn-recorder.mjs HOST PORT
import { createServer } from 'node:net';

const [host = '127.0.0.1', port = '3128'] = process.argv.slice(2);
const server = createServer((socket) => {
  socket.on('error', () => {});
  socket.once('data', (chunk) => {
    process.stdout.write(`connection ${chunk.subarray(0, 256).toString('base64')}\n`);
    socket.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
  });
});
server.listen(Number(port), host, () => process.stdout.write(`recorder listening on ${host}:${port}\n`));
