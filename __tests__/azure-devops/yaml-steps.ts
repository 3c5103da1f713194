// Finds the task steps in a parsed pipeline YAML document, wherever they sit (stages, jobs, lifecycle hooks).
export interface TaskStep {
  task?: string;
  name?: string;
  inputs?: Record<string, unknown>;
  condition?: string;
  displayName?: string;
}

export function taskSteps(node: unknown): TaskStep[] {
  if (Array.isArray(node)) return node.flatMap(taskSteps);
  if (node === null || typeof node !== 'object') return [];
  const self = 'task' in node ? [node as TaskStep] : [];
  return [...self, ...Object.values(node).flatMap(taskSteps)];
}
