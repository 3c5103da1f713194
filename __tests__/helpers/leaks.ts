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
