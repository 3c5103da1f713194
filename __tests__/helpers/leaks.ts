// Every encoding of a secret a log scraper might find: plain, base64 (at the three byte offsets the GitHub
// runner masks), base64url and URL-encoded.
export function secretForms(secret: string): string[] {
  const forms = new Set<string>([secret, encodeURIComponent(secret)]);
  for (const prefix of ['', 'x', 'xy']) {
    const b64 = Buffer.from(prefix + secret).toString('base64');
    const url = Buffer.from(prefix + secret).toString('base64url');
    // Drop the characters that depend on the prefix and the padding so the core still matches.
    forms.add(b64.slice(prefix.length ? 4 : 0, -4));
    forms.add(url.slice(prefix.length ? 4 : 0, -4));
  }
  return [...forms].filter((f) => f.length >= 16);
}

/** The names of the channels in which any form of any secret appears. */
export function leaksIn(channels: Record<string, string>, secrets: string[]): string[] {
  const found: string[] = [];
  for (const [name, text] of Object.entries(channels)) {
    for (const secret of secrets) {
      if (secretForms(secret).some((form) => text.includes(form))) found.push(name);
    }
  }
  return found;
}

/** The mask registrations a door prints (`::add-mask::`, `##vso[task.setsecret]`): allowed to hold a secret. */
const MASK_LINE = /^(::add-mask::|##vso\[task\.setsecret\]).*$/gm;

/**
 * A channel of a door run without the places where the token may appear: the mask registration lines, and with
 * expose-token the access-token output (Action), the accessToken secret variable (task) or the --json document's
 * accessToken (CLI). Whatever is left must hold no form of any token.
 */
export function withoutAllowed(door: string, name: string, text: string, exposed: boolean): string {
  let t = text.replace(MASK_LINE, '');
  if (!exposed) return t;
  if (door === 'cli' && name === 'stdout') t = t.replace(/"accessToken": "[^"]*"/, '');
  if (door === 'action' && name === 'github_output')
    t = t.replace(/^access-token<<(\S+)\n[\s\S]*?\n\1$/m, '');
  if (door === 'task' && name === 'stdout')
    t = t.replace(/^##vso\[task\.setvariable variable=accessToken;[^\]]*issecret=true[^\]]*\].*$/m, '');
  return t;
}

/** The names of the outputs (other than those allowed to carry it) in which any form of any secret appears. */
export function outputLeaks(
  outputs: Record<string, string>,
  secrets: string[],
  allowed: readonly string[] = ['access-token'],
): string[] {
  return leaksIn(
    Object.fromEntries(Object.entries(outputs).filter(([name]) => !allowed.includes(name))),
    secrets,
  );
}
