#!/usr/bin/env node
// The `kubeplan` command. Runs the TypeScript CLI directly through tsx, so there is no build step
// between `npm install` and `npx kubeplan`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
