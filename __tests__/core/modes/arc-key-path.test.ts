import { checkKeyPath, realmFrom } from '../../../src/core/modes/arc-key.js';
import { answer } from '../../helpers/answers.js';
import { LINUX_TOKENS_DIR, WINDOWS_TOKENS_DIR } from '../../helpers/fake-context.js';

describe('realmFrom', () => {
  const challenge = (value: string | string[]) => realmFrom(answer(401, '', { 'WWW-Authenticate': value }));

  it('reads the path after Basic realm=', () => {
    expect(challenge('Basic realm=/var/opt/azcmagent/tokens/a.key')).toEqual({
      path: '/var/opt/azcmagent/tokens/a.key',
    });
  });

  it('accepts a lower-case scheme and surrounding spaces', () => {
    expect(challenge('basic realm=/var/opt/azcmagent/tokens/a.key')).toEqual({
      path: '/var/opt/azcmagent/tokens/a.key',
    });
    expect(challenge('  Basic   realm=/var/opt/azcmagent/tokens/a.key  ')).toEqual({
      path: '/var/opt/azcmagent/tokens/a.key',
    });
  });

  it('unquotes a quoted realm', () => {
    expect(challenge('Basic realm="/var/opt/azcmagent/tokens/a.key"')).toEqual({
      path: '/var/opt/azcmagent/tokens/a.key',
    });
  });

  it('keeps a Windows path intact', () => {
    expect(challenge('Basic realm=C:\\ProgramData\\AzureConnectedMachineAgent\\Tokens\\a.key')).toEqual({
      path: 'C:\\ProgramData\\AzureConnectedMachineAgent\\Tokens\\a.key',
    });
  });

  it('accepts the same challenge repeated', () => {
    expect(challenge(['Basic realm=/x/a.key', 'Basic realm=/x/a.key'])).toEqual({ path: '/x/a.key' });
  });

  it('refuses a 401 without the header', () => {
    expect(realmFrom(answer(401, ''))).toMatchObject({ code: 'arc_challenge_missing' });
  });

  it.each<[string, string | string[]]>([
    ['two different challenges', ['Basic realm=/var/opt/azcmagent/tokens/a.key', 'Basic realm=/tmp/b.key']],
    ['extra parameters', 'Basic realm=/var/opt/azcmagent/tokens/a.key, charset="UTF-8"'],
    [
      'extra parameters after a quoted realm',
      'Basic realm="/var/opt/azcmagent/tokens/a.key", charset="UTF-8"',
    ],
    ['a semicolon', 'Basic realm=/var/opt/azcmagent/tokens/a.key;x'],
    ['an empty realm', 'Basic realm='],
    ['an empty quoted realm', 'Basic realm=""'],
    ['another scheme', 'Bearer realm=/var/opt/azcmagent/tokens/a.key'],
    ['no realm', 'Basic'],
    ['a half-quoted realm', 'Basic realm="/var/opt/azcmagent/tokens/a.key'],
  ])('refuses %s as malformed', (_, value) => {
    expect(challenge(value)).toMatchObject({ code: 'arc_challenge_malformed' });
  });
});

