// Unsigned JWT-shaped tokens for unit tests: header.payload.signature, each base64url. Never a real token.
const b64 = (value: unknown): string =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

export function fakeJwt(payload: Record<string, unknown> = {}): string {
  return `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64(payload)}.c2lnbmF0dXJlLW5vdC12ZXJpZmllZA`;
}
