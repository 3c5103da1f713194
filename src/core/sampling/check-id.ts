// The stability check's id and title, shared by the module (checks/stability.ts) and its lazily loaded run.
export const STABILITY_CHECK = { id: 'stability', title: 'Stability over samples' } as const;
