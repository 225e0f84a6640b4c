/**
 * A pod spec's references to objects in its namespace: PVCs and ConfigMaps/Secrets by volume,
 * ConfigMap/Secret keys by env valueFrom, whole ConfigMaps/Secrets by envFrom, and pull Secrets.
 * `optional: true` means the pod starts without the object, so its absence is no problem.
 */
import type { ConfigMap, PodTemplateSpec, Secret } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../model/object';
import type { ObjectIndex } from '../../kinds/objectIndex';
import { findObject, items, nameOf, rec, reference, sourceNamespace, str, type ProblemSpec } from '../lookup';
import type { Reference, ReferenceRule } from '../types';

type TemplateOf = (o: KubeObject) => PodTemplateSpec | undefined;

/** The two rules every pod-running kind contributes, reading its pod template at `templatePath`. */
export function podSpecRules(kind: string, templatePath: string, templateOf: TemplateOf): ReferenceRule[] {
  const specPath = templatePath ? `${templatePath}.spec` : 'spec';
  return [
    {
      id: 'pod-volume-claim',
      relation: 'mounts',
      from: kind,
      to: ['PersistentVolumeClaim'],
      resolve: (source, index) => resolveClaims(source, index, templateOf(source), specPath),
    },
    {
      id: 'pod-config',
      relation: 'config',
      from: kind,
      to: ['ConfigMap', 'Secret'],
      resolve: (source, index) => resolveConfig(source, index, templateOf(source), specPath),
    },
  ];
}

function resolveClaims(source: KubeObject, index: ObjectIndex, template: PodTemplateSpec | undefined, specPath: string): Reference[] {
  const ns = sourceNamespace(source);
  const out: Reference[] = [];
  items(rec(rec(template)?.spec)?.volumes).forEach((v, i) => {
    const claimName = str(rec(v.persistentVolumeClaim)?.claimName);
    if (claimName === undefined) return;
    const pvc = findObject(index, '', 'PersistentVolumeClaim', ns, claimName);
    out.push(
      reference('pod-volume-claim', 'mounts', index.keyOf(source), `${specPath}.volumes[${i}].persistentVolumeClaim.claimName`,
        `PersistentVolumeClaim "${claimName}"`, pvc ? [index.keyOf(pvc)] : [],
        pvc ? undefined : {
          severity: 'error',
          // The scheduler's words for a pod whose claim is missing.
          message: `${who(source)} volume "${v.name}": persistentvolumeclaim "${claimName}" not found`,
          hint: 'Create the PersistentVolumeClaim in the same namespace, or connect the workload to one.',
        }),
    );
  });
  return out;
}

type ConfigKind = 'ConfigMap' | 'Secret';

