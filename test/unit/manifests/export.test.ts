import { describe, expect, it } from 'vitest';
import { CLUSTER_FILE, exportManifests, exportManifestsByNamespace, parseManifests, sortForApply } from '../../../shared/manifests';
import type { KubeObject } from '../../../shared/model/object';

const obj = (apiVersion: string, kind: string, name: string, namespace?: string, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion,
  kind,
  metadata: { name, ...(namespace ? { namespace } : {}) },
  ...extra,
});

describe('apply order', () => {
  it('puts kinds in the order kubectl apply needs them, unknown kinds last, stable within a rank', () => {
    const shuffled = [
      obj('autoscaling/v2', 'HorizontalPodAutoscaler', 'web', 'shop'),
      obj('example.com/v1', 'Widget', 'w1', 'shop'),
      obj('networking.k8s.io/v1', 'NetworkPolicy', 'deny', 'shop'),
      obj('networking.k8s.io/v1', 'Ingress', 'web', 'shop'),
      obj('v1', 'Service', 'web', 'shop'),
      obj('apps/v1', 'StatefulSet', 'db', 'shop'),
      obj('apps/v1', 'Deployment', 'web', 'shop'),
      obj('v1', 'PersistentVolumeClaim', 'data', 'shop'),
      obj('v1', 'Secret', 's', 'shop'),
      obj('v1', 'ConfigMap', 'c', 'shop'),
      obj('v1', 'LimitRange', 'lr', 'shop'),
      obj('v1', 'ResourceQuota', 'rq', 'shop'),
      obj('v1', 'PersistentVolume', 'pv'),
      obj('storage.k8s.io/v1', 'StorageClass', 'fast'),
      obj('example.com/v1', 'Gadget', 'g1', 'shop'),
      obj('v1', 'Namespace', 'shop'),
    ];
    expect(sortForApply(shuffled).map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'Namespace/shop',
      'StorageClass/fast',
      'PersistentVolume/pv',
      'LimitRange/lr',
      'ResourceQuota/rq',
      'Secret/s',
      'ConfigMap/c',
      'PersistentVolumeClaim/data',
      'Service/web',
      'Deployment/web',
      'StatefulSet/db',
      'Ingress/web',
      'NetworkPolicy/deny',
      'HorizontalPodAutoscaler/web',
      'Widget/w1',
      'Gadget/g1',
    ]);
  });

  it('puts a CustomResourceDefinition before everything but Namespaces', () => {
    const sorted = sortForApply([obj('v1', 'ConfigMap', 'c', 'a'), obj('apiextensions.k8s.io/v1', 'CustomResourceDefinition', 'widgets.example.com'), obj('v1', 'Namespace', 'a')]);
    expect(sorted.map((o) => o.kind)).toEqual(['Namespace', 'CustomResourceDefinition', 'ConfigMap']);
  });

  it('does not modify its input', () => {
    const input = [obj('v1', 'Service', 's'), obj('v1', 'Namespace', 'n')];
    sortForApply(input);
    expect(input.map((o) => o.kind)).toEqual(['Service', 'Namespace']);
  });
});

describe('exportManifests', () => {
  it('writes one multi-document YAML in apply order that parses back to the same objects', () => {
    const objects = [obj('v1', 'Service', 'web', 'shop', { spec: { ports: [{ port: 80 }] } }), obj('v1', 'Namespace', 'shop')];
    const text = exportManifests(objects);
    expect(text).toBe('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  ports:\n    - port: 80\n');
    expect(parseManifests(text, 'x').objects.map((o) => o.object)).toEqual([objects[1], objects[0]]);
  });

  it('never folds long lines and never writes anchors for shared values', () => {
    const labels = { app: 'web' };
    const long = 'x'.repeat(300);
    const text = exportManifests([obj('v1', 'ConfigMap', 'c', 'a', { data: { long }, metadata: { name: 'c', labels }, extra: labels })]);
    expect(text).toContain(`long: ${long}\n`);
    expect(text).not.toMatch(/[&*]ref_/);
  });

  it('quotes strings that other YAML readers would take for booleans or numbers', () => {
    const text = exportManifests([obj('v1', 'ConfigMap', 'c', 'a', { data: { a: 'yes', b: '0777', c: 'on', d: '1.10', e: 'null' } })]);
    const back = parseManifests(text, 'x').objects[0]!.object;
    expect(back.data).toEqual({ a: 'yes', b: '0777', c: 'on', d: '1.10', e: 'null' });
    expect(text).toMatch(/a: '+yes'+/);
  });

  it('writes multi-line strings as literal blocks', () => {
    const text = exportManifests([obj('v1', 'ConfigMap', 'c', 'a', { data: { 'nginx.conf': 'server {\n  listen 80;\n}\n' } })]);
    expect(text).toContain('nginx.conf: |\n    server {\n      listen 80;\n    }\n');
  });

  it('exports nothing as an empty string', () => {
    expect(exportManifests([])).toBe('');
  });
});

describe('exportManifestsByNamespace', () => {
  it('never turns a bad namespace into a path outside the export folder', () => {
    const files = exportManifestsByNamespace([obj('v1', 'ConfigMap', 'c', '../../etc/passwd'), obj('v1', 'ConfigMap', 'd', 'Shop')]);
    expect([...files.keys()].sort()).toEqual(['_invalid-Shop.yaml', '_invalid-______etc_passwd.yaml']);
    for (const name of files.keys()) expect(name).not.toMatch(/[\\/]/);
  });

  it('writes one file per namespace and cluster-scoped objects (Namespaces included) to their own file', () => {
    const files = exportManifestsByNamespace([
      obj('v1', 'Service', 'web', 'shop'),
      obj('v1', 'ConfigMap', 'cfg'),
      obj('v1', 'Namespace', 'shop'),
      obj('storage.k8s.io/v1', 'StorageClass', 'fast'),
      obj('apps/v1', 'Deployment', 'web', 'shop'),
      obj('example.com/v1', 'Widget', 'w', 'other'),
      obj('cert-manager.io/v1', 'ClusterIssuer', 'letsencrypt'),
    ]);
    expect([...files.keys()]).toEqual([CLUSTER_FILE, 'default.yaml', 'other.yaml', 'shop.yaml']);
    const kinds = (file: string) => parseManifests(files.get(file)!, file).objects.map((o) => o.object.kind);
    expect(kinds(CLUSTER_FILE)).toEqual(['Namespace', 'StorageClass', 'ClusterIssuer']); // an unknown kind without a namespace
    expect(kinds('default.yaml')).toEqual(['ConfigMap']);
    expect(kinds('shop.yaml')).toEqual(['Service', 'Deployment']);
    expect(kinds('other.yaml')).toEqual(['Widget']);
  });
});
