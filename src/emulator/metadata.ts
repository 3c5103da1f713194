// /metadata/instance with route filtering: path segments walk into the document (object keys, array indexes).
// Leaves answer only with format=text; JSON answers keep IMDS's all-strings document as it is. The document
// is the fixture with the test's overrides, cut to the fields the requested api-version knows.

import type { Answer } from './token.js';
import type { EmulatorState } from './state.js';
import { CUSTOM_IMAGE_VM_INSTANCE, VM_INSTANCE } from './fixtures/vm-instance.js';
import { ARC_INSTANCE } from './fixtures/arc-instance.js';
import { metadataError } from './respond.js';
import { withComputeOverrides } from './overrides.js';
import { documentForVersion } from './doc-versions.js';

export interface MetadataAnswer extends Answer {
  text?: boolean;
}

const NOT_FOUND: MetadataAnswer = {
  status: 404,
  body: metadataError('Not found. The requested element does not exist'),
};

function walk(document: unknown, segments: readonly string[]): { found: boolean; value: unknown } {
  let node: unknown = document;
  for (const segment of segments) {
    if (Array.isArray(node)) {
      if (!/^\d+$/.test(segment) || Number(segment) >= node.length) return { found: false, value: undefined };
      node = node[Number(segment)];
    } else if (node !== null && typeof node === 'object' && Object.hasOwn(node, segment)) {
      node = (node as Record<string, unknown>)[segment];
    } else {
      return { found: false, value: undefined };
    }
  }
  return { found: true, value: node };
}

/** format=text on an object or array lists its children, one per line; containers end with '/'. */
function listChildren(node: object): string {
  const entries = Array.isArray(node) ? node.map((v, i) => [String(i), v] as const) : Object.entries(node);
  return entries.map(([key, v]) => (v !== null && typeof v === 'object' ? `${key}/` : key)).join('\n');
}

/** `segments` are the path parts after /metadata/instance. */
export function answerInstance(
  state: EmulatorState,
  segments: readonly string[],
  query: Record<string, string>,
): MetadataAnswer {
  const format = query.format ?? 'json';
  if (format !== 'json' && format !== 'text') {
    return { status: 400, body: metadataError(`Bad request. Unsupported format: ${format}`) };
  }
  const fixture =
    state.mode === 'arc'
      ? ARC_INSTANCE
      : state.spec.image === 'custom'
        ? CUSTOM_IMAGE_VM_INSTANCE
        : VM_INSTANCE;
  const document = documentForVersion(
    withComputeOverrides(fixture, state.overrides),
    query['api-version'] ?? '',
  );
  const { found, value } = walk(document, segments);
  if (!found) return NOT_FOUND;
  const leaf = value === null || typeof value !== 'object';
  if (leaf) {
    if (format !== 'text') {
      return {
        status: 400,
        body: metadataError('Bad request. Leaf nodes can only be requested with format=text'),
      };
    }
    return { status: 200, body: value === null ? '' : String(value), text: true };
  }
  if (format === 'text') return { status: 200, body: listChildren(value), text: true };
  return { status: 200, body: JSON.stringify(value) };
}
