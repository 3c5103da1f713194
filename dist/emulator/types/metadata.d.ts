import type { Answer } from './token.js';
import type { EmulatorState } from './state.js';
export interface MetadataAnswer extends Answer {
    text?: boolean;
}
/** `segments` are the path parts after /metadata/instance. */
export declare function answerInstance(state: EmulatorState, segments: readonly string[], query: Record<string, string>): MetadataAnswer;
