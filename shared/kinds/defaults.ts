/** Building blocks for the default objects the kind modules create. */
import type { Container, PodSpec, PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';

/** A container a user would be happy to start from: an image, a port, requests, limits and probes. */
export function defaultContainer(name: string, image = 'nginx:1.27', port = 80): Container {
  return {
    name,
    image,
    ports: [{ name: 'http', containerPort: port }],
    resources: {
      requests: { cpu: '100m', memory: '128Mi' },
      limits: { cpu: '500m', memory: '256Mi' },
    },
    readinessProbe: { httpGet: { path: '/', port: 'http' }, initialDelaySeconds: 2, periodSeconds: 5 },
    livenessProbe: { httpGet: { path: '/', port: 'http' }, initialDelaySeconds: 10, periodSeconds: 10 },
  };
}

/** A run-to-completion container (Jobs, CronJobs): no ports or probes, small requests and limits. */
export function batchContainer(name: string): Container {
  return {
    name,
    image: 'busybox:1.36',
    command: ['sh', '-c', 'echo "hello from $HOSTNAME" && sleep 5'],
    resources: {
      requests: { cpu: '50m', memory: '32Mi' },
      limits: { cpu: '200m', memory: '64Mi' },
    },
  };
}

/** metadata with the name, the namespace when given, and optional labels. */
export function objectMeta(name: string, namespace?: string, labels?: Record<string, string>): ObjectMeta & { name: string } {
  return { name, ...(namespace ? { namespace } : {}), ...(labels ? { labels } : {}) };
}

/** The `app: <name>` label that ties a workload, its pods and its Service together. */
export function appLabels(name: string): Record<string, string> {
  return { app: name };
}

/** A pod template labelled `app: <name>` around a pod spec. */
export function podTemplate(name: string, spec: PodSpec): PodTemplateSpec {
  return { metadata: { labels: appLabels(name) }, spec };
}

/**
 * Apply order ranks, one order for export and the simulator: Namespaces, CRDs, cluster RBAC,
 * StorageClasses, PVs, quotas and limits, service accounts and RBAC, config, PVCs, Services, then
 * the workloads in Helm's install order (DaemonSet, Pod, ReplicationController, ReplicaSet,
 * Deployment, StatefulSet, Job, CronJob — helm.sh/helm/v3/pkg/releaseutil/kind_sorter.go), Ingress,
 * NetworkPolicies, HPAs. A Service comes before the workloads behind it, as kubernetes.io's
 * "Configuration Best Practices" advise (concepts/configuration/overview/#services). Kinds Kubeplan
 * does not know apply last (`Unranked`).
 */
export const APPLY_ORDER = {
  Namespace: 0,
  CustomResourceDefinition: 2,
  PriorityClass: 4,
  ClusterRole: 6,
  ClusterRoleBinding: 7,
  StorageClass: 10,
  PersistentVolume: 20,
  Policy: 30, // ResourceQuota, LimitRange
  ServiceAccount: 35,
  Role: 36,
  RoleBinding: 37,
  Config: 40, // ConfigMap, Secret
  PersistentVolumeClaim: 50,
  Service: 55,
  Workload: 60, // each workload kind adds its place in Helm's order: DaemonSet +0 … CronJob +7
  IngressClass: 75,
  Ingress: 80,
  NetworkPolicy: 90,
  PodDisruptionBudget: 95,
  HorizontalPodAutoscaler: 100,
  Unranked: 1000,
} as const;

/** The plain object at a path (`spec`, `template`), or undefined when any step is missing or not an object. */
export function objectAt<T>(root: unknown, ...keys: string[]): T | undefined {
  let v = root;
  for (const k of keys) {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as T) : undefined;
}
