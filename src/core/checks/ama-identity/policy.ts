// Predicts whether the built-in AMA policy would install AMA here: the policy that fits the identity AMA will use
// (system-assigned, user-assigned, or Arc's), judged on the region, the identity condition and the image. When the
// identity is unknown both VM policies are judged and only an answer they share is given; otherwise `unknown`.
import { clip } from '../../neutralise.js';
import type { Mode } from '../../types.js';
import {
  LINUX_IMAGES,
  POLICIES,
  POLICY_REGIONS,
  WINDOWS_IMAGES,
  type ImageRule,
  type Match,
  type OsFamily,
  type PolicyDefinition,
  type PolicyKind,
} from './policy-rules.js';
import type { AmaIdentityKind } from './which-identity.js';

export type Prediction = 'install' | 'skip' | 'unknown';

/** How AMA will be installed: directly as the VM extension, or by the built-in policy. */
export type AmaInstall = 'extension' | 'policy';

export interface ImageReference {
  publisher: string;
  offer: string;
  sku: string;
  /** The image or gallery-version resource id (set for custom images, '' for marketplace ones). */
  id: string;
}

export interface PolicyInput {
  mode: Mode;
  os: OsFamily | null;
  location: string;
  image: ImageReference | null;
  kind: AmaIdentityKind | null;
  hasSystem: boolean | null;
}

export interface RuleResult {
  rule: 'region' | 'identity' | 'image';
  /** true passes, false skips the machine, null cannot be told from here. */
  ok: boolean | null;
  says: string;
}

export interface PolicyPrediction {
  prediction: Prediction;
  /** The policies judged (one, or both VM ones when the identity is unknown). */
  judged: { policy: PolicyDefinition; prediction: Prediction; rules: RuleResult[] }[];
  /** The rule that skips, named for ama_policy_skip; '' unless the prediction is skip. */
  skipRule: string;
}

const glob = (pattern: string): RegExp =>
  new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i');
const fitsMatch = (match: Match, value: string): boolean =>
  match === 'any' || match.like.some((p) => glob(p).test(value));

const imageText = (image: ImageReference): string =>
  clip(`${image.publisher}/${image.offer}/${image.sku}`, 160);

function regionRule(kind: PolicyKind, os: OsFamily, location: string): RuleResult {
  const regions = POLICY_REGIONS[kind][os];
  const region = location.toLowerCase();
  if (region === '') return { rule: 'region', ok: null, says: 'metadata gave no region (compute.location)' };
  return regions.includes(region)
    ? { rule: 'region', ok: true, says: `region ${region} is in its list` }
    : {
        rule: 'region',
        ok: false,
        says: `region ${clip(region, 40)} is not among its ${regions.length} regions`,
      };
}

function identityRule(hasSystem: boolean | null): RuleResult {
  if (hasSystem === true) return { rule: 'identity', ok: true, says: 'the system-assigned identity exists' };
  if (hasSystem === false)
    return {
      rule: 'identity',
      ok: false,
      says: 'the VM has no system-assigned identity (the policy requires identity.type to contain SystemAssigned)',
    };
  return { rule: 'identity', ok: null, says: 'whether the VM has a system-assigned identity is unknown' };
}

function imageRule(kind: PolicyKind, os: OsFamily, image: ImageReference | null): RuleResult {
  if (image === null || (image.publisher === '' && image.offer === '' && image.sku === '' && image.id === ''))
    return { rule: 'image', ok: null, says: 'metadata named no image (storageProfile.imageReference)' };
  if (image.publisher === '' && image.offer === '' && image.sku === '')
    return {
      rule: 'image',
      ok: false,
      says: `the custom or gallery image ${clip(image.id, 200)} has no publisher, offer or SKU, and the policy covers only the marketplace images it lists unless its assignment sets scopeToSupportedImages false or lists this image id`,
    };
  const rules: readonly ImageRule[] = os === 'linux' ? LINUX_IMAGES : WINDOWS_IMAGES;
  const listed = rules.some(
    (r) =>
      (!r.userOnly || kind === 'user') &&
      r.publisher.toLowerCase() === image.publisher.toLowerCase() &&
      fitsMatch(r.offer, image.offer) &&
      fitsMatch(r.sku, image.sku),
  );
  return listed
    ? { rule: 'image', ok: true, says: `image ${imageText(image)} is a marketplace image it lists` }
    : {
        rule: 'image',
        ok: false,
        says: `image ${imageText(image)} is not among the marketplace images it lists (scopeToSupportedImages true)`,
      };
}

function judge(kind: PolicyKind, os: OsFamily, input: PolicyInput): PolicyPrediction['judged'][number] {
  const rules = [regionRule(kind, os, input.location)];
  if (kind === 'system') rules.push(identityRule(input.hasSystem));
  if (kind !== 'arc') rules.push(imageRule(kind, os, input.image));
  const prediction: Prediction = rules.some((r) => r.ok === false)
    ? 'skip'
    : rules.some((r) => r.ok === null)
      ? 'unknown'
      : 'install';
  return { policy: POLICIES[kind][os], prediction, rules };
}

export function predictPolicy(input: PolicyInput): PolicyPrediction {
  if (input.os === null) return { prediction: 'unknown', judged: [], skipRule: '' };
  const kinds: PolicyKind[] =
    input.mode === 'arc'
      ? ['arc']
      : input.kind === 'system'
        ? ['system']
        : input.kind === 'user'
          ? ['user']
          : ['system', 'user'];
  const judged = kinds.map((kind) => judge(kind, input.os!, input));
  const first = judged[0]!.prediction;
  const prediction = judged.every((j) => j.prediction === first) ? first : 'unknown';
  const skipRule =
    prediction === 'skip'
      ? judged
          .map(
            (j) =>
              `'${j.policy.name}' (${j.policy.version}) would skip it: ${j.rules.find((r) => r.ok === false)!.says}`,
          )
          .join('; ')
      : '';
  return { prediction, judged, skipRule };
}

/** The OS family the policy is chosen by: metadata osType (`Linux`, `linux`, `Windows`), else the platform. */
export function osFamilyOf(osType: string, platform: string): OsFamily | null {
  const type = osType.toLowerCase();
  if (type === 'linux' || type === 'windows') return type;
  if (type !== '') return null;
  return platform === 'win32' ? 'windows' : platform === 'linux' ? 'linux' : null;
}
