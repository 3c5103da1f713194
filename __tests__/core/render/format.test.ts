// Shared renderer words: code links (only for code-shaped codes) and the waits line (issue 10).
import { linkFor, waitsText } from '../../../src/core/render/format.js';

describe('linkFor', () => {
  const link = (code: string) => `docs/errors.md#${code}`;

  it('links a code-shaped code', () => {
    expect(linkFor(link, 'token_identity_not_found')).toBe('docs/errors.md#token_identity_not_found');
    expect(linkFor(link, 'ok')).toBe('docs/errors.md#ok');
  });

  it.each([
    '',
    'Token_Not_Found',
    'a b',
    'x)(javascript:alert(1)',
    '../evil',
    'code#frag',
    'ok\n',
    '##vso[x]',
  ])('gives no link for %j and never asks the link function', (code) => {
    let asked = false;
    expect(linkFor(() => ((asked = true), 'x'), code)).toBeNull();
    expect(asked).toBe(false);
  });

  it('gives no link without a link function', () => {
    expect(linkFor(undefined, 'ok')).toBeNull();
  });
});

describe('waitsText', () => {
  it('sums the waits and names each by check, reason, count and time', () => {
    expect(
      waitsText([
        { check: 'metadata', reason: 'HTTP 410 (IMDS updating)', waits: 6, ms: 60_000 },
        { check: 'token', reason: 'HTTP 429 (throttled)', waits: 2, ms: 800 },
      ]),
    ).toBe(
      'Waited 60.8 s before retries: metadata HTTP 410 (IMDS updating) ×6 (60.0 s); token HTTP 429 (throttled) ×2 (800 ms).',
    );
  });

  it('is empty when the run never waited, or for an older report without waits', () => {
    expect(waitsText([])).toBe('');
    expect(waitsText(undefined)).toBe('');
    expect(waitsText([{ check: 'metadata', reason: 'r', waits: 1, ms: 0 }])).toBe('');
  });

  it('ignores forged numbers and neutralises forged words', () => {
    const text = waitsText([
      { check: 'metadata', reason: 'x\n::error::y ##vso[z]', waits: 0, ms: 1_500 },
      { check: 'token', reason: 'r', waits: 1, ms: Number.NaN },
    ]);
    expect(text).toBe('Waited 1.5 s before retries: metadata x ::error::y ##vso(z] ×1 (1.5 s).');
  });
});
