/**
 * Which paths the renderer may name directly. A compromised renderer must not read or write
 * arbitrary files, so a path is usable only once the user chose it in a dialog, opened it
 * (command line, recent files) or it was written by us this session.
 */
import { resolve } from 'node:path';

export class PathGrants {
  private readonly granted = new Set<string>();

  grant(...paths: string[]): void {
    for (const p of paths) this.granted.add(resolve(p));
  }

  has(path: string): boolean {
    return this.granted.has(resolve(path));
  }
}