function resolveConfig(source: KubeObject, index: ObjectIndex, template: PodTemplateSpec | undefined, specPath: string): Reference[] {
  const spec = rec(rec(template)?.spec);
  if (!spec) return [];
  const ns = sourceNamespace(source);
  const sourceKey = index.keyOf(source);
  const out: Reference[] = [];

  const add = (configKind: ConfigKind, ref: { name?: unknown; optional?: unknown } | undefined, path: string, context: string, rawKey?: unknown) => {
    const name = str(ref?.name);
    const key = rawKey === undefined || rawKey === null ? undefined : String(rawKey);
    if (!ref || !name) return;
    const optional = ref.optional === true || clusterProvided(configKind, name, spec);
    const target = findObject(index, '', configKind, ns, name);
    const label = `${configKind} "${name}"${key !== undefined ? ` key ${key}` : ''}`;
    let problem: ProblemSpec | undefined;
    if (!target) {
      if (!optional) {
        problem = {
          severity: 'error',
          // The kubelet's words (CreateContainerConfigError / MountVolume.SetUp failed).
          message: `${who(source)} ${context}: ${configKind.toLowerCase()} "${name}" not found`,
          hint: `Create the ${configKind} in namespace "${ns}", or mark the reference optional: true.`,
        };
      }
    } else if (key !== undefined && !hasKey(target, configKind, key) && !optional) {
      problem = {
        severity: 'error',
        message: `${who(source)} ${context}: couldn't find key ${key} in ${configKind} ${ns}/${name}`,
        hint: `Add the key ${key} to the ${configKind}, or mark the reference optional: true.`,
      };
    }
    out.push(reference('pod-config', 'config', sourceKey, path, label, target ? [index.keyOf(target)] : [], problem));
  };

  items(spec.volumes).forEach((v, i) => {
    const p = `${specPath}.volumes[${i}]`;
    const context = `MountVolume.SetUp failed for volume "${v.name}"`;
    const secret = rec(v.secret);
    add('ConfigMap', rec(v.configMap), `${p}.configMap.name`, context);
    add('Secret', secret && { name: secret.secretName, optional: secret.optional }, `${p}.secret.secretName`, context);
    items(rec(v.projected)?.sources).forEach((s, k) => {
      const sp = `${p}.projected.sources[${k}]`;
      add('ConfigMap', rec(s.configMap), `${sp}.configMap.name`, context);
      add('Secret', rec(s.secret), `${sp}.secret.name`, context);
    });
  });

  for (const field of ['initContainers', 'containers'] as const) {
    items(spec[field]).forEach((c, ci) => {
      const cp = `${specPath}.${field}[${ci}]`;
      const context = `container "${c.name}"`;
      items(c.env).forEach((e, ei) => {
        const cm = rec(rec(e.valueFrom)?.configMapKeyRef);
        const sec = rec(rec(e.valueFrom)?.secretKeyRef);
        add('ConfigMap', cm, `${cp}.env[${ei}].valueFrom.configMapKeyRef`, `${context} env ${e.name}`, cm?.key);
        add('Secret', sec, `${cp}.env[${ei}].valueFrom.secretKeyRef`, `${context} env ${e.name}`, sec?.key);
      });
      items(c.envFrom).forEach((e, ei) => {
        add('ConfigMap', rec(e.configMapRef), `${cp}.envFrom[${ei}].configMapRef`, `${context} envFrom`);
        add('Secret', rec(e.secretRef), `${cp}.envFrom[${ei}].secretRef`, `${context} envFrom`);
      });
    });
  }

  items(spec.imagePullSecrets).forEach((s, i) => {
    const name = str(s.name);
    if (!name) return;
    const target = findObject(index, '', 'Secret', ns, name);
    // A missing pull Secret only matters for private images: the kubelet pulls without it.
    out.push(reference('pod-config', 'config', sourceKey, `${specPath}.imagePullSecrets[${i}]`, `Secret "${s.name}"`,
      target ? [index.keyOf(target)] : [],
      target ? undefined : {
        severity: 'warning',
        message: `${who(source)} image pull secret: secret "${s.name}" not found`,
        hint: `Create the Secret in namespace "${ns}" if the images are private.`,
      }));
  });
  return out;
}

/** utilrand.String's alphabet (k8s.io/apimachinery/pkg/util/rand): no vowels, no look-alikes. */
const LEGACY_TOKEN_SUFFIX = /^[bcdfghjklmnpqrstvwxz2456789]{5}$/;

/**
 * Objects the cluster makes by itself, which a dump of pods (`kubectl get pods -o yaml`) refers to
 * without holding them, so their absence from a design is no problem:
 * - the ConfigMap `kube-root-ca.crt`, which kube-controller-manager's root-ca-cert-publisher writes
 *   into every namespace and every `kube-api-access-*` projected volume reads (kubernetes.io,
 *   "Managing Service Accounts": "kube-root-ca.crt");
 * - a legacy token Secret `<serviceaccount>-token-<5 letters>` of the pod's own ServiceAccount, which
 *   the token controller created for it before v1.24 (pkg/controller/serviceaccount/tokens_controller.go:
 *   `secret.Strategy.GenerateName(fmt.Sprintf("%s-token-", serviceAccount.Name))`) and the
 *   ServiceAccount admission plugin mounted into the pod.
 */
function clusterProvided(kind: ConfigKind, name: string, spec: { serviceAccountName?: unknown; serviceAccount?: unknown }): boolean {
  if (kind === 'ConfigMap') return name === 'kube-root-ca.crt';
  const account = str(spec.serviceAccountName) || str(spec.serviceAccount) || 'default';
  const prefix = `${account}-token-`;
  return name.startsWith(prefix) && LEGACY_TOKEN_SUFFIX.test(name.slice(prefix.length));
}

function hasKey(o: KubeObject, kind: ConfigKind, key: string): boolean {
  if (kind === 'ConfigMap') {
    const cm = o as unknown as ConfigMap;
    return Object.hasOwn(rec(cm.data) ?? {}, key) || Object.hasOwn(rec(cm.binaryData) ?? {}, key);
  }
  const s = o as unknown as Secret;
  return Object.hasOwn(rec(s.data) ?? {}, key) || Object.hasOwn(rec(s.stringData) ?? {}, key);
}

function who(o: KubeObject): string {
  return `${o.kind} "${nameOf(o)}"`;
}
