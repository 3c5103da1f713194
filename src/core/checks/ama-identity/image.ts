// The image the machine was created from, as metadata gives it: compute.storageProfile.imageReference (api-version
// 2019-06-01 and later), else the top-level publisher, offer and sku. Network text: only compared and shown.
import { text } from '../../imds/answers.js';
import type { ImageReference } from './policy.js';

const object = (value: unknown): Record<string, unknown> | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;

/** null when metadata named no image at all. */
export function imageReferenceOf(document: Record<string, unknown> | null): ImageReference | null {
  const compute = object(document?.['compute']);
  if (!compute) return null;
  const reference = object(object(compute['storageProfile'])?.['imageReference']);
  const from = reference ?? compute;
  const image = {
    publisher: text(from['publisher']),
    offer: text(from['offer']),
    sku: text(from['sku']),
    id: reference ? text(reference['id']) : '',
  };
  return Object.values(image).every((v) => v === '') ? null : image;
}
