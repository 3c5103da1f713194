// Refuses to run an SDK client anywhere a real metadata service could answer. VM mode: the SDKs must be
// redirected to a loopback emulator by AZURE_POD_IDENTITY_AUTHORITY_HOST, with nothing that would divert
// them to another source (or to HIMDS on this machine's own 127.0.0.1:40342). Arc mode: only inside a
// private network namespace, where 127.0.0.1 is the namespace's own loopback.
import { existsSync } from 'node:fs';
import net from 'node:net';
import { networkInterfaces } from 'node:os';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function loopbackUrl(value) {
  try {
    return LOOPBACK.has(new URL(value).hostname);
  } catch {
    return false;
  }
}

/** Only loopback interfaces: the private namespace the Arc suite makes, where nothing else is reachable. */
function loopbackOnlyNetwork() {
  return Object.values(networkInterfaces())
    .flat()
    .every((address) => address?.internal === true);
}

function loopbackHost(host) {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * Last line of defence: every TCP connect of this process (node:http, undici/fetch) goes through
 * net.Socket#connect, which now refuses any host that is not loopback, whatever an SDK decides.
 */
function blockNonLoopback() {
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function guardedConnect(...args) {
    const first = Array.isArray(args[0]) ? args[0][0] : args[0];
    const host =
      first !== null && typeof first === 'object'
        ? typeof first.path === 'string' && first.path !== ''
          ? 'localhost' // a unix socket path
          : String(first.host ?? 'localhost')
        : typeof args[1] === 'string'
          ? args[1]
          : 'localhost';
    if (!loopbackHost(host)) throw new Error(`conformance guard: refusing to connect to ${host}`);
    return connect.apply(this, args);
  };
}

/** Throws unless this process can only reach an emulator. */
export function assertEmulatorOnly(mode) {
  blockNonLoopback();
  const env = process.env;
  const diverting = [
    'MSI_ENDPOINT',
    'IDENTITY_HEADER',
    'IDENTITY_SERVER_THUMBPRINT',
    'AZURE_FEDERATED_TOKEN_FILE',
  ];
  const present = diverting.filter((name) => env[name] !== undefined);
  if (present.length > 0) throw new Error(`refusing to run: ${present.join(', ')} set`);
  if (mode === 'vm') {
    if (!loopbackUrl(env.AZURE_POD_IDENTITY_AUTHORITY_HOST ?? '')) {
      throw new Error('refusing to run: AZURE_POD_IDENTITY_AUTHORITY_HOST is not a loopback URL');
    }
    if (env.IDENTITY_ENDPOINT !== undefined || env.IMDS_ENDPOINT !== undefined) {
      throw new Error('refusing to run: IDENTITY_ENDPOINT/IMDS_ENDPOINT set in VM mode');
    }
    // With the agent's binary present msal-node would pick Arc at the default HIMDS address.
    if (existsSync('/opt/azcmagent/bin/himds'))
      throw new Error('refusing to run: /opt/azcmagent/bin/himds exists');
    return;
  }
  if (!loopbackOnlyNetwork()) {
    throw new Error('refusing to run: Arc mode needs a network namespace with only lo');
  }
  if (!loopbackUrl(env.IDENTITY_ENDPOINT ?? '') || !loopbackUrl(env.IMDS_ENDPOINT ?? '')) {
    throw new Error('refusing to run: IDENTITY_ENDPOINT/IMDS_ENDPOINT are not loopback URLs');
  }
}

/** The claims a test asserts on, from a JWT-shaped token; null when it is not one. */
export function claimsOf(token) {
  try {
    const payload = JSON.parse(Buffer.from(String(token).split('.')[1] ?? '', 'base64url').toString('utf8'));
    return { appid: String(payload.appid ?? ''), oid: String(payload.oid ?? '') };
  } catch {
    return null;
  }
}

/** The one line a client prints: its outcome as JSON. */
export function report(outcome) {
  process.stdout.write(`${JSON.stringify(outcome)}\n`);
}
