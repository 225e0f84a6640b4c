// An object of a kind the cluster does not serve (a custom resource without its CRD) fails as kubectl
// apply fails: k8s.io/cli-runtime pkg/resource mapper → meta.NoKindMatchError ("no matches for kind
// %q in version %q"), wrapped by kubectl apply as `resource mapping not found for name: %q namespace:
// %q from %q: %v` plus `ensure CRDs are installed first`.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../shared/model/object';
import { simulate } from '../../../shared/simulation';
import { defaultCluster } from '../../../shared/design/types';

const widget: KubeObject = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', namespace: 'default' }, spec: { size: 3 } };
const crd = (version: string): KubeObject => ({
  apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'widgets.example.com' },
  spec: { group: 'example.com', scope: 'Namespaced', names: { kind: 'Widget', plural: 'widgets', singular: 'widget' }, versions: [{ name: version, served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } }] },
});
const applied = (objects: KubeObject[], sources?: string[]) => simulate({ objects, sources, cluster: defaultCluster(), seed: 1 }).applied.find((a) => a.kind === 'Widget');

describe('custom resources need their CRD', () => {
  it.each([
    ['no CRD', [widget], ['widget.yaml'], { result: 'failed', message: 'resource mapping not found for name: "w" namespace: "default" from "widget.yaml": no matches for kind "Widget" in version "example.com/v1"\nensure CRDs are installed first' }],
    ['a CRD serving another version', [crd('v2'), widget], ['crd.yaml', 'widget.yaml'], { result: 'failed' }],
    ['its CRD, applied with it', [widget, crd('v1')], ['widget.yaml', 'crd.yaml'], { result: 'created' }],
  ])('%s', (_name, objects, sources, expected) => {
    expect(applied(objects as KubeObject[], sources as string[])).toMatchObject(expected);
  });

  it('without a file the source is STDIN, as for kubectl apply -f -', () => {
    expect(applied([widget])?.message).toContain('from "STDIN"');
  });

  it('built-in groups are never refused this way', () => {
    const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' }, data: {} };
    expect(simulate({ objects: [cm], cluster: defaultCluster(), seed: 1 }).applied[0].result).toBe('created');
  });
});
