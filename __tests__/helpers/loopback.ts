// Small servers on 127.0.0.1, port 0, for transport tests. Every server tracks its sockets so closing it
// never waits on a connection a test left hanging.
import http from 'node:http';
import net from 'node:net';

export interface Loopback {
  port: number;
  close(): Promise<void>;
}

function track(server: net.Server): () => Promise<void> {
  const sockets = new Set<net.Socket>();
  server.on('connection', (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
}

async function listen(server: net.Server, host = '127.0.0.1'): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  return (server.address() as net.AddressInfo).port;
}

export async function httpServer(
  handler: http.RequestListener,
  host = '127.0.0.1',
): Promise<Loopback & { server: http.Server }> {
  const server = http.createServer(handler);
  const close = track(server);
  const port = await listen(server, host);
  return { port, close, server };
}

export async function rawServer(
  onConnection: (socket: net.Socket) => void,
): Promise<Loopback & { connections: () => number }> {
  let count = 0;
  const server = net.createServer((socket) => {
    count += 1;
    socket.on('error', () => undefined);
    onConnection(socket);
  });
  const close = track(server);
  const port = await listen(server);
  return { port, close, connections: () => count };
}

/** A port that was just free on 127.0.0.1: connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
