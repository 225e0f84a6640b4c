/** Immutable edits of a selected object: clone, change, hand the new object to the store. */
import { cloneJson, isPlainObject, type KubeObject } from '../../../shared/model/object';
import { getKindInfo } from '../../../shared/kinds/registry';
import { updateObject } from '../../store';

/** Apply `mutate` to a copy of the object and store it (one undo step). */
export function editObject(id: string, object: KubeObject, mutate: (draft: KubeObject) => void): void {
  const draft = cloneJson(object);
  mutate(draft);
  updateObject(id, draft);
}

/** Read a nested field by path segments; undefined when any step is missing. */
export function getIn(value: unknown, path: ReadonlyArray<string | number>): unknown {
  let cur: unknown = value;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

/** Write a nested field, creating objects on the way; `undefined` deletes the field. */
export function setIn(root: Record<string, unknown>, path: ReadonlyArray<string | number>, value: unknown): void {
  let cur: Record<string | number, unknown> = root;
  for (let i = 0; i < path.length - 1; i++) {
    const seg = path[i]!;
    const next = cur[seg];
    if (next === null || typeof next !== 'object') cur[seg] = typeof path[i + 1] === 'number' ? [] : {};
    cur = cur[seg] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1]!;
  if (value === undefined) {
    if (Array.isArray(cur) && typeof last === 'number') cur.splice(last, 1);
    else delete cur[last];
  } else cur[last] = value;
}

/** A string map field (labels, selector, quota hard) as entries. */
export function mapEntries(v: unknown): Array<[string, string]> {
  return isPlainObject(v) ? Object.entries(v).map(([k, x]) => [k, x === null || x === undefined ? '' : String(x)]) : [];
}

/** Where a kind keeps its pod spec (its module's pod template path), or undefined for kinds that run no pods. */
export function podSpecPath(kind: string): string[] | undefined {
  const template = getKindInfo(kind)?.podTemplatePath;
  if (template === undefined) return undefined;
  return [...(template ? template.split('.') : []), 'spec'];
}

/** Whether `spec.replicas` scales the kind. */
export function isScalable(kind: string): boolean {
  return getKindInfo(kind)?.scalable === true;
}
