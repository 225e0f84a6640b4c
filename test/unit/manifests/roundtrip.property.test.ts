/**
 * Property tests: whatever objects a design holds — unknown kinds, unknown fields, any key
 * order, any JSON values — survive export → import, import → export, and save → open.
 */
import fc from 'fast-check';
import { dump } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { designObjects, parseDesign, serializeDesign } from '../../../shared/design';
import { importAsDesign } from '../../../shared/design/import';
import { exportManifests, exportManifestsByNamespace, parseManifests, sortForApply } from '../../../shared/manifests';
import { prototypeKeyPath } from '../../../shared/model/keys';
import type { KubeObject } from '../../../shared/model/object';

const KINDS: [string, string][] = [
  ['v1', 'Namespace'],
  ['v1', 'ConfigMap'],
  ['v1', 'Secret'],
  ['v1', 'Service'],
  ['apps/v1', 'Deployment'],
  ['apps/v1', 'StatefulSet'],
  ['networking.k8s.io/v1', 'Ingress'],
  ['storage.k8s.io/v1', 'StorageClass'],
  ['example.com/v1alpha1', 'Widget'],
  ['cert-manager.io/v1', 'Certificate'],
];

const dnsName = fc.stringMatching(/^[a-z]([-a-z0-9]{0,14}[a-z0-9])?$/);
const fieldName = fc.oneof(fc.constantFrom('spec', 'data', 'status', 'x-custom', 'stringData', 'rules', 'type'), fc.string({ minLength: 1, maxLength: 12 }));

/** Any JSON value, with keys in whatever order they were generated; `__proto__` keys are refused on input (test/unit/hostile). */
const jsonValue = fc.jsonValue({ maxDepth: 4, stringUnit: 'grapheme' }).filter((v) => prototypeKeyPath(v) === undefined);

const kubeObject: fc.Arbitrary<KubeObject> = fc
  .record({
    kind: fc.constantFrom(...KINDS),
    name: dnsName,
    namespace: fc.option(fc.constantFrom('default', 'shop', 'team-a'), { nil: undefined }),
    labels: fc.option(fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9./-]{0,20}$/), fc.string({ maxLength: 20 }), { maxKeys: 3 }), { nil: undefined }),
    extra: fc.array(fc.tuple(fieldName, jsonValue), { maxLength: 4 }),
    metaExtra: fc.array(fc.tuple(fc.constantFrom('annotations', 'finalizers', 'x-meta'), jsonValue), { maxLength: 2 }),
    order: fc.constantFrom('apiVersion-first', 'kind-first', 'metadata-last'),
  })
  .map(({ kind: [apiVersion, kind], name, namespace, labels, extra, metaExtra, order }) => {
    const metadata: Record<string, unknown> = { name };
    if (namespace) metadata.namespace = namespace;
    if (labels) metadata.labels = labels;
    for (const [k, v] of metaExtra) if (!(k in metadata)) metadata[k] = v;
    const rest: Record<string, unknown> = {};
    for (const [k, v] of extra) if (!['apiVersion', 'kind', 'metadata', 'items', '__proto__'].includes(k)) rest[k] = v;
    const o: Record<string, unknown> =
      order === 'kind-first' ? { kind, apiVersion, metadata, ...rest } : order === 'metadata-last' ? { apiVersion, kind, ...rest, metadata } : { apiVersion, kind, metadata, ...rest };
    return o as KubeObject;
  });

const objects = fc.array(kubeObject, { maxLength: 12 });

const loaded = (os: KubeObject[]) => os.map((object, index) => ({ object, source: { file: 'gen.yaml', line: 1, index } }));

/** Equal values and equal key order everywhere. */
function expectIdentical(actual: unknown[], expected: unknown[]): void {
  expect(actual).toEqual(expected);
  expect(actual.map((o) => JSON.stringify(o))).toEqual(expected.map((o) => JSON.stringify(o)));
}

describe('round trips (property tests)', { timeout: 60_000 }, () => {
  it('import(export(design)) holds exactly the design objects, in apply order', () => {
    fc.assert(
      fc.property(objects, (os) => {
        const design = importAsDesign(loaded(os), 'gen');
        const text = exportManifests(designObjects(design));
        const { objects: back, errors } = parseManifests(text, 'export.yaml');
        expect(errors).toEqual([]);
        expectIdentical(designObjects(importAsDesign(back, 'again')), sortForApply(os));
      }),
      { numRuns: 150 },
    );
  });

  it('export(import(yaml)) keeps every object and every field of hand-written YAML', () => {
    fc.assert(
      fc.property(objects, fc.boolean(), (os, flow) => {
        // YAML as people write it: block or flow style, documents in their own order.
        const yaml = os.map((o) => dump(o, { flowLevel: flow ? 1 : -1, lineWidth: 60 })).join('---\n');
        const imported = parseManifests(yaml, 'hand.yaml');
        expect(imported.errors).toEqual([]);
        const exported = exportManifests(designObjects(importAsDesign(imported.objects, 'x')));
        expectIdentical(
          parseManifests(exported, 'out.yaml').objects.map((l) => l.object),
          sortForApply(os),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('export per namespace loses nothing either', () => {
    fc.assert(
      fc.property(objects, (os) => {
        const files = exportManifestsByNamespace(os);
        const back = [...files.values()].flatMap((t) => parseManifests(t, 'f').objects.map((l) => l.object));
        expect(back).toHaveLength(os.length);
        expect(new Set(back.map((o) => JSON.stringify(o)))).toEqual(new Set(os.map((o) => JSON.stringify(o))));
      }),
      { numRuns: 100 },
    );
  });

  it('save then open gives back the same design', () => {
    fc.assert(
      fc.property(objects, (os) => {
        const design = importAsDesign(loaded(os), 'gen');
        const opened = parseDesign(serializeDesign(design), 'gen.kubeplan.yaml');
        if ('error' in opened) throw new Error(opened.error.message);
        expect(opened.warnings).toEqual([]);
        expect(opened.design).toEqual(design);
        expectIdentical(designObjects(opened.design), os);
      }),
      { numRuns: 100 },
    );
  });
});
