/**
 * Files named on the command line (`kubeplan shop.kubeplan.yaml`, or a double-click through the
 * file association): design and manifest files only, flags and the app path skipped.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

const OPENABLE = /\.(kubeplan\.yaml|ya?ml|json)$/i;

export function filesFromArgv(argv: readonly string[], cwd = process.cwd()): string[] {
  return argv
    .slice(1)
    .filter((arg) => !arg.startsWith('-') && OPENABLE.test(arg))
    .map((arg) => resolve(cwd, arg))
    .filter((file) => existsSync(file) && statSync(file).isFile());
}
