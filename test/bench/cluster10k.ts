// The 10,000-pod benchmark cluster the simulation, kubectl and observe benchmarks share: 50
// namespaces × 4 Deployments × 50 replicas (each with a Service) on 500 nodes, and, with
// `policies`, four NetworkPolicies per namespace (default deny, DNS, front → back, front egress).
import type { ClusterSpec } from '../../shared/design/types';
import type { KubeObject } from '../../shared/model/object';

export const NAMESPACES = 50;
export const DEPLOYMENTS = 4;
export const REPLICAS = 50;

export function benchmarkObjects(options: { policies?: boolean } = {}): KubeObject[] {
  const out: KubeObject[] = [];
  for (let n = 0; n < NAMESPACES; n++) {
    const ns = `team-${n}`;
    out.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    for (let d = 0; d < DEPLOYMENTS; d++) {
      const app = `app-${d}`;
      out.push({
        apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: app, namespace: ns },
        spec: {
          replicas: REPLICAS, selector: { matchLabels: { app } },
          template: { metadata: { labels: { app, tier: d === 0 ? 'front' : 'back' } }, spec: { containers: [{ name: app, image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 8080 }], resources: { requests: { cpu: '50m', memory: '64Mi' } } }] } },
        },
      });
      out.push({ apiVersion: 'v1', kind: 'Service', metadata: { name: app, namespace: ns }, spec: { selector: { app }, ports: [{ port: 80, targetPort: 'http' }] } });
    }
    if (!options.policies) continue;
    out.push({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'default-deny', namespace: ns }, spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } });
    out.push({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'allow-dns', namespace: ns }, spec: { podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [{ protocol: 'UDP', port: 53 }] }] } });
    out.push({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'front-to-back', namespace: ns }, spec: { podSelector: { matchLabels: { tier: 'back' } }, ingress: [{ from: [{ podSelector: { matchLabels: { tier: 'front' } } }], ports: [{ port: 'http' }] }] } });
    out.push({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'front-egress', namespace: ns }, spec: { podSelector: { matchLabels: { tier: 'front' } }, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: { matchLabels: { tier: 'back' } } }] }] } });
  }
  return out;
}

export function benchmarkNodes(): ClusterSpec['nodes'] {
  return Array.from({ length: 500 }, (_, i) => ({ name: `node-${i + 1}`, cpu: '8', memory: '32Gi', pods: 110, zone: `zone-${i % 3}` }));
}
