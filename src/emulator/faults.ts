// Transport-level faults: things that answer (or fail to) before any IMDS logic runs. They model interceptors,
// proxies, hung services and broken sockets, so they ignore the request's headers and api-version.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { TransportFault } from './scenarios.js';
import { every, type EmulatorState } from './state.js';
import { imdsHeaders, JSON_TYPE, send } from './respond.js';
import { VM_INSTANCE } from './fixtures/vm-instance.js';
import { ARC_INSTANCE } from './fixtures/arc-instance.js';

export const HUGE_BODY_BYTES = 5 * 1024 * 1024;
export const TRICKLE_INTERVAL_MS = 500;

const HTML_PAGE =
  '<!DOCTYPE html>\n<html><head><title>Welcome</title></head>\n' +
  '<body><h1>It works!</h1><p>This is the default page of a web server, not a metadata service.</p></body></html>\n';

let hugeBody: Buffer | undefined;
function hugeJson(): Buffer {
  // Valid JSON of exactly HUGE_BODY_BYTES: {"padding":"xxx…"}; built once, it never changes.
  hugeBody ??= Buffer.from(`{"padding":"${'x'.repeat(HUGE_BODY_BYTES - 14)}"}`, 'utf8');
  return hugeBody;
}

function truncatedJson(state: EmulatorState, path: string): string {
  if (path.startsWith('/metadata/identity')) return '{"access_token":"eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1';
  const text = JSON.stringify(state.mode === 'arc' ? ARC_INSTANCE : VM_INSTANCE);
  return text.slice(0, Math.floor(text.length / 2));
}

function resetSocket(socket: Socket): void {
  // An RST (ECONNRESET on the client), not a clean FIN; resetAndDestroy exists from Node 18.3.
  if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
  else socket.destroy();
}

function trickle(state: EmulatorState, res: ServerResponse): void {
  res.writeHead(200, { ...imdsHeaders(state), 'Content-Type': JSON_TYPE });
  res.flushHeaders();
  let first = true;
  const timer = every(state, TRICKLE_INTERVAL_MS, () => {
    res.write(first ? '{' : ' ');
    first = false;
  });
  res.on('close', () => {
    clearInterval(timer);
    state.timers.delete(timer);
  });
}

/** Answers the request according to the fault. */
export function applyTransportFault(
  fault: TransportFault,
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): void {
  const plain = 'text/plain; charset=utf-8';
  switch (fault) {
    case 'silent':
      return; // keep the socket open and say nothing; close() destroys it
    case 'reset':
      return resetSocket(req.socket);
    case 'trickle':
      return trickle(state, res);
    case 'html':
      return send(res, 200, HTML_PAGE, { 'Content-Type': 'text/html; charset=utf-8' });
    case 'huge-body':
      return send(res, 200, hugeJson(), { ...imdsHeaders(state), 'Content-Type': JSON_TYPE });
    case 'malformed-json':
      return send(res, 200, truncatedJson(state, path), { ...imdsHeaders(state), 'Content-Type': JSON_TYPE });
    case 'proxy-502':
      return send(res, 502, 'cannotconnect', { 'Content-Type': plain });
    case 'proxy-fail-to-connect': {
      const text = `Fail to directly connect with ${state.mode === 'arc' ? 'localhost' : '169.254.169.254'}`;
      res.statusMessage = text;
      return send(res, 400, text, { 'Content-Type': plain });
    }
    case 'wrong-shape':
      return send(res, 200, '{"hello":"world"}', { 'Content-Type': JSON_TYPE });
  }
}
