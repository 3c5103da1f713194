// The words status outputs and check outcomes use when no HTTP status came back. One list for the engine.
export const SOCKET_WORDS = ['timeout', 'refused', 'unreachable', 'reset', 'no-response'] as const;
export type SocketWord = (typeof SOCKET_WORDS)[number];

const WORDS: ReadonlySet<string> = new Set(SOCKET_WORDS);

export function isSocketWord(value: string): value is SocketWord {
  return WORDS.has(value);
}
