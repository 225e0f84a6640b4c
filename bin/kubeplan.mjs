#!/usr/bin/env node
// The `kubeplan` command: runs the bundled CLI in out/cli/ (built by `npm install`), rebuilding it
// first when it is missing or older than its sources (scripts/build-cli.mjs).
import { ensureCli } from '../scripts/build-cli.mjs';

await ensureCli();
await import('../out/cli/kubeplan.mjs');
