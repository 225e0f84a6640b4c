/**
 * Files `kubectl apply -f` may name when there is no disk (the console): path → YAML text, such as
 * the open design's manifests in `kubeplan export`'s layout (`<namespace>.yaml`, `_cluster.yaml`).
 * `.` (or the folder `./`) names them all, as `kubectl apply -f <dir>` reads a folder.
 */
import { parseManifests } from '../../manifests';
import type { FileReader } from './types';

export function filesReader(files: Readonly<Record<string, string>>): FileReader {
  const read = (path: string, text: string) => {
    const parsed = parseManifests(text, path);
    const [first] = parsed.errors;
    if (first) return { error: `error parsing ${path}${first.line ? `: line ${first.line}` : ''}: ${first.message}` };
    return { objects: parsed.objects.map((o) => o.object), sources: parsed.objects.map(() => path) };
  };
  return (path) => {
    const clean = path.replace(/^\.\//, '');
    if (Object.hasOwn(files, clean)) return read(clean, files[clean]);
    if (clean === '.' || clean === '' || clean === '/') {
      const objects = [];
      const sources = [];
      for (const [name, text] of Object.entries(files)) {
        const r = read(name, text);
        if ('error' in r) return r;
        objects.push(...r.objects);
        sources.push(...r.sources);
      }
      return { objects, sources };
    }
    return undefined;
  };
}
