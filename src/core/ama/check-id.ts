// The AMA check's id and title, shared by the module (checks/ama.ts) and its lazily loaded run (run.ts).
export const AMA_CHECK = { id: 'ama', title: 'Azure Monitor Agent endpoints' } as const;
