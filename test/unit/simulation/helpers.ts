// Builders for simulator tests: small, valid objects and a one-call run.
import type { Container } from 'kubernetes-types/core/v1';
import { defaultCluster, type ClusterNode, type ClusterSpec } from '../../../shared/design/types';
import type { KubeObject } from '../../../shared/model/object';
import { simulate } from '../../../shared/simulation';
import type { Scenario, SimulationOptions } from '../../../shared/simulation/types';

export const ns = (name: string, labels?: Record<string, string>): KubeObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, ...(labels ? { labels } : {}) } });

export function container(name: string, resources?: Container['resources'], extra: Partial<Container> = {}): Container {
  return { name, image: 'nginx:1.27', ...(resources ? { resources } : {}), ...extra };
}

export function deployment(name: string, namespace: string, replicas: number, containers: Container[], extra: Record<string, unknown> = {}, podSpec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers, ...podSpec } }, ...extra },
  };
}

export function pod(name: string, namespace: string, containers: Container[], spec: Record<string, unknown> = {}, labels: Record<string, string> = { app: name }): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels }, spec: { containers, ...spec } };
}

export const quota = (name: string, namespace: string, hard: Record<string, string>): KubeObject => ({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name, namespace }, spec: { hard } });

export const limitRange = (name: string, namespace: string, limits: unknown[]): KubeObject => ({ apiVersion: 'v1', kind: 'LimitRange', metadata: { name, namespace }, spec: { limits } });

export function pvc(name: string, namespace: string, storage: string, extra: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage } }, ...extra } };
}

export function pv(name: string, storage: string, extra: Record<string, unknown> = {}, labels?: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name, ...(labels ? { labels } : {}) }, spec: { capacity: { storage }, accessModes: ['ReadWriteOnce'], hostPath: { path: `/data/${name}` }, ...extra } };
}

export function storageClass(name: string, provisioner: string, extra: Record<string, unknown> = {}, isDefault = false): KubeObject {
  return { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name, ...(isDefault ? { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } : {}) }, provisioner, ...extra };
}

export function nodes(n: number, node: Partial<ClusterNode> = {}): ClusterSpec {
  return { nodes: Array.from({ length: n }, (_, i) => ({ name: `node-${i + 1}`, cpu: '4', memory: '8Gi', pods: 110, ...node })) };
}

export function run(objects: KubeObject[], opts: { scenario?: Scenario; seed?: number; cluster?: ClusterSpec; options?: SimulationOptions } = {}) {
  return simulate({ objects, cluster: opts.cluster ?? defaultCluster(), scenario: opts.scenario, seed: opts.seed ?? 1, options: opts.options });
}

export function eventsOf(r: ReturnType<typeof run>, reason: string): string[] {
  return r.events.filter((e) => e.reason === reason).map((e) => e.message);
}
