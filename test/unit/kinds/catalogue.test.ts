import { describe, expect, it } from 'vitest';
import { ConfigMap, LimitRange, Namespace, PersistentVolume, PersistentVolumeClaim, Pod, ResourceQuota, Secret, Service } from 'kubernetes-models/v1';
import { DaemonSet, Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import { CronJob, Job } from 'kubernetes-models/batch/v1';
import { Ingress, NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { StorageClass } from 'kubernetes-models/storage.k8s.io/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { ClusterRole, ClusterRoleBinding, Role, RoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1';
import { allKindModules, getKindInfo, getKindModule, isNamespaced } from '../../../shared/kinds/registry';

// The upstream OpenAPI schema of each kind, through kubernetes-models.
const SCHEMAS: Record<string, new (data: never) => { validate(): void }> = {
  Namespace, Deployment, StatefulSet, DaemonSet, Job, CronJob, Pod, Service, Ingress, ConfigMap, Secret,
  PersistentVolume, PersistentVolumeClaim, StorageClass, NetworkPolicy, ResourceQuota, LimitRange, HorizontalPodAutoscaler,
  ServiceAccount, Role, ClusterRole, RoleBinding, ClusterRoleBinding,
};

const EXPECTED: Record<string, { apiVersion: string; resource: string; shortName?: string; namespaced: boolean; group: string }> = {
  Namespace: { apiVersion: 'v1', resource: 'namespaces', shortName: 'ns', namespaced: false, group: 'Cluster' },
  Deployment: { apiVersion: 'apps/v1', resource: 'deployments', shortName: 'deploy', namespaced: true, group: 'Workloads' },
  StatefulSet: { apiVersion: 'apps/v1', resource: 'statefulsets', shortName: 'sts', namespaced: true, group: 'Workloads' },
  DaemonSet: { apiVersion: 'apps/v1', resource: 'daemonsets', shortName: 'ds', namespaced: true, group: 'Workloads' },
  Job: { apiVersion: 'batch/v1', resource: 'jobs', namespaced: true, group: 'Workloads' },
  CronJob: { apiVersion: 'batch/v1', resource: 'cronjobs', shortName: 'cj', namespaced: true, group: 'Workloads' },
  Pod: { apiVersion: 'v1', resource: 'pods', shortName: 'po', namespaced: true, group: 'Workloads' },
  Service: { apiVersion: 'v1', resource: 'services', shortName: 'svc', namespaced: true, group: 'Networking' },
  Ingress: { apiVersion: 'networking.k8s.io/v1', resource: 'ingresses', shortName: 'ing', namespaced: true, group: 'Networking' },
  ConfigMap: { apiVersion: 'v1', resource: 'configmaps', shortName: 'cm', namespaced: true, group: 'Config' },
  Secret: { apiVersion: 'v1', resource: 'secrets', namespaced: true, group: 'Config' },
  PersistentVolume: { apiVersion: 'v1', resource: 'persistentvolumes', shortName: 'pv', namespaced: false, group: 'Storage' },
  PersistentVolumeClaim: { apiVersion: 'v1', resource: 'persistentvolumeclaims', shortName: 'pvc', namespaced: true, group: 'Storage' },
  StorageClass: { apiVersion: 'storage.k8s.io/v1', resource: 'storageclasses', shortName: 'sc', namespaced: false, group: 'Storage' },
  NetworkPolicy: { apiVersion: 'networking.k8s.io/v1', resource: 'networkpolicies', shortName: 'netpol', namespaced: true, group: 'Policy' },
  ResourceQuota: { apiVersion: 'v1', resource: 'resourcequotas', shortName: 'quota', namespaced: true, group: 'Policy' },
  LimitRange: { apiVersion: 'v1', resource: 'limitranges', shortName: 'limits', namespaced: true, group: 'Policy' },
  HorizontalPodAutoscaler: { apiVersion: 'autoscaling/v2', resource: 'horizontalpodautoscalers', shortName: 'hpa', namespaced: true, group: 'Workloads' },
  ServiceAccount: { apiVersion: 'v1', resource: 'serviceaccounts', shortName: 'sa', namespaced: true, group: 'Access' },
  Role: { apiVersion: 'rbac.authorization.k8s.io/v1', resource: 'roles', namespaced: true, group: 'Access' },
  ClusterRole: { apiVersion: 'rbac.authorization.k8s.io/v1', resource: 'clusterroles', namespaced: false, group: 'Access' },
  RoleBinding: { apiVersion: 'rbac.authorization.k8s.io/v1', resource: 'rolebindings', namespaced: true, group: 'Access' },
  ClusterRoleBinding: { apiVersion: 'rbac.authorization.k8s.io/v1', resource: 'clusterrolebindings', namespaced: false, group: 'Access' },
};

const modules = allKindModules();

describe('the kinds catalogue', () => {
  it('holds the twenty-three kinds the palette offers, each once', () => {
    expect(modules.map((m) => m.kind).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('gives every kind a distinct resource name and short name, as kubectl does', () => {
    const resources = modules.map((m) => m.resource);
    const shortNames = modules.flatMap((m) => (m.shortName ? [m.shortName] : []));
    expect(new Set(resources).size).toBe(resources.length);
    expect(new Set(shortNames).size).toBe(shortNames.length);
  });

  it('finds a kind by name and group, and rejects a kind asked for in the wrong group', () => {
    expect(getKindModule('Ingress', 'networking.k8s.io/v1')?.kind).toBe('Ingress');
    expect(getKindModule('Ingress', 'extensions/v1beta1')).toBeUndefined();
    expect(getKindModule('HorizontalPodAutoscaler', 'autoscaling/v2')?.apiVersion).toBe('autoscaling/v2');
    expect(getKindModule('Widget')).toBeUndefined();
  });
});

describe.each(modules.map((m) => [m.kind, m] as const))('%s', (kind, m) => {
  const expected = EXPECTED[kind];

  it(`is served at ${expected.apiVersion} as ${expected.resource}${expected.shortName ? ` (${expected.shortName})` : ''}`, () => {
    expect(m.apiVersion).toBe(expected.apiVersion);
    expect(m.resource).toBe(expected.resource);
    expect(m.shortName).toBe(expected.shortName);
  });

  it(expected.namespaced ? 'lives in a namespace' : 'is cluster-scoped', () => {
    expect(m.namespaced).toBe(expected.namespaced);
    expect(isNamespaced(kind, m.apiVersion)).toBe(expected.namespaced);
  });

  it(`is drawn in the ${expected.group} palette group with a glyph and a hex colour`, () => {
    expect(m.display.group).toBe(expected.group);
    expect(m.display.glyph).toMatch(/^[a-z]+$/);
    expect(m.display.color).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it('creates a new object that the Kubernetes schema accepts', () => {
    const o = m.create('web', 'shop');
    expect(o.apiVersion).toBe(m.apiVersion);
    expect(o.kind).toBe(kind);
    expect(o.metadata.name).toBe('web');
    expect(() => new SCHEMAS[kind](o as never).validate()).not.toThrow();
  });

  if (expected.namespaced) {
    it('puts a new object in the namespace it is dropped into, and leaves it unset otherwise', () => {
      expect(m.create('web', 'shop').metadata.namespace).toBe('shop');
      expect(m.create('web').metadata).not.toHaveProperty('namespace');
    });
  } else {
    it('never writes a namespace into a new object', () => {
      expect(m.create('web', 'shop').metadata).not.toHaveProperty('namespace');
    });
  }

  it('creates independent objects: changing one leaves the next untouched', () => {
    const a = m.create('web');
    (a.metadata as { labels?: Record<string, string> }).labels = { changed: 'yes' };
    expect(m.create('web').metadata.labels?.changed).toBeUndefined();
  });
});

describe('apply order', () => {
  const order = (kind: string) => getKindInfo(kind)!.applyOrder;

  it('applies Namespaces, StorageClasses, PVs, quotas and limits, config, PVCs, Services, workloads (in Helm order), Ingress, NetworkPolicies, HPAs in that order', () => {
    const sequence = [
      ['Namespace'], ['StorageClass'], ['PersistentVolume'], ['ResourceQuota', 'LimitRange'], ['ConfigMap', 'Secret'],
      ['PersistentVolumeClaim'], ['Service'], ['DaemonSet'], ['Pod'], ['ReplicaSet'], ['Deployment'], ['StatefulSet'], ['Job'], ['CronJob'], ['Ingress'],
      ['NetworkPolicy'], ['HorizontalPodAutoscaler'],
    ];
    for (let i = 0; i < sequence.length; i++) {
      const ranks = new Set(sequence[i].map(order));
      expect(ranks.size, `${sequence[i].join(', ')} share one rank`).toBe(1);
      if (i > 0) expect(order(sequence[i][0])).toBeGreaterThan(order(sequence[i - 1][0]));
    }
  });
});
