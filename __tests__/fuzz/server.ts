// A raw `net` server on 127.0.0.1 that answers one fuzz case byte for byte (no HTTP library shapes the
// answer) and records every request line and Authorization header it receives.
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { FuzzCase } from './generator.js';
import { headerBlock, type WireAnswer } from './framing.js';

export interface Received {
  method: string;
  path: string;
  authorization: string | null;
}

export interface FuzzServer {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

const notFound: WireAnswer = {
  raw: Buffer.concat([
    headerBlock(['HTTP/1.1 404 Not Found', 'Content-Type: application/json', 'Content-Length: 21']),
    Buffer.from('{"error":"not found"}'),
  ]),
  after: 'keep',
  intact: true,
  unknown: false,
  framing: 'plain',
};
const wrongSecret: WireAnswer = {
  raw: Buffer.concat([
    headerBlock(['HTTP/1.1 401 Unauthorized', 'Content-Type: application/json', 'Content-Length: 24']),
    Buffer.from('{"error":"wrong secret"}'),
  ]),
  after: 'keep',
  intact: true,
  unknown: false,
  framing: 'plain',
};

function choose(c: FuzzCase, request: Received): WireAnswer {
  if (request.path.startsWith('/metadata/instance')) return c.metadata;
  if (!request.path.startsWith('/metadata/identity/oauth2/token')) return notFound;
  if (c.mode === 'vm') return c.token;
  if (request.authorization === null) return c.challenge!.answer;
  return request.authorization === `Basic ${c.secret}` ? c.token : wrongSecret;
}

function parseRequest(head: string): Received {
  const [line = '', ...lines] = head.split('\r\n');
  const [method = '', path = ''] = line.split(' ');
  const auth = lines.find((l) => /^authorization:/i.test(l));
  return { method, path, authorization: auth ? auth.slice(auth.indexOf(':') + 1).trim() : null };
}

export async function startFuzzServer(c: FuzzCase): Promise<FuzzServer> {
  const received: Received[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let pending = '';
    let stopped = false;
    socket.on('data', (chunk: Buffer) => {
      if (stopped) return;
      pending += chunk.toString('latin1');
      let end: number;
      while (!stopped && (end = pending.indexOf('\r\n\r\n')) >= 0) {
        const request = parseRequest(pending.slice(0, end));
        pending = pending.slice(end + 4);
        received.push(request);
        const answer = choose(c, request);
        if (answer.after === 'destroy') {
          stopped = true;
          if (answer.raw.length === 0) socket.resetAndDestroy();
          else socket.write(answer.raw, () => socket.resetAndDestroy());
        } else {
          socket.write(answer.raw);
          if (answer.after === 'end') {
            stopped = true;
            socket.end();
          } else if (answer.after === 'hang') stopped = true;
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
