// Answers every request with headers promising 1000 bytes, sends 10, then resets the connection (RST), as a
// crashing service or a middlebox would. Usage: node reset-mid-body.mjs HOST PORT
import { createServer } from 'node:net';

const [host = '169.254.169.254', port = '80'] = process.argv.slice(2);
const server = createServer((socket) => {
  socket.on('error', () => {});
  socket.once('data', () => {
    socket.write(
      'HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nServer: IMDS/150.870.65.1544\r\n',
    );
    socket.write('Content-Length: 1000\r\n\r\n{"compute"');
    setTimeout(() => socket.resetAndDestroy(), 20);
  });
});
server.listen(Number(port), host, () =>
  process.stdout.write(`reset-mid-body listening on ${host}:${port}\n`),
);
