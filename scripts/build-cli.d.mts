// Types of scripts/build-cli.mjs for the TypeScript that imports it (test/setup/cli-bundle.ts).
export function buildCli(): Promise<void>;
export function cliIsFresh(): boolean;
export function ensureCli(): Promise<void>;
