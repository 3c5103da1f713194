// One fuzz case = what the server answers to the metadata request, the token request and (Arc) the challenge,
// plus the oracle: whether the metadata and token checks must pass, or whether only safety checks apply.
import { instanceDocument } from './documents.js';
import { tokenDocument } from './token-documents.js';
import { frame, headerBlock, type WireAnswer } from './framing.js';
import { prototypeHeaders } from './hostile.js';
import type { Prng } from './prng.js';

export interface Challenge {
  answer: WireAnswer;
  /** The realm points at a key file the harness writes with `secret` (true), is hostile (false), or is a
   * form the contract does not pin (null: `realm="<own key>"`, which the engine reads as an RFC quoted-string). */
  legitimate: boolean | null;
  kind: string;
}

export interface FuzzCase {
  index: number;
  mode: 'vm' | 'arc';
  metadata: WireAnswer & { docKind: string };
  token: WireAnswer & { docKind: string };
  challenge: Challenge | null;
  keyName: string;
  secret: string;
  /** The metadata check must pass (true), must not pass (false), or either is acceptable (null). */
  metadataPasses: boolean | null;
  /** Same for the token check, given the metadata answer. */
  tokenPasses: boolean | null;
  /** The metadata check must end warn/metadata_value_rejected: a sound document with a value out of shape. */
  metadataWarns: boolean;
  /** The token check must end warn/token_claim_rejected: a sound JWT answer with a claim out of shape. */
  tokenWarns: boolean;
  /**
   * The engine may wait for a bound here (broken framing, a silent server, a status it retries until the
   * deadline). Every other case is decided as soon as its answers arrive.
   */
  waits: boolean;
}

/** Statuses the engine retries until the deadline (DESIGN 3.1): 410, 429, 5xx; the token request also 404. */
const retried = (status: number, token: boolean): boolean =>
  status === 410 || status === 429 || status >= 500 || (token && status === 404);

const IMDS_HEADERS = ['Server: IMDS/150.870.65.1544'];

function answerFor(rnd: Prng, doc: ReturnType<typeof instanceDocument>, hostileRate: number) {
  // Headers named `constructor`, `__proto__`, … change nothing about the answer: the oracle stays as it is.
  const odd = rnd.chance(0.15) ? prototypeHeaders(rnd) : [];
  const wire = frame(
    rnd,
    doc.status,
    [...IMDS_HEADERS, ...odd, `Content-Type: ${doc.contentType}`],
    doc.body,
    hostileRate,
  );
  return { ...wire, docKind: doc.kind };
}

