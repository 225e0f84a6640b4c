/** Reading the inspector's YAML editor: one object, same kind, valid name — or why not, with the line. */
import { load, YAMLException } from 'js-yaml';
import type { KubeObject } from '../../../shared/model/object';
import { isKubeObject } from '../../api/formats';
import { firstInvalid, nameCheck, type Invalid } from './validators';

export type Parsed = { object: KubeObject } | { error: Invalid };

export function parseObjectYaml(text: string, original: KubeObject): Parsed {
  let value: unknown;
  try {
    value = load(text);
  } catch (e) {
    const line = e instanceof YAMLException && e.mark ? e.mark.line + 1 : 1;
    const message = e instanceof YAMLException ? e.reason : String(e);
    return { error: { key: 'errors.yamlLine', params: { line, message } } };
  }
  if (!isKubeObject(value)) return { error: { key: 'errors.yamlShape' } };
  if (value.kind !== original.kind || value.apiVersion.split('/')[0] !== original.apiVersion.split('/')[0]) return { error: { key: 'errors.kindChange' } };
  const badName = firstInvalid(value.metadata.name, [nameCheck(value.kind)]);
  if (badName) return { error: badName };
  return { object: value };
}

