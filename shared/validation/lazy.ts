/**
 * Validation loaded on demand. The schema validators of kubernetes-models weigh about 0.9 MB
 * minified; a first bundle that must start fast (the renderer) imports this module instead of
 * ./index, and the bundler puts validation in its own chunk, fetched on first use.
 */
import type { KubeObject } from '../model/object';
import type { ObjectIndex } from '../kinds/objectIndex';
import type { Problem } from './types';

export type ValidateObjects = (objects: readonly KubeObject[] | ObjectIndex) => Problem[];

let loading: Promise<ValidateObjects> | undefined;

/** `validateObjects`, once its chunk has loaded (loaded once, then shared). */
export function loadValidateObjects(): Promise<ValidateObjects> {
  loading ??= import('./validate').then((m) => m.validateObjects);
  return loading;
}
