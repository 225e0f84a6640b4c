import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../../shared/manifests';
import { validateObjects } from '../../../shared/validation';
import { loose } from './helpers';

const APPS = join(process.cwd(), 'test', 'fixtures', 'apps');

describe('the example apps are valid', () => {
  it.each(['hello-minikube.yaml', 'three-tier-shop.yaml', 'stateful.yaml', 'multi-tenant.yaml'])('%s has no errors', (file) => {
    const { objects, errors } = parseManifests(readFileSync(join(APPS, file), 'utf8'), file);
    expect(errors).toEqual([]);
    const problems = validateObjects(objects.map((o) => o.object));
    expect(problems.filter((p) => p.severity === 'error').map((p) => `${p.kind} ${p.name} ${p.path}: ${p.message}`)).toEqual([]);
  });

  it('breaking the shop the usual ways is caught, each class by its own rule', () => {
    const { objects } = parseManifests(readFileSync(join(APPS, 'three-tier-shop.yaml'), 'utf8'), 'three-tier-shop.yaml');
    const all = objects.map((o) => loose(structuredClone(o.object)));
    const find = (kind: string, name: string) => all.find((o) => o.kind === kind && o.metadata.name === name);
    find('Service', 'frontend').spec.selector = { 'app.kubernetes.io/name': 'front-end' }; // selects nothing
    find('Service', 'db').spec.ports[0].targetPort = 'pg'; // no container port of that name
    find('Deployment', 'api').spec.template.metadata.labels = { app: 'api' }; // selector no longer matches
    find('Deployment', 'db').spec.replicas = 'one'; // schema
    const dropped = new Set(['api-config', 'uploads']);
    const broken = all.filter((o) => !(dropped.has(o.metadata.name) && ['ConfigMap', 'PersistentVolumeClaim'].includes(o.kind)));
    broken.push({ ...structuredClone(find('Secret', 'db-credentials')) }); // duplicate
    broken.push({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'Shop_Settings', namespace: 'shop' }, data: {} }); // not DNS-1123
    broken.push({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'compute', namespace: 'shop' }, spec: { hard: { 'limits.cpu': '8', 'limits.memory': '16Gi' } } });
    broken.push({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'scratch', namespace: 'shop' }, spec: { storageClassName: 'no-such-class', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } });
    const problems = validateObjects(broken);
    const found = new Set(problems.map((p) => `${p.rule} ${p.kind}/${p.name}`));
    for (const expected of [
      'service-selector Service/frontend',
      'service-target-port Service/db',
      'selector-mismatch Deployment/api',
      'schema Deployment/db',
      'pod-config Deployment/api',
      'pod-volume-claim Deployment/api',
      'duplicate Secret/db-credentials',
      'name ConfigMap/Shop_Settings',
      'pvc-binding PersistentVolumeClaim/scratch',
    ])
      expect(found).toContain(expected);
    // Every container of the shop declares its limits, so the new quota asks for nothing more.
    expect([...found].filter((f) => f.startsWith('quota-requires-resources'))).toEqual([]);
    find('Ingress', 'shop').spec.rules[0].http.paths[0].backend.service.name = 'storefront'; // no such Service
    expect(validateObjects(all).filter((p) => p.rule === 'ingress-backend').map((p) => [p.severity, p.path])).toEqual([
      ['error', 'spec.rules[0].http.paths[0].backend.service.name'],
    ]);
  });
});
