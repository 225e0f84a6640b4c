// Connectivity of a cluster dump (`kubectl get pods -A -o yaml`): pods bound to nodes the design
// does not list, carrying ownerReferences to workloads that are not in the input, some of them on
// the host network. Each rule cites the upstream text it follows.
import { describe, expect, it } from 'vitest';
import { defaultCluster } from '../../../../shared/design/types';
import { parseManifests } from '../../../../shared/manifests';
import type { KubeObject } from '../../../../shared/model/object';
import { formatConnectivityTxt, connectivityLines } from '../../../../shared/simulation/network';
import { steadyNetworkSnapshot, withBoundNodes } from '../../../../shared/simulation/session/network';

const owner = (kind: string, name: string, apiVersion = 'apps/v1') => [{ apiVersion, kind, name, uid: `uid-${name}`, controller: true, blockOwnerDeletion: true }];

/** A bare dump item: what the API returns inside a PodList (no apiVersion, no kind). */
function dumpPod(ns: string, name: string, labels: Record<string, string>, refs: object[] | undefined, node: string, hostIP: string, extra: { hostNetwork?: boolean; phase?: string; podIP?: string } = {}): object {
  return {
    metadata: { name, namespace: ns, labels, ...(refs ? { ownerReferences: refs } : {}) },
    spec: { nodeName: node, ...(extra.hostNetwork ? { hostNetwork: true } : {}), containers: [{ name: 'c', image: 'img' }] },
    status: { phase: extra.phase ?? 'Running', hostIP, podIP: extra.podIP ?? (extra.hostNetwork ? hostIP : '172.30.0.9'), podIPs: [{ ip: extra.podIP ?? hostIP }] },
  };
}

function load(lists: object[]): KubeObject[] {
  const { objects, errors } = parseManifests(lists.map((l) => JSON.stringify(l)).join('\n---\n'), 'dump.yaml');
  expect(errors).toEqual([]);
  return objects.map((o) => o.object);
}

function connectivity(objects: KubeObject[]): string {
  return formatConnectivityTxt(connectivityLines(steadyNetworkSnapshot(objects, defaultCluster())));
}

const namespaces = { apiVersion: 'v1', kind: 'NamespaceList', items: [{ metadata: { name: 'shop' } }, { metadata: { name: 'kube-system' } }] };

describe('a pod dump: owners', () => {
  const pods = {
    apiVersion: 'v1',
    kind: 'PodList',
    items: [
      dumpPod('shop', 'web-5d9c8-aaaaa', { app: 'web' }, owner('ReplicaSet', 'web-5d9c8'), 'worker-a', '10.1.0.1'),
      dumpPod('shop', 'web-5d9c8-bbbbb', { app: 'web' }, owner('ReplicaSet', 'web-5d9c8'), 'worker-b', '10.1.0.2'),
      dumpPod('shop', 'db-0', { app: 'db' }, owner('StatefulSet', 'db'), 'worker-a', '10.1.0.1'),
      dumpPod('kube-system', 'agent-x1', { app: 'agent' }, owner('DaemonSet', 'agent'), 'worker-a', '10.1.0.1'),
      // A completed Job pod in the dump: still reported, as the Job whose pods run.
      dumpPod('shop', 'migrate-q7k', { app: 'migrate' }, owner('Job', 'migrate', 'batch/v1'), 'worker-b', '10.1.0.2', { phase: 'Succeeded' }),
      // A static pod's mirror: the kubelet makes the Node its controller owner. A Node is no workload.
      dumpPod('kube-system', 'etcd-worker-a', { component: 'etcd' }, owner('Node', 'worker-a', 'v1'), 'worker-a', '10.1.0.1', { hostNetwork: true }),
      dumpPod('shop', 'debug', { app: 'debug' }, undefined, 'worker-b', '10.1.0.2'),
    ],
  };

  it('reports each pod as its top owner, whether or not the owner is in the input (ownerReferences, kubernetes.io/docs/concepts/overview/working-with-objects/owners-dependents/)', () => {
    const txt = connectivity(load([namespaces, pods]));
    const workloads = new Set(txt.split('\n').filter(Boolean).map((l) => l.split(' => ')[0]));
    expect([...workloads].filter((w) => !w.includes('[External]')).sort()).toEqual([
      'kube-system/agent[DaemonSet]',
      'kube-system/etcd-worker-a[Pod]',
      'shop/db[StatefulSet]',
      'shop/debug[Pod]',
      'shop/migrate[Job]',
      'shop/web-5d9c8[ReplicaSet]',
    ]);
    // Two pods of one ReplicaSet are one workload: one line per ordered pair.
    expect(txt.split('\n').filter((l) => l.startsWith('shop/debug[Pod] => shop/web-5d9c8[ReplicaSet]'))).toHaveLength(1);
  });

  it('follows the chain through owners that are in the input: a ReplicaSet owned by a Deployment reports the Deployment', () => {
    const rs = {
      apiVersion: 'apps/v1', kind: 'ReplicaSet',
      metadata: { name: 'web-5d9c8', namespace: 'shop', ownerReferences: owner('Deployment', 'web') },
      spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'img' }] } } },
    };
    const txt = connectivity(load([namespaces, rs, { apiVersion: 'v1', kind: 'PodList', items: [pods.items[0], pods.items[6]] }]));
    expect(txt).toContain('shop/debug[Pod] => shop/web[Deployment] : All Connections');
    expect(txt).not.toContain('[ReplicaSet]');
  });
});

