// One annotation (GitHub) or issue (Azure DevOps) per failure of the whole gate, then per failing code of the
// fleet, naming its machines and the fix once; at most as many per level as GitHub shows, keeping a slot for
// the step's own verdict line.
import { fixesFor, failingGroups, type FleetReport } from '../core/fleet/index.js';
import { neutralise, type InputSpelling } from '../core/index.js';
import { MAX_ANNOTATIONS_PER_LEVEL } from './annotations.js';
import type { AnnotationLevel, PlatformPort } from './port.js';

/** Machines named in one annotation before "and N more". */
const NAMES = 10;

export function annotateFleet(
  port: Pick<PlatformPort<string, string>, 'annotate' | 'codeLink'>,
  report: FleetReport,
  level: AnnotationLevel,
  reserved: AnnotationLevel | undefined,
  spell: InputSpelling,
): void {
  const groups = failingGroups(report);
  let room = MAX_ANNOTATIONS_PER_LEVEL - (reserved === level ? 1 : 0);
  for (const failure of report.gateFailures.slice(0, room)) {
    const link = port.codeLink(failure.code);
    port.annotate(level, `imds-check fleet: ${failure.code} fails the gate`, [
      neutralise(failure.detail),
      ...fixesFor(failure.code, [], spell).map((f) => `Fix: ${f.text}`),
      ...(link ? [`Docs: ${link}`] : []),
    ]);
    room -= 1;
  }
  for (const group of groups.slice(0, Math.max(0, room))) {
    const code = neutralise(group.code) || '(no code)';
    const names = group.entries.map(
      ({ row }) => neutralise(row.name) || neutralise(row.source) || row.result,
    );
    const rest = names.length > NAMES ? ` and ${names.length - NAMES} more` : '';
    const link = /^[a-z0-9_]+$/.test(code) ? port.codeLink(code) : null;
    port.annotate(level, `imds-check fleet: ${code} on ${group.entries.length} machine(s)`, [
      `${names.slice(0, NAMES).join(', ')}${rest}`,
      ...fixesFor(
        group.code,
        group.entries.map((e) => e.row),
        spell,
      ).map((f) => `Fix${f.label ? ` (${f.label})` : ''}: ${f.text}`),
      ...(link ? [`Docs: ${link}`] : []),
    ]);
  }
  const left = groups.length - Math.max(0, room);
  if (left > 0)
    port.annotate('notice', 'imds-check fleet annotations', [
      `${left} more failing codes are not annotated (at most ${MAX_ANNOTATIONS_PER_LEVEL} per level per step); the summary lists them all.`,
    ]);
}
