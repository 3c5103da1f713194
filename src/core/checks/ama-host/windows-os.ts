// The Windows version from os.release() (`10.0.<build>`), mapped to the products that share the build, judged
// against the supported list. os.version() (the registry's product name) tells server from client, nothing
// more: it still says "Windows 10" on Windows 11. When it cannot tell and the two products differ in support,
// the check warns and names both.
import { clip } from '../../neutralise.js';
import { failed, passed, warned, type Part } from './part.js';
import { OLDEST_SUPPORTED_WINDOWS_10_BUILD, WINDOWS_BUILDS, type WindowsProduct } from './windows-builds.js';

export interface WindowsOs {
  part: Part;
  /** The product judged (for the Arm64 rule: Windows 11 client only); null when the build is unknown. */
  product: WindowsProduct | null;
}

const ITEM = 'Operating system';
const NEWEST_KNOWN_BUILD = Math.max(...WINDOWS_BUILDS.map((b) => Number(b.release.split('.')[2])));

/** 'server' or 'client' from the product name, or null when it does not say. */
export function editionOf(productName: string): 'server' | 'client' | null {
  if (/\bserver\b/i.test(productName)) return 'server';
  if (/^\s*windows\s+(7|8(\.1)?|10|11)\b/i.test(productName)) return 'client';
  return null;
}

function judgeProduct(product: WindowsProduct, found: string): Part {
  const note = product.note ? ` (${product.note})` : '';
  if (product.supported === true)
    return passed(`${product.name} is supported${note}`, [ITEM, found, 'supported']);
  if (product.supported === false)
    return failed('ama_os_unsupported', `${product.name} is not supported${note}`, [
      ITEM,
      found,
      'not supported',
    ]);
  return warned('ama_os_unknown', `${product.name} is not on AMA's supported list${note}`, [
    ITEM,
    found,
    'not listed',
  ]);
}

export function judgeWindows(release: string, productName: string): WindowsOs {
  const edition = editionOf(productName);
  const found = `${productName ? `${clip(productName, 80)}, ` : ''}os.release() ${clip(release, 40)}`;
  const known = WINDOWS_BUILDS.find((b) => b.release === release);
  if (known) {
    const pick = edition === 'server' ? known.server : edition === 'client' ? known.client : undefined;
    const only = known.server && known.client ? undefined : (known.server ?? known.client);
    const product = pick ?? only;
    if (product) return { part: judgeProduct(product, found), product };
    const [server, client] = [known.server!, known.client!];
    const both = `${server.name} or ${client.name}`;
    if (server.supported === true && client.supported === true) {
      // For the Arm64 rule: only the Windows 11 client of a shared build can be Arm64.
      const armCapable = client.name.startsWith('Windows 11') ? client : server;
      return { part: passed(`${both}: both are supported`, [ITEM, found, 'supported']), product: armCapable };
    }
    if (server.supported === false && client.supported === false)
      return {
        part: failed('ama_os_unsupported', `${both}: neither is supported`, [ITEM, found, 'not supported']),
        product: null,
      };
    const supported = [server, client].filter((p) => p.supported === true).map((p) => p.name);
    return {
      part: warned(
        'ama_os_unknown',
        `build ${release} is ${both}, and the product name does not say which; AMA supports ${supported.join(' and ') || 'neither'} of them`,
        [ITEM, found, 'server or client?'],
      ),
      product: null,
    };
  }
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(release);
  const build = m && m[1] === '10' && m[2] === '0' ? Number(m[3]) : null;
  if (build === null)
    return {
      part: failed('ama_os_unsupported', `Windows ${release} is older than any Windows AMA supports`, [
        ITEM,
        found,
        'not supported',
      ]),
      product: null,
    };
  if (build < OLDEST_SUPPORTED_WINDOWS_10_BUILD && edition !== 'server')
    return {
      part: failed(
        'ama_os_unsupported',
        `Windows build ${build} is older than Windows 10 1803 (build ${OLDEST_SUPPORTED_WINDOWS_10_BUILD}), the oldest client AMA supports`,
        [ITEM, found, 'not supported'],
      ),
      product: null,
    };
  const why =
    build > NEWEST_KNOWN_BUILD
      ? `is newer than the builds AMA's list was matched to (up to ${NEWEST_KNOWN_BUILD})`
      : 'is not a release on the list';
  return {
    part: warned('ama_os_unknown', `Windows build ${build} ${why}`, [ITEM, found, 'not listed']),
    product: null,
  };
}
