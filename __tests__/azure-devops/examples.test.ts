// The Azure Pipelines examples: valid YAML, the task referenced as ImdsCheck@1 in a `name: probe` step with
// real inputs, and every `probe.<variable>` they read is an output variable of the task.
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { taskSteps, type TaskStep } from './yaml-steps.js';

const root = new URL('../../', import.meta.url);
const dir = new URL('examples/azure-pipelines/', root);
const task = JSON.parse(readFileSync(new URL('task.json', root), 'utf8')) as {
  inputs: { name: string }[];
  outputVariables: { name: string }[];
};
const inputNames = task.inputs.map((i) => i.name);
const outputNames = task.outputVariables.map((o) => o.name);
const files = readdirSync(dir).filter((f) => f.endsWith('.yml'));

describe('examples/azure-pipelines', () => {
  it('has the self-hosted job, Environment rolling, and deployment-group examples', () => {
    expect(files.sort()).toEqual([
      'deployment-group-task.yml',
      'environment-rolling-ama.yml',
      'fleet-merge.yml',
      'self-hosted-job.yml',
    ]);
  });

  it.each(files)('%s is valid YAML with an ImdsCheck@1 step named probe using only real inputs', (file) => {
    const text = readFileSync(new URL(file, dir), 'utf8');
    const doc = parse(text, { prettyErrors: true, uniqueKeys: true }) as unknown;
    const probes = taskSteps(doc).filter((s) => s.task?.startsWith('ImdsCheck@'));
    expect(probes.length).toBeGreaterThan(0);
    for (const step of probes) {
      expect(step.task).toBe('ImdsCheck@1');
      expect(step.name).toBe('probe');
      for (const key of Object.keys(step.inputs ?? {})) expect(inputNames).toContain(key);
    }
  });

  it.each(files)('%s reads only output variables the task sets', (file) => {
    const text = readFileSync(new URL(file, dir), 'utf8');
    const used = [...text.matchAll(/\bprobe\.([A-Za-z]+)\b/g)].map((m) => m[1]!);
    expect(used.length).toBeGreaterThan(0);
    for (const name of used) expect(outputNames).toContain(name);
  });

  it('shows output variables in a later step, another job and a later stage', () => {
    const text = readFileSync(new URL('self-hosted-job.yml', dir), 'utf8');
    expect(text).toContain('$(probe.result)');
    expect(text).toContain("dependencies.imds.outputs['probe.result']");
    expect(text).toContain("stageDependencies.Probe.imds.outputs['probe.result']");
    expect(text).toContain("dependencies.Probe.outputs['imds.probe.result']");
  });

  it('gates the AMA install in a rolling deployment over an Environment of VMs', () => {
    const doc = parse(readFileSync(new URL('environment-rolling-ama.yml', dir), 'utf8')) as any;
    const job = doc.stages[0].jobs[0];
    expect(job.environment).toMatchObject({ resourceType: 'VirtualMachine' });
    const steps = job.strategy.rolling.deploy.steps as TaskStep[];
    const probeAt = steps.findIndex((s) => s.task === 'ImdsCheck@1');
    const installAt = steps.findIndex((s) => s.displayName === 'Install Azure Monitor Agent');
    expect(probeAt).toBeGreaterThanOrEqual(0);
    expect(installAt).toBeGreaterThan(probeAt);
    expect(steps[installAt]!.condition).toContain("variables['probe.result']");
  });

  it('fleet-merge: each VM publishes its report, a merge job gates the next stage on ImdsCheckMerge', () => {
    const mergeTask = JSON.parse(readFileSync(new URL('merge/task.json', root), 'utf8')) as typeof task;
    const text = readFileSync(new URL('fleet-merge.yml', dir), 'utf8');
    const doc = parse(text) as any;
    const [check, rollout] = doc.stages;
    const [legs, merge] = check.jobs;
    expect(legs.environment).toMatchObject({ resourceType: 'VirtualMachine' });
    const legSteps = legs.strategy.rolling.deploy.steps;
    const probe = legSteps.find((s: TaskStep) => s.task === 'ImdsCheck@1');
    expect(probe.inputs.failOn).toBe('never');
    const publish = legSteps.find((s: { publish?: string }) => s.publish);
    expect(publish.publish).toBe(probe.inputs.reportPath.replace(/\/report\.json$/, ''));
    expect(publish.artifact).toMatch(/^imds-check-report-\$\(Environment\.ResourceName\)/);
    expect(merge.dependsOn).toBe(legs.deployment);
    expect(merge.steps[0]).toMatchObject({ download: 'current' });
    const step = merge.steps.find((s: TaskStep) => s.task === 'ImdsCheckMerge@1');
    expect(step.name).toBe('merge');
    for (const key of Object.keys(step.inputs)) expect(mergeTask.inputs.map((i) => i.name)).toContain(key);
    expect(step.inputs.reports).toMatch(/^\$\(Pipeline\.Workspace\)\/imds-check-report-\*\//);
    expect(step.inputs.expected).toBe('$(fleetSize)');
    const read = [...text.matchAll(/\$\(merge\.([A-Za-z]+)\)|'merge\.merge\.([A-Za-z]+)'/g)].map(
      (m) => m[1] ?? m[2]!,
    );
    expect(read.length).toBeGreaterThan(3);
    for (const name of read) expect(mergeTask.outputVariables.map((o) => o.name)).toContain(name);
    expect(rollout.dependsOn).toBe(check.stage);
    expect(rollout.condition).toBe(`eq(dependencies.${check.stage}.outputs['merge.merge.result'], 'pass')`);
    // Outputs reach scripts through env:, never as macros in the script text.
    for (const s of [...legSteps, ...merge.steps].filter((x: { bash?: string }) => x.bash))
      expect([s.bash, /\$\(/.test(s.bash)]).toEqual([s.bash, false]);
  });
});
