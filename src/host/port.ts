// What a step body needs from a CI platform: the check (step.ts) and the fleet merge (merge-step.ts) run over
// the same port, each with its own input and output names. The GitHub Action and the Azure DevOps task are
// thin adapters of this port; everything they have in common lives in the step bodies.
import type { ProxySetting, CodeLink, InputName, OutputName, StepVerdict } from '../core/index.js';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

/** How a platform writes a name of its step's contract: `timeout-seconds` or `timeoutSeconds`. */
export interface NameSpelling<N extends string> {
  name(input: N): string;
  assignment(input: N, value: string): string;
}

/** `In`/`Out`: the step's input and output names (the check's by default; the merge has its own). */
export interface PlatformPort<In extends string = InputName, Out extends string = OutputName> {
  /** How this platform spells inputs in messages (`timeout-seconds` or `timeoutSeconds`). */
  spelling: NameSpelling<In>;
  /** The raw input ('' or undefined when unset). Credential inputs must be read without any echo. */
  input(name: In): string | undefined;
  /** Registers one value for masking before it could be printed. */
  registerSecret(value: string): void;
  /** A plain log block. */
  info(text: string): void;
  debug(text: string): void;
  /** A progress line during a long wait. */
  progress(text: string): void;
  /** An annotation (GitHub) or issue (Azure DevOps): a title and lines of text. */
  annotate(level: AnnotationLevel, title: string, lines: string[]): void;
  setOutput(name: Out, value: string, secret: boolean): void;
  /** Attaches the Markdown summary; `folder` is the run's private report folder. */
  attachSummary(markdown: string, folder: string): Promise<void>;
  /**
   * The file the platform appends the step summary to (GitHub: GITHUB_STEP_SUMMARY), checked before the probe;
   * null when the summary goes into the report folder (Azure DevOps) or the platform asks for none.
   */
  summaryFile(): string | null;
  /** Ends the step. `message` may become an annotation of its own (see finishAnnotates). */
  finish(verdict: StepVerdict, message: string): void;
  /** The per-job temp folder (RUNNER_TEMP, Agent.TempDirectory), if any. */
  tempDir(): string | undefined;
  agentProxy(): ProxySetting | null;
  /** Where a code is documented, for links in annotations and the summary. */
  codeLink: CodeLink;
  /** Which verdicts make finish() add an annotation of that level itself, so one slot is kept for it. */
  finishAnnotates: Partial<Record<StepVerdict, AnnotationLevel>>;
}

/** A port that serves any step's names: what the GitHub and Azure DevOps adapters build. */
export type AnyPlatformPort = PlatformPort<string, string>;
