import { describe, expect, it } from 'vitest';
import { emptyDesign, parseDesign, serializeDesign } from '../../../shared/design';
import { parseManifests } from '../../../shared/manifests';
import { parseScenario } from '../../../shared/simulation/scenario';

// Alias expansion once copied a `__proto__` key with `o[k] = v`, which sets the copy's prototype:
// the ConfigMap below then "had" metadata kube-system/evil that appears nowhere in its own fields.
const PROTOTYPE_ATTACK = `apiVersion: v1
kind: ConfigMap
x: &a 1
y: *a
__proto__:
  metadata:
    name: evil
    namespace: kube-system
`;

describe('prototype keys in YAML and JSON input', () => {
  it('a manifest cannot give an object fields through a __proto__ key hidden behind aliases', () => {
    const { objects, errors } = parseManifests(PROTOTYPE_ATTACK, 'evil.yaml');
    expect(objects).toEqual([]);
    expect(errors).toEqual([{ file: 'evil.yaml', line: 1, message: expect.stringMatching(/^ConfigMap: field "__proto__" is not allowed/) }]);
  });

  it('refuses a __proto__ key anywhere in an object, JSON included, naming the field', () => {
    const json = '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"data":{"__proto__":{"x":"1"}}}';
    const { objects, errors } = parseManifests(json, 'c.json');
    expect(objects).toEqual([]);
    expect(errors[0]!.message).toMatch(/^ConfigMap "c": field "data.__proto__" is not allowed/);
  });

  it('keeps constructor and prototype as ordinary keys (valid ConfigMap data and label keys)', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, labels: {constructor: a, prototype: b}}\ndata: {constructor: x, prototype: y}\n';
    const { objects, errors } = parseManifests(text, 'c.yaml');
    expect(errors).toEqual([]);
    expect(objects[0]!.object.data).toEqual({ constructor: 'x', prototype: 'y' });
    expect(Object.getPrototypeOf(objects[0]!.object.data)).toBe(Object.prototype);
  });

  it('refuses a __proto__ key in a design object, with the line of the object', () => {
    const text = 'kubeplan: 1\nresources:\n  - id: r1\n    object:\n      apiVersion: v1\n      kind: ConfigMap\n      metadata: {name: c}\n      "__proto__": {kind: Secret}\n';
    const parsed = parseDesign(text, 'd.kubeplan.yaml');
    expect(parsed).toEqual({ error: { file: 'd.kubeplan.yaml', line: 5, message: expect.stringMatching(/^resources\[0\]\.object: ConfigMap "c": field "__proto__" is not allowed/) } });
  });

  it('a design resource with id "__proto__" keeps its position through save and open', () => {
    const design = emptyDesign('p');
    design.resources = [{ id: '__proto__', object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } } }];
    design.layout.positions = Object.fromEntries([['__proto__', { x: 123, y: 456 }]]);
    const reopened = parseDesign(serializeDesign(design), 'p.kubeplan.yaml');
    if ('error' in reopened) throw new Error(reopened.error.message);
    expect(reopened.design.resources.map((r) => r.id)).toEqual(['__proto__']);
    expect(Object.getOwnPropertyDescriptor(reopened.design.layout.positions, '__proto__')?.value).toEqual({ x: 123, y: 456 });
    const again = parseDesign(serializeDesign(reopened.design), 'p.kubeplan.yaml');
    expect('design' in again && again.design).toEqual(reopened.design);
  });

  it('a scenario cannot smuggle a __proto__ key into the objects it applies', () => {
    const text = 'steps:\n  - apply:\n      manifests: |\n        apiVersion: v1\n        kind: ConfigMap\n        metadata: {name: c}\n        __proto__: {metadata: {name: evil}}\n';
    const parsed = parseScenario(text, 's.yaml');
    expect(parsed).toEqual({ error: { file: 's.yaml', line: 2, message: expect.stringMatching(/field "__proto__" is not allowed/) } });
  });
});
