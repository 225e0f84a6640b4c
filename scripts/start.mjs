#!/usr/bin/env node
// `npm start`: build the desktop app and launch it in Electron. Where the Electron binary is
// missing and cannot be fetched, say so in one line (and how to use the browser build instead).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function electronBinary() {
  // The electron package downloads its binary on first require; do that in a child so a failure
  // (offline, blocked host) becomes a message instead of a stack trace.
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    encoding: 'utf8',
    timeout: 120_000,
    cwd: process.cwd(),
  });
  // The package prints download progress before the path: the path is the last line.
  const path = probe.status === 0 ? probe.stdout.trim().split('\n').at(-1) : undefined;
  // ELECTRON_OVERRIDE_DIST_PATH yields a path without checking it exists.
  return path && existsSync(path) ? path : undefined;
}

const bin = electronBinary();
if (!bin) {
  console.error(
    'kubeplan: the Electron binary is not installed and could not be downloaded on this machine — run `npm run web` to use Kubeplan in a browser, or point ELECTRON_OVERRIDE_DIST_PATH at a local Electron build.',
  );
  process.exit(1);
}

const build = spawnSync(process.execPath, [require.resolve('electron-vite/bin/electron-vite.js'), 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const child = spawn(bin, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('error', (err) => {
  console.error(`kubeplan: could not start Electron (${bin}): ${err.message}`);
  process.exit(1);
});
child.on('close', (code) => process.exit(code ?? 1));
