// The run's name resolver (issue 17): the hosts file first, as `files dns` orders it, else one cancellable
// c-ares query per family, bounded whatever the DNS server does; never a getaddrinfo call, which would hold a
// thread (and the process at exit) until the system resolver gives up.
import dgram from 'node:dgram';
import net from 'node:net';
import {
  caresQueryVia,
  hostsFilePath,
  nameResolver,
  parseHosts,
  type DnsQuery,
  type HostsTable,
} from '../../../src/core/imds/lookup.js';

const HOSTS = `
# comment line
127.0.0.1   localhost
::1         localhost ip6-localhost
10.1.2.3    Global.Handler.Control.Monitor.Azure.com.  global-alias   # private link
10.1.2.4    global.handler.control.monitor.azure.com
fe80::1%eth0 linklocal.example
not-an-ip   ignored.example
10.1.2.3    global.handler.control.monitor.azure.com
`;

describe('parseHosts', () => {
  it('reads addresses and names, case and trailing dot aside, comments and junk skipped, duplicates once', () => {
    const table = parseHosts(HOSTS);
    expect(table.get('global.handler.control.monitor.azure.com')).toEqual([
      { address: '10.1.2.3', family: 4 },
      { address: '10.1.2.4', family: 4 },
    ]);
    expect(table.get('global-alias')).toEqual([{ address: '10.1.2.3', family: 4 }]);
    expect(table.get('localhost')).toEqual([
      { address: '127.0.0.1', family: 4 },
      { address: '::1', family: 6 },
    ]);
    expect(table.get('linklocal.example')).toEqual([{ address: 'fe80::1%eth0', family: 6 }]);
    expect(table.has('ignored.example')).toBe(false);
    expect(table.has('comment')).toBe(false);
  });

  it('is at the platform path (Windows: under a plain SystemRoot only)', () => {
    expect(hostsFilePath('linux', {})).toBe('/etc/hosts');
    expect(hostsFilePath('win32', { SystemRoot: 'D:\\WINDOWS' })).toBe(
      'D:\\WINDOWS\\System32\\drivers\\etc\\hosts',
    );
    expect(hostsFilePath('win32', { SystemRoot: 'evil;path' })).toBe(
      'C:\\Windows\\System32\\drivers\\etc\\hosts',
    );
  });
});

/** A DNS query double that records what was asked. */
function recordingQuery(answer: (host: string, family: 4 | 6) => string[] | { code: string }) {
  const asked: string[] = [];
  const query: DnsQuery = async (host, family) => {
    asked.push(`${host}/${family}`);
    return answer(host, family);
  };
  return { asked, query };
}

