import { tcpConnect } from '../../../src/core/imds/connect.js';
import { closedPort, rawServer, type Loopback } from '../../helpers/loopback.js';

const HANG_BOUND_MS = 5_000;
const servers: Loopback[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('tcpConnect', () => {
  it('connects to a listening port and names the host used', async () => {
    const s = await rawServer(() => undefined);
    servers.push(s);
    const r = await tcpConnect(['127.0.0.1'], s.port, 2_000);
    expect(r).toMatchObject({ ok: true, host: '127.0.0.1' });
  });

  it('a closed port → connection_refused, quickly', async () => {
    const port = await closedPort();
    const started = Date.now();
    const r = await tcpConnect(['127.0.0.1'], port, 2_000);
    expect(r).toMatchObject({ ok: false, failure: 'connection_refused', errno: 'ECONNREFUSED' });
    expect(Date.now() - started).toBeLessThan(HANG_BOUND_MS);
  });

  it('moves on from a refused host to the next', async () => {
    const s = await rawServer(() => undefined);
    servers.push(s);
    const r = await tcpConnect(['127.0.0.2', '127.0.0.1'], s.port, 2_000);
    expect(r).toMatchObject({ ok: true, host: '127.0.0.1' });
  });

  it('stops at the first host that connects', async () => {
    const s = await rawServer(() => undefined);
    servers.push(s);
    await tcpConnect(['127.0.0.1', '127.0.0.1'], s.port, 2_000);
    // Give the server a moment to see every connection that was made.
    await new Promise((r) => setTimeout(r, 50));
    expect(s.connections()).toBe(1);
  });

  it('no hosts → network_unreachable', async () => {
    expect(await tcpConnect([], 80, 1_000)).toMatchObject({ ok: false, failure: 'network_unreachable' });
  });
});