function challengeFor(rnd: Prng, tokensDir: string, baitPath: string, keyName: string): Challenge {
  const make = (headers: string[], status = 401): WireAnswer => ({
    raw: Buffer.concat([
      headerBlock([`HTTP/1.1 ${status} Unauthorized`, ...IMDS_HEADERS, ...headers, 'Content-Length: 0']),
    ]),
    after: 'keep',
    intact: true,
    unknown: false,
    framing: 'challenge',
  });
  const own = `${tokensDir}/${keyName}`;
  if (rnd.chance(0.6)) {
    const spelling = rnd.pick(['WWW-Authenticate', 'Www-Authenticate', 'www-authenticate']);
    const odd = rnd.chance(0.2) ? prototypeHeaders(rnd) : [];
    return {
      answer: make([...odd, `${spelling}: Basic realm=${own}`]),
      legitimate: true,
      kind: odd.length > 0 ? 'challenge-ok-prototype-headers' : 'challenge-ok',
    };
  }
  const hostile: [string, string[]][] = [
    ['realm-outside', [`WWW-Authenticate: Basic realm=${baitPath}`]],
    ['realm-dotdot', [`WWW-Authenticate: Basic realm=${tokensDir}/../${baitPath.split('/').at(-1)}`]],
    ['realm-relative', [`WWW-Authenticate: Basic realm=${keyName}`]],
    ['two-challenges', [`WWW-Authenticate: Basic realm=${own}`, `WWW-Authenticate: Basic realm=${baitPath}`]],
    ['realm-empty', ['WWW-Authenticate: Basic realm=']],
    ['no-header', []],
    ['bearer-scheme', [`WWW-Authenticate: Bearer realm=${own}`]],
    ['not-key-extension', [`WWW-Authenticate: Basic realm=${own.replace(/\.key$/, '.txt')}`]],
    ['huge-realm', [`WWW-Authenticate: Basic realm=${tokensDir}/${'a'.repeat(5000)}.key`]],
    ['realm-trailing-junk', [`WWW-Authenticate: Basic realm=${own}, Basic realm=${baitPath}`]],
    ['realm-missing-file', [`WWW-Authenticate: Basic realm=${tokensDir}/missing-${keyName}`]],
    // Issue 9: a refused realm is printed, so it must come out neutralised.
    ['realm-vso', [`WWW-Authenticate: Basic realm=${tokensDir}/##vso[task.setvariable variable=X]1.key`]],
    ['realm-legacy-command', [`WWW-Authenticate: Basic realm=##[error]${tokensDir}/${keyName}`]],
    ['realm-leading-colons', [`WWW-Authenticate: Basic realm=::add-mask::${keyName}`]],
    ['realm-escape', [`WWW-Authenticate: Basic realm=${tokensDir}/\u001b[2J${keyName}`]],
    [
      'realm-percent-encoded',
      [`WWW-Authenticate: Basic realm=${tokensDir}%2F..%2F${baitPath.split('/').at(-1)}`],
    ],
  ];
  if (rnd.chance(0.08))
    return {
      answer: make([`WWW-Authenticate: Basic realm="${own}"`]),
      legitimate: null,
      kind: 'realm-quoted-own-key',
    };
  const [kind, headers] = rnd.pick(hostile);
  return { answer: make(headers), legitimate: false, kind };
}

export function generateCase(
  rnd: Prng,
  index: number,
  dirs: { tokensDir: string; baitPath: string },
  nowSeconds: number,
): FuzzCase {
  const mode = rnd.chance(0.25) ? 'arc' : 'vm';
  // Most cases keep honest framing so the document mutations are exercised; the rest break the wire.
  const metaDoc = instanceDocument(rnd);
  const tokenDoc = tokenDocument(rnd, nowSeconds);
  const metadata = answerFor(rnd, metaDoc, 0.2);
  const token = answerFor(rnd, tokenDoc, 0.2);
  const keyName = `fuzz-${index}-${rnd.hex(8)}.key`;
  const secret = rnd.hex(64);
  const challenge = mode === 'arc' ? challengeFor(rnd, dirs.tokensDir, dirs.baitPath, keyName) : null;

  const metaUnknown = metaDoc.unknown || metadata.unknown;
  const metaValid = metaDoc.valid && metadata.intact;
  const metadataWarns = !metaUnknown && metaDoc.warns && metadata.intact;
  const tokenUnknown = tokenDoc.unknown || token.unknown || challenge?.legitimate === null;
  const exchangeSound = token.intact && (challenge === null || challenge.legitimate === true);
  const tokenValid = tokenDoc.valid && exchangeSound;
  // The token oracle is only pinned when the metadata answer was a sound document, valid or with a value out
  // of shape (the token request then runs on a sound connection); a bad token answer must never pass.
  const metaSound = (metaValid || metadataWarns) && !metaUnknown;
  let tokenPasses: boolean | null;
  if (tokenUnknown) tokenPasses = null;
  else if (!tokenValid) tokenPasses = false;
  else tokenPasses = metaSound ? true : null;
  const tokenWarns = !tokenUnknown && tokenDoc.warns && exchangeSound && metaSound;
  const waits =
    [metadata, token].some((a) => !a.intact || a.unknown || a.after === 'hang') ||
    retried(metaDoc.status, false) ||
    retried(tokenDoc.status, true);
  return {
    index,
    mode,
    metadata,
    token,
    challenge,
    keyName,
    secret,
    metadataPasses: metaUnknown ? null : metaValid,
    tokenPasses,
    metadataWarns,
    tokenWarns,
    waits,
  };
}
