// The engine's copy of the environment: on Windows names are case-insensitive (as every Windows program reads
// them), elsewhere they are kept as they are.
import { describe, expect, it } from '@jest/globals';
import { createHostContext } from '../../src/host/process-context.js';
import { CLI_SPELLING } from '../../src/host/spelling.js';

const context = (platform: string, env: NodeJS.ProcessEnv) =>
  createHostContext({ spell: CLI_SPELLING, registerSecret: () => undefined, env, platform });

describe('createHostContext environment', () => {
  it('on Windows, Https_Proxy and No_Proxy are HTTPS_PROXY and NO_PROXY; the first of two spellings wins', () => {
    const { env } = context('win32', {
      Https_Proxy: 'http://proxy.corp.example:3128',
      No_Proxy: 'localhost',
      SystemRoot: 'D:\\WINDOWS',
      SYSTEMROOT: 'E:\\ignored',
    });
    expect([env['HTTPS_PROXY'], env['NO_PROXY'], env['SYSTEMROOT']]).toEqual([
      'http://proxy.corp.example:3128',
      'localhost',
      'D:\\WINDOWS',
    ]);
    // A name from outside is never an inherited property.
    expect(env['CONSTRUCTOR']).toBeUndefined();
  });

  it('on Linux, names keep their case (https_proxy and HTTPS_PROXY are two variables)', () => {
    const { env } = context('linux', { Https_Proxy: 'x', https_proxy: 'y' });
    expect([env['HTTPS_PROXY'], env['https_proxy'], env['Https_Proxy']]).toEqual([undefined, 'y', 'x']);
  });
});