describe('nameResolver', () => {
  const table = async (): Promise<HostsTable> => parseHosts(HOSTS);

  it('a name in the hosts file never goes to DNS; the hosts file is read once', async () => {
    let reads = 0;
    const dnsQuery = recordingQuery(() => ['192.0.2.1']);
    const names = nameResolver(async () => {
      reads += 1;
      return table();
    }, dnsQuery.query);
    expect(await names.lookup('GLOBAL.handler.control.monitor.azure.com', 1_000)).toEqual({
      addresses: [
        { address: '10.1.2.3', family: 4 },
        { address: '10.1.2.4', family: 4 },
      ],
      error: '',
    });
    expect(await names.lookup('localhost', 1_000, 6)).toEqual({
      addresses: [{ address: '::1', family: 6 }],
      error: '',
    });
    expect(dnsQuery.asked).toEqual([]);
    expect(await names.lookup('other.example', 1_000)).toMatchObject({ error: '' });
    expect(dnsQuery.asked).toEqual(['other.example/4', 'other.example/6']);
    expect(reads).toBe(1);
  });

  it('an IP address is itself; an unreadable hosts file is an empty one', async () => {
    const dnsQuery = recordingQuery(() => ({ code: 'ENOTFOUND' }));
    const names = nameResolver(() => Promise.reject(new Error('EACCES')), dnsQuery.query);
    expect(await names.lookup('10.9.8.7', 1_000)).toEqual({
      addresses: [{ address: '10.9.8.7', family: 4 }],
      error: '',
    });
    expect(await names.lookup('localhost', 1_000)).toEqual({ addresses: [], error: 'ENOTFOUND' });
  });

  it.each([
    [['ENOTFOUND', 'ENOTFOUND'], 'ENOTFOUND'],
    [['ECANCELLED', 'ENODATA'], 'timed out'],
    [['ETIMEOUT', 'ETIMEOUT'], 'timed out'],
    [['ENODATA', 'ENODATA'], 'no address'],
    [['ESERVFAIL', 'ENODATA'], 'EAI_AGAIN'],
    [['ECONNREFUSED', 'ECONNREFUSED'], 'EAI_AGAIN'],
  ])('DNS answers %j are the error %s', async ([v4, v6], error) => {
    const dnsQuery = recordingQuery((_host, family) => ({ code: family === 4 ? v4! : v6! }));
    const names = nameResolver(table, dnsQuery.query);
    expect(await names.lookup('x.example', 1_000)).toEqual({ addresses: [], error });
  });

  it('IPv4 then IPv6 from DNS, each address once; one family answering is enough', async () => {
    const both = nameResolver(
      table,
      recordingQuery((_h, f) => (f === 4 ? ['192.0.2.1', '192.0.2.1'] : ['2001:db8::1'])).query,
    );
    expect((await both.lookup('x.example', 1_000)).addresses).toEqual([
      { address: '192.0.2.1', family: 4 },
      { address: '2001:db8::1', family: 6 },
    ]);
    const v4only = nameResolver(
      table,
      recordingQuery((_h, f) => (f === 4 ? ['192.0.2.1'] : { code: 'ECANCELLED' })).query,
    );
    expect(await v4only.lookup('x.example', 1_000)).toEqual({
      addresses: [{ address: '192.0.2.1', family: 4 }],
      error: '',
    });
  });

  it('netLookup serves net.connect by name (the hosts file here)', async () => {
    const server = net.createServer((s) => s.end('hi'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    const names = nameResolver(table, recordingQuery(() => ({ code: 'ENOTFOUND' })).query);
    const text = await new Promise<string>((resolve, reject) => {
      const socket = net.connect({ host: 'localhost', port, family: 4, lookup: names.netLookup(2_000) });
      let got = '';
      socket.on('data', (d) => (got += d));
      socket.on('end', () => resolve(got));
      socket.on('error', reject);
    });
    server.close();
    expect(text).toBe('hi');
  });
});

/** A DNS server on loopback: answers A queries for `answers` names, and never answers anything else. */
async function loopbackDns(answers: Record<string, string>): Promise<{ server: string; close(): void }> {
  const socket = dgram.createSocket('udp4');
  socket.on('message', (query, peer) => {
    // Header (12 bytes), then the question: labels up to a 0 byte, type (2), class (2).
    const labels: string[] = [];
    let at = 12;
    while (query[at]! > 0) {
      labels.push(query.subarray(at + 1, at + 1 + query[at]!).toString('latin1'));
      at += 1 + query[at]!;
    }
    const type = query.readUInt16BE(at + 1);
    const address = answers[labels.join('.')];
    if (type !== 1 || address === undefined) return; // silence: the black hole
    const question = query.subarray(12, at + 5);
    const header = Buffer.from(query.subarray(0, 12));
    header.writeUInt16BE(0x8180, 2); // response, recursion desired and available, no error
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(1, 6);
    header.writeUInt32BE(0, 8);
    const record = Buffer.from([
      0xc0,
      0x0c,
      0,
      1,
      0,
      1,
      0,
      0,
      0,
      60,
      0,
      4,
      ...address.split('.').map(Number),
    ]);
    socket.send(Buffer.concat([header, question, record]), peer.port, peer.address);
  });
  await new Promise<void>((r) => socket.bind(0, '127.0.0.1', r));
  return { server: `127.0.0.1:${socket.address().port}`, close: () => socket.close() };
}

describe('caresQuery', () => {
  it('asks the DNS server, and is cancelled at its bound when the server is silent', async () => {
    const dns = await loopbackDns({ 'amahost.example': '192.0.2.7' });
    try {
      const query = caresQueryVia([dns.server]);
      expect(await query('amahost.example', 4, 2_000)).toEqual(['192.0.2.7']);
      const started = Date.now();
      expect(await query('silent.example', 4, 600)).toEqual({ code: 'ECANCELLED' });
      const took = Date.now() - started;
      expect(took).toBeGreaterThanOrEqual(550);
      expect(took).toBeLessThan(3_000);
    } finally {
      dns.close();
    }
  });
});
