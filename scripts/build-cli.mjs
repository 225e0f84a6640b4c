#!/usr/bin/env node
// Bundles the `kubeplan` command (cli/main.ts and everything it imports, npm packages included)
// into out/cli/ with esbuild, one chunk per command so `--help` loads none of them. Run by
// `npm install` (the prepare script) and by bin/kubeplan.mjs when the bundle is missing or stale.
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const CLI_DIR = join(root, 'out', 'cli');
/** The entry bin/kubeplan.mjs imports, and the list of source files it was built from. */
const ENTRY = 'kubeplan.mjs';
const INPUTS = 'inputs.json';

export async function buildCli() {
  const { build } = await import('esbuild');
  const result = await build({
    stdin: { contents: "import { main } from './cli/main';\nprocess.exitCode = await main(process.argv.slice(2));\n", resolveDir: root, sourcefile: 'kubeplan.ts', loader: 'ts' },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir: CLI_DIR,
    entryNames: 'kubeplan',
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    // CommonJS packages in the bundle (kubernetes-models) use require() and may read
    // __filename.
    banner: {
      js: [
        "import { createRequire as __kubeplanRequire } from 'node:module';",
        'const require = __kubeplanRequire(import.meta.url);',
        'const __filename = import.meta.filename;',
        'const __dirname = import.meta.dirname;',
      ].join('\n'),
    },
    // Native (a .node binary per platform): loaded from node_modules when a PNG is rendered.
    external: ['@resvg/resvg-js'],
    metafile: true,
    // Metafile input paths are relative to the working directory: make that the root, whatever the caller's cwd.
    absWorkingDir: root,
    write: false,
    logLevel: 'warning',
  });
  // Chunks are named by content hash, so a CLI still running an earlier build keeps finding its
  // own; the entry is replaced last, which makes the new build the one that runs.
  const entry = join(CLI_DIR, ENTRY);
  mkdirSync(join(CLI_DIR, 'chunks'), { recursive: true });
  for (const file of result.outputFiles) if (file.path !== entry) writeAtomically(file.path, file.contents);
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('<stdin>') && !f.includes('node_modules/'));
  writeAtomically(join(CLI_DIR, INPUTS), `${JSON.stringify(inputs.map((f) => relative(root, join(root, f))), null, 1)}\n`);
  writeAtomically(entry, result.outputFiles.find((f) => f.path === entry).contents);
  const current = new Set(result.outputFiles.map((f) => f.path));
  for (const name of readdirSync(join(CLI_DIR, 'chunks'))) {
    const path = join(CLI_DIR, 'chunks', name);
    if (!current.has(path) && statSync(path).mtimeMs < Date.now() - 60_000) rmSync(path, { force: true });
  }
}

function writeAtomically(path, contents) {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, contents);
  renameSync(temp, path);
}

/** Whether out/cli holds a bundle no older than any of the source files it was built from. */
export function cliIsFresh() {
  let built;
  let inputs;
  try {
    built = statSync(join(CLI_DIR, ENTRY)).mtimeMs;
    inputs = JSON.parse(readFileSync(join(CLI_DIR, INPUTS), 'utf8'));
  } catch {
    return false;
  }
  // A source that is gone (an installed package ships no sources) does not make the bundle stale.
  return inputs.every((f) => (statSync(join(root, f), { throwIfNoEntry: false })?.mtimeMs ?? 0) <= built);
}

/** Builds the bundle unless it is fresh. */
export async function ensureCli() {
  if (!cliIsFresh()) await buildCli();
}

if (process.argv[1] && import.meta.filename === process.argv[1]) await buildCli();
