/** API defaulting done on create (before admission): namespace label, Service IPs and ports. */
import { targetPortDefaulted } from '../model/service';
import type { Service } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../model/object';
import type { ApiServer } from './apiserver';

export function defaultObject(o: KubeObject, api: ApiServer): void {
  if (o.kind === 'Namespace') {
    // Every namespace carries kubernetes.io/metadata.name=<name> (NamespaceDefaultLabelName).
    o.metadata.labels = { ...(o.metadata.labels ?? {}), 'kubernetes.io/metadata.name': o.metadata.name };
  }
  if (o.kind === 'Service') {
    const svc = o as Service & KubeObject;
    const spec = (svc.spec ??= {});
    const type = spec.type ?? 'ClusterIP';
    if (type !== 'ExternalName' && !spec.clusterIP) spec.clusterIP = api.allocateClusterIp();
    for (const p of spec.ports ?? []) {
      p.protocol ??= 'TCP';
      // Unset, 0 and "" all default to port (SetDefaults_Service).
      if (targetPortDefaulted(p)) p.targetPort = p.port;
      if ((type === 'NodePort' || type === 'LoadBalancer') && !p.nodePort) p.nodePort = api.allocateNodePort();
    }
  }
}
