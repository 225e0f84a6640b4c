// How handlers write files: atomically (temp file + rename), injected so tests can make it fail.
// `mode` sets the permission bits of the file written (e.g. 0o600 for backups of unsaved work).
export type WriteFile = (path: string, data: string, options?: { mode?: number }) => Promise<void>;
