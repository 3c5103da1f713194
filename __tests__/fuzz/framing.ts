// HTTP/1.1 framing of one answer on the wire, honest or hostile. Each framing says whether a correct client
// can still read the exact body (`intact`), or whether the answer is broken / ambiguous (`unknown`: the
// fuzzer then only checks that the engine does not throw, hang or pass).
import type { Prng } from './prng.js';

export interface WireAnswer {
  raw: Buffer;
  /** What the server does after writing: keep the connection, end it, reset it, or go silent mid-answer. */
  after: 'keep' | 'end' | 'destroy' | 'hang';
  /** The body reaches a correct client unchanged with this status. */
  intact: boolean;
  /** Parser-level behaviour we do not pin (e.g. HTTP/0.9, TE+CL): no pass/fail oracle, only safety checks. */
  unknown: boolean;
  framing: string;
}

const CRLF = '\r\n';
const REASONS: Record<number, string> = {
  200: 'OK',
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  500: 'Internal Server Error',
};

export function headerBlock(lines: string[]): Buffer {
  return Buffer.from(lines.map((l) => l + CRLF).join('') + CRLF, 'latin1');
}

function chunked(body: Buffer, rnd: Prng): Buffer {
  const parts: Buffer[] = [];
  for (let i = 0; i < body.length;) {
    const size = Math.min(body.length - i, 1 + rnd.int(4096));
    parts.push(Buffer.from(size.toString(16) + CRLF), body.subarray(i, i + size), Buffer.from(CRLF));
    i += size;
  }
  parts.push(Buffer.from(`0${CRLF}${CRLF}`));
  return Buffer.concat(parts);
}

/** Frames `body` with `status` and extra headers, choosing honest or hostile framing at random. */
export function frame(
  rnd: Prng,
  status: number,
  headers: string[],
  body: Buffer,
  hostileRate: number,
): WireAnswer {
  const reason = REASONS[status] ?? 'Status';
  const base = [`HTTP/1.1 ${status} ${reason}`, ...headers];
  const honest = (framing: string, raw: Buffer, after: WireAnswer['after'] = 'keep'): WireAnswer => ({
    raw,
    after,
    intact: true,
    unknown: false,
    framing,
  });
  const broken = (
    framing: string,
    raw: Buffer,
    after: WireAnswer['after'] = 'end',
    unknown = false,
  ): WireAnswer => ({
    raw,
    after,
    intact: false,
    unknown,
    framing,
  });
  const withLength = (extra: string[] = []): Buffer =>
    Buffer.concat([headerBlock([...base, ...extra, `Content-Length: ${body.length}`]), body]);

  if (!rnd.chance(hostileRate)) {
    switch (rnd.int(4)) {
      case 0:
        return honest('content-length', withLength());
      case 1:
        return honest(
          'chunked',
          Buffer.concat([headerBlock([...base, 'Transfer-Encoding: chunked']), chunked(body, rnd)]),
        );
      case 2:
        return honest('connection-close', withLength(['Connection: close']), 'end');
      default:
        return honest('duplicate-server-header', withLength(['Server: IMDS/150.870.65.1544']));
    }
  }
  switch (rnd.int(13)) {
    case 0:
      return broken(
        'content-length-too-large',
        Buffer.concat([headerBlock([...base, `Content-Length: ${body.length + 1 + rnd.int(5000)}`]), body]),
      );
    case 1:
      return body.length > 1
        ? broken(
            'content-length-too-small',
            Buffer.concat([headerBlock([...base, `Content-Length: ${rnd.int(body.length - 1)}`]), body]),
          )
        : broken(
            'content-length-negative',
            Buffer.concat([headerBlock([...base, 'Content-Length: -1']), body]),
          );
    case 2:
      return broken(
        'conflicting-content-length',
        Buffer.concat([
          headerBlock([...base, `Content-Length: ${body.length}`, `Content-Length: ${body.length + 7}`]),
          body,
        ]),
      );
    case 3:
      return broken(
        'bad-chunk-size',
        Buffer.concat([
          headerBlock([...base, 'Transfer-Encoding: chunked']),
          Buffer.from(rnd.pick(['zz', '-5', 'ffffffffffffffffff', '1;;;', ' ']) + CRLF),
          body,
        ]),
      );
    case 4:
      return broken(
        'early-close',
        Buffer.concat([
          headerBlock([...base, `Content-Length: ${body.length}`]),
          body.subarray(0, Math.floor(body.length / 2)),
        ]),
        'destroy',
      );
    case 5:
      return broken(
        'garbage-status-line',
        Buffer.concat([
          Buffer.from(
            rnd.pick([
              'HTPP/1.1 200 OK',
              'HTTP/1.1 2000 OK',
              'ICY 200 OK',
              'HTTP/1.1 OK',
              '\u0000\u0001\u0002',
              '200 OK',
              'HTTP/2 200',
            ]) + CRLF,
          ),
          withLength().subarray(base[0]!.length + 2),
        ]),
      );
    case 6:
      return broken(
        'huge-status-code',
        Buffer.concat([
          Buffer.from(`HTTP/1.1 ${rnd.pick([999, 600, 100000, 0])} Weird${CRLF}`),
          withLength().subarray(base[0]!.length + 2),
        ]),
        'end',
        true,
      );
    case 7:
      return broken(
        'http-0.9-or-missing-reason',
        Buffer.concat([
          Buffer.from(
            rnd.pick([`HTTP/0.9 ${status} OK`, `HTTP/1.1 ${status}`, `HTTP/1.0 ${status} OK`]) + CRLF,
          ),
          withLength().subarray(base[0]!.length + 2),
        ]),
        'end',
        true,
      );
    case 8:
      return broken(
        'invalid-header-chars',
        withLength([rnd.pick(['Bad Header: x', 'X-Nul: a\u0000b', 'X-Bare-CR: a\rb', ': empty-name'])]),
      );
    case 9:
      return broken(
        'huge-header',
        withLength([`X-Huge: ${'a'.repeat(70_000 + rnd.int(30_000))}`]),
        'end',
        true,
      );
    case 10:
      return broken(
        'te-and-cl',
        Buffer.concat([
          headerBlock([...base, 'Transfer-Encoding: chunked', `Content-Length: ${body.length}`]),
          chunked(body, rnd),
        ]),
        'end',
        true,
      );
    case 11:
      return broken(
        'hang-after-headers',
        headerBlock([...base, `Content-Length: ${body.length + 10}`]),
        'hang',
      );
    default:
      return broken('reset-before-answer', Buffer.alloc(0), 'destroy');
  }
}
