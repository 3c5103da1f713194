// GitHub's heading anchors, as scripts/ado-overview.mjs computes them: lower case, punctuation dropped,
// spaces to hyphens. Tests use it to check that links into a Markdown file hit a heading.
export function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}