describe('a pod dump: nodes and addresses', () => {
  it('assumes the nodes the pods are bound to, with the InternalIP their pods report as hostIP', () => {
    const objects = load([namespaces, { apiVersion: 'v1', kind: 'PodList', items: [dumpPod('shop', 'a', {}, undefined, 'worker-a', '10.1.0.1'), dumpPod('shop', 'b', {}, undefined, 'node-1', '10.9.9.9')] }]);
    const cluster = withBoundNodes(objects, defaultCluster());
    // node-1 is the cluster's own: kept as it is; worker-a is added, sized as the first node.
    expect(cluster.nodes.map((n) => [n.name, n.address, n.cpu])).toEqual([
      ['node-1', undefined, '4'],
      ['node-2', undefined, '4'],
      ['node-3', undefined, '4'],
      ['worker-a', '10.1.0.1', '4'],
    ]);
    const snap = steadyNetworkSnapshot(objects, defaultCluster());
    expect(snap.nodes.find((n) => n.name === 'worker-a')?.ip).toBe('10.1.0.1');
    expect(snap.pods.map((p) => [p.name, p.node])).toEqual([
      ['a', 'worker-a'],
      ['b', 'node-1'],
    ]);
  });

  // kubernetes.io/docs/concepts/services-networking/network-policies/ ("Pod lifecycle" / hostNetwork):
  // "Traffic to/from hostNetwork pods is treated the same as all other traffic to/from the node IP."
  // An ipBlock therefore sees a hostNetwork pod at its node's address; in a dump, the address the
  // node really has (the pods' status.hostIP), so an `except` of the node network excludes it.
  it('a hostNetwork pod of a dump is seen by ipBlocks at its real node address', () => {
    const policy = {
      apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'dns-from-outside', namespace: 'shop' },
      spec: { podSelector: { matchLabels: { app: 'dns' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } }], ports: [{ protocol: 'UDP', port: 53 }] }] },
    };
    const dump = (hostIP: string) => ({
      apiVersion: 'v1', kind: 'PodList',
      items: [dumpPod('shop', 'dns-1', { app: 'dns' }, undefined, 'worker-a', '10.1.0.1'), dumpPod('shop', 'agent-1', { app: 'agent' }, owner('DaemonSet', 'agent'), 'worker-b', hostIP, { hostNetwork: true })],
    });
    const inside = connectivity(load([namespaces, dump('10.1.0.2'), policy]));
    expect(inside).not.toContain('shop/agent[DaemonSet] => shop/dns-1[Pod]');
    const outside = connectivity(load([namespaces, dump('192.0.2.7'), policy]));
    expect(outside).toContain('shop/agent[DaemonSet] => shop/dns-1[Pod] : UDP 53');
  });
});

describe('Jobs in the connectivity list', () => {
  it('lists a Job of a design with the connections its pods have while they run', () => {
    const job = {
      apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'report', namespace: 'shop' },
      spec: { template: { metadata: { labels: { app: 'report' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'img' }] } } },
    };
    const web = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'shop', labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'img' }] } };
    const txt = connectivity([{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } }, job, web] as KubeObject[]);
    expect(txt).toContain('shop/report[Job] => shop/web[Pod] : All Connections');
  });
});