describe('checkKeyPath on linux', () => {
  const ctx = { platform: 'linux', arcTokensDir: LINUX_TOKENS_DIR };

  it.each(['/var/opt/azcmagent/tokens/0f1e2d3c.key', '/var/opt/azcmagent/tokens/a.b.key'])(
    'accepts %s',
    (p) => {
      expect(checkKeyPath(p, ctx)).toBeNull();
    },
  );

  it('accepts a tokens folder given with a trailing slash', () => {
    expect(
      checkKeyPath('/var/opt/azcmagent/tokens/a.key', {
        platform: 'linux',
        arcTokensDir: `${LINUX_TOKENS_DIR}/`,
      }),
    ).toBeNull();
  });

  it.each([
    ['another folder', '/var/opt/azcmagent/other/a.key'],
    ['a sibling with the same prefix', '/var/opt/azcmagent/tokens2/a.key'],
    ['a subfolder', '/var/opt/azcmagent/tokens/sub/a.key'],
    ['.. back into the folder', '/var/opt/azcmagent/tokens/../tokens/a.key'],
    ['.. out of the folder', '/var/opt/azcmagent/tokens/../../../../etc/shadow.key'],
    ['a . segment', '/var/opt/azcmagent/tokens/./a.key'],
    ['a relative path', 'var/opt/azcmagent/tokens/a.key'],
    ['a bare file name', 'a.key'],
    ['the folder itself', '/var/opt/azcmagent/tokens'],
    ['a Windows path', 'C:\\ProgramData\\AzureConnectedMachineAgent\\Tokens\\a.key'],
    ['a case variant of the folder', '/var/opt/azcmagent/Tokens/a.key'],
  ])('refuses %s as outside the tokens folder', (_, p) => {
    expect(checkKeyPath(p, ctx)).toMatchObject({ ok: false, code: 'arc_key_outside_tokens_dir' });
  });

  it.each([
    '/var/opt/azcmagent/tokens/a.txt',
    '/var/opt/azcmagent/tokens/a.key.bak',
    '/var/opt/azcmagent/tokens/akey',
    '/var/opt/azcmagent/tokens/a.KEY',
  ])('refuses %s as not a .key file', (p) => {
    expect(checkKeyPath(p, ctx)).toMatchObject({ ok: false, code: 'arc_key_not_key_file' });
  });

  it('names the path and says it was not read', () => {
    const r = checkKeyPath('/etc/passwd.key', ctx);
    expect(r).toMatchObject({ ok: false });
    if (r && !r.ok) {
      expect(r.message).toContain('/etc/passwd.key');
      expect(r.message).toMatch(/not read/);
    }
  });
});

describe('checkKeyPath on win32', () => {
  const ctx = { platform: 'win32', arcTokensDir: WINDOWS_TOKENS_DIR };

  it.each([
    ['the canonical path', 'C:\\ProgramData\\AzureConnectedMachineAgent\\Tokens\\0f1e2d3c.key'],
    ['an upper-case extension', 'C:\\ProgramData\\AzureConnectedMachineAgent\\Tokens\\0f1e2d3c.KEY'],
    ['a lower-case folder', 'c:\\programdata\\azureconnectedmachineagent\\tokens\\0f1e2d3c.key'],
    ['forward slashes', 'C:/ProgramData/AzureConnectedMachineAgent/Tokens/0f1e2d3c.key'],
  ])('accepts %s', (_, p) => {
    expect(checkKeyPath(p, ctx)).toBeNull();
  });

  it.each([
    ['another folder', 'C:\\ProgramData\\AzureConnectedMachineAgent\\Other\\a.key'],
    ['another drive', 'D:\\ProgramData\\AzureConnectedMachineAgent\\Tokens\\a.key'],
    ['a subfolder', 'C:\\ProgramData\\AzureConnectedMachineAgent\\Tokens\\sub\\a.key'],
    ['..', 'C:\\ProgramData\\AzureConnectedMachineAgent\\Tokens\\..\\Tokens\\a.key'],
    ['.. with forward slashes', 'C:/ProgramData/AzureConnectedMachineAgent/Tokens/../Tokens/a.key'],
    ['.', 'C:\\ProgramData\\AzureConnectedMachineAgent\\Tokens\\.\\a.key'],
    ['a relative path', 'ProgramData\\AzureConnectedMachineAgent\\Tokens\\a.key'],
    ['a drive-relative path', 'C:ProgramData\\AzureConnectedMachineAgent\\Tokens\\a.key'],
    ['a rooted path without drive', '\\ProgramData\\AzureConnectedMachineAgent\\Tokens\\a.key'],
    ['a UNC path', '\\\\server\\share\\AzureConnectedMachineAgent\\Tokens\\a.key'],
    ['a POSIX path', '/var/opt/azcmagent/tokens/a.key'],
  ])('refuses %s as outside the tokens folder', (_, p) => {
    expect(checkKeyPath(p, ctx)).toMatchObject({ ok: false, code: 'arc_key_outside_tokens_dir' });
  });

  it.each([
    'C:\\ProgramData\\AzureConnectedMachineAgent\\Tokens\\a.txt',
    'C:\\ProgramData\\AzureConnectedMachineAgent\\Tokens\\a.key.bak',
  ])('refuses %s as not a .key file', (p) => {
    expect(checkKeyPath(p, ctx)).toMatchObject({ ok: false, code: 'arc_key_not_key_file' });
  });
});
