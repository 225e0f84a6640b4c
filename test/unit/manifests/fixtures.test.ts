import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportManifests, parseManifests, sortForApply } from '../../../shared/manifests';
import type { KubeObject } from '../../../shared/model/object';

// Fixture objects are read loosely: their spec is whatever the YAML holds.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = KubeObject & { spec: any };

const APPS = join(__dirname, '..', '..', 'fixtures', 'apps');
const FIXTURES = ['hello-minikube.yaml', 'three-tier-shop.yaml', 'stateful.yaml', 'multi-tenant.yaml'];

function load(name: string): KubeObject[] {
  const { objects, errors } = parseManifests(readFileSync(join(APPS, name), 'utf8'), name);
  expect(errors).toEqual([]);
  return objects.map((o) => o.object);
}

/** The kubernetes-models class for a built-in kind (its OpenAPI schema), or undefined for custom resources. */
async function modelFor(o: KubeObject): Promise<(new (data: unknown) => { validate(): void }) | undefined> {
  const [group, version] = o.apiVersion.includes('/') ? o.apiVersion.split('/') : ['', o.apiVersion];
  const path = `kubernetes-models/${group ? `${group}/` : ''}${version}/${o.kind}`;
  try {
    const mod = (await import(/* @vite-ignore */ path)) as Record<string, new (data: unknown) => { validate(): void }>;
    return mod[o.kind];
  } catch {
    return undefined;
  }
}

describe('fixtures are realistic, valid manifests', () => {
  it.each(FIXTURES)('%s parses without errors and every built-in object passes its OpenAPI schema', async (name) => {
    const objects = load(name);
    expect(objects.length).toBeGreaterThan(1);
    for (const o of objects) {
      const Model = await modelFor(o);
      if (!Model) {
        expect(o.apiVersion).toMatch(/^cert-manager\.io\//); // the only custom resource, on purpose
        continue;
      }
      expect(() => new Model(o).validate(), `${o.kind}/${o.metadata.name}`).not.toThrow();
    }
  });

  it('hello-minikube is the tutorial app', () => {
    const [deploy, svc] = load('hello-minikube.yaml') as [Loose, Loose];
    expect(deploy.metadata.name).toBe('hello-node');
    expect(deploy.spec.template.spec.containers[0]).toMatchObject({ image: 'registry.k8s.io/e2e-test-images/agnhost:2.53', args: ['netexec', '--http-port=8080'] });
    expect(svc.spec).toMatchObject({ type: 'LoadBalancer', ports: [{ port: 8080 }] });
  });

  it('three-tier-shop covers namespace, storage class, config, secret, claims, three tiers, ingress paths and a custom resource', () => {
    const kinds = load('three-tier-shop.yaml').map((o) => o.kind);
    for (const k of ['Namespace', 'StorageClass', 'ConfigMap', 'Secret', 'PersistentVolumeClaim', 'Deployment', 'Service', 'Ingress', 'HorizontalPodAutoscaler', 'Certificate']) expect(kinds).toContain(k);
  });

  it('stateful has a StatefulSet with volumeClaimTemplates and its headless Service', () => {
    const objects = load('stateful.yaml') as Loose[];
    const sts = objects.find((o) => o.kind === 'StatefulSet')!;
    expect(sts.spec.volumeClaimTemplates).toHaveLength(1);
    const headless = objects.find((o) => o.kind === 'Service' && o.metadata.name === sts.spec.serviceName)!;
    expect(headless.spec.clusterIP).toBe('None');
  });

  it('multi-tenant has, per team, a quota, a limit range and a default-deny policy', () => {
    const objects = load('multi-tenant.yaml') as Loose[];
    for (const ns of ['team-a', 'team-b']) {
      const inNs = objects.filter((o) => o.metadata.namespace === ns);
      expect(inNs.some((o) => o.kind === 'ResourceQuota')).toBe(true);
      expect(inNs.some((o) => o.kind === 'LimitRange')).toBe(true);
      expect(inNs.some((o) => o.kind === 'NetworkPolicy' && JSON.stringify(o.spec.podSelector) === '{}' && !o.spec.ingress && !o.spec.egress)).toBe(true);
    }
  });

  it.each(FIXTURES)('%s round-trips through export with every object and field kept', (name) => {
    const objects = load(name);
    const again = parseManifests(exportManifests(objects), name).objects.map((o) => o.object);
    expect(again).toEqual(sortForApply(objects));
    again.forEach((o, i) => expect(JSON.stringify(o)).toBe(JSON.stringify(sortForApply(objects)[i]))); // key order too
  });
});
