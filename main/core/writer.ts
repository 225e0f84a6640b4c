// How handlers write files: atomically (temp file + rename), injected so tests can make it fail.
export type WriteFile = (path: string, data: string) => Promise<void>;
