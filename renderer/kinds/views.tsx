/**
 * The renderer's side of each kind: the card subtitle (what a person most wants to know without
 * opening the object: replicas, Service type and port, storage size…) and the inspector form. The
 * icon (glyph, colour, shape) is the kind module's `display` in shared/kinds. Pod-running kinds
 * get the workload form from their module's pod template path; a kind without a view shows its
 * namespace on the card and a note in the inspector.
 */
import { AutoscalerFields, ConfigMapFields, LimitRangeFields, QuotaFields } from '../panels/inspector/QuotaFields';
import { IngressFields } from '../panels/inspector/IngressFields';
import { PolicyFields } from '../panels/inspector/PolicyFields';
import { BindingFields, RoleFields } from '../panels/inspector/RbacFields';
import { ServiceFields } from '../panels/inspector/ServiceFields';
import { StorageFields } from '../panels/inspector/StorageFields';
import i18next from 'i18next';
import { accessModes, arr, num, replicas, spec, str, tc, type Spec } from './subtitles';

/** `3 keys` / `1 key` in the interface language. */
const plural = (key: string, one: string, n: number): string => tc(key, `{{count}} ${n === 1 ? one : key}`, { count: n });
import type { KindView } from './registry';

export const KIND_VIEWS: readonly KindView[] = [
  { kind: 'Namespace', Form: null },
  { kind: 'Deployment', subtitle: replicas },
  { kind: 'StatefulSet', subtitle: replicas },
  { kind: 'ReplicaSet', subtitle: replicas },
  { kind: 'DaemonSet', subtitle: () => tc('perNode', 'one pod per node') },
  { kind: 'Job', subtitle: (o) => plural('completions', 'completion', num(spec(o).completions) ?? 1) },
  { kind: 'CronJob', subtitle: (o) => str(spec(o).schedule) ?? 'CronJob' },
  { kind: 'Pod', subtitle: (o) => str((arr(spec(o).containers)[0] as Spec | undefined)?.image) ?? 'Pod' },
  { kind: 'HorizontalPodAutoscaler', subtitle: (o) => tc('replicaRange', '{{min}}–{{max}} replicas', { min: num(spec(o).minReplicas) ?? 1, max: num(spec(o).maxReplicas) ?? '?' }), Form: AutoscalerFields },
  {
    kind: 'Service',
    subtitle: (o) => {
      const s = spec(o);
      const ports = arr(s.ports).map((p) => num((p as Spec).port)).filter((p) => p !== undefined);
      return [str(s.type) ?? 'ClusterIP', ports.length ? `:${ports.join(',')}` : ''].filter(Boolean).join(' ');
    },
    Form: ServiceFields,
  },
  {
    kind: 'Ingress',
    subtitle: (o) => {
      const rules = arr(spec(o).rules);
      const host = str((rules[0] as Spec | undefined)?.host);
      return host ?? plural('rules', 'rule', rules.length);
    },
    Form: IngressFields,
  },
  {
    kind: 'PersistentVolumeClaim',
    subtitle: (o) => {
      const s = spec(o);
      const size = str(((s.resources as Spec | undefined)?.requests as Spec | undefined)?.storage);
      return [size, accessModes(s.accessModes)].filter(Boolean).join(' ');
    },
    Form: StorageFields,
  },
  {
    kind: 'PersistentVolume',
    subtitle: (o) => {
      const s = spec(o);
      return [str((s.capacity as Spec | undefined)?.storage), accessModes(s.accessModes)].filter(Boolean).join(' ');
    },
    Form: StorageFields,
  },
  { kind: 'StorageClass', subtitle: (o) => str(o.provisioner) ?? 'StorageClass' },
  { kind: 'ConfigMap', subtitle: (o) => plural('keys', 'key', Object.keys((o.data as Spec | undefined) ?? {}).length), Form: ConfigMapFields },
  { kind: 'Secret', subtitle: (o) => `${str(o.type) ?? 'Opaque'} · ${plural('keys', 'key', Object.keys({ ...((o.data as Spec) ?? {}), ...((o.stringData as Spec) ?? {}) }).length)}`, Form: ConfigMapFields },
  { kind: 'NetworkPolicy', subtitle: (o) => arr(spec(o).policyTypes).join(' + ') || 'Ingress', Form: PolicyFields },
  { kind: 'ResourceQuota', subtitle: (o) => plural('limits', 'limit', Object.keys((spec(o).hard as Spec | undefined) ?? {}).length), Form: QuotaFields },
  { kind: 'LimitRange', subtitle: (o) => plural('items', 'item', arr(spec(o).limits).length), Form: LimitRangeFields },
  // RBAC: a role says how many rules it holds; a binding names its role and the users and groups it
  // grants it to (ServiceAccounts are cards, connected by an edge).
  { kind: 'ServiceAccount', Form: null },
  { kind: 'Role', subtitle: (o) => i18next.t('rbac.rulesCount', { count: arr(o.rules).length }), Form: RoleFields },
  { kind: 'ClusterRole', subtitle: (o) => i18next.t('rbac.rulesCount', { count: arr(o.rules).length }), Form: RoleFields },
  { kind: 'RoleBinding', subtitle: bindingSubtitle, Form: BindingFields },
  { kind: 'ClusterRoleBinding', subtitle: bindingSubtitle, Form: BindingFields },
];

function bindingSubtitle(o: Spec): string {
  const role = str((o.roleRef as Spec | undefined)?.name);
  const people = arr(o.subjects)
    .map((s) => s as Spec)
    .filter((s) => (s.kind === 'User' || s.kind === 'Group') && str(s.name))
    .map((s) => i18next.t(s.kind === 'User' ? 'rbac.user' : 'rbac.group', { name: str(s.name) }));
  return [role ? i18next.t('rbac.grants', { role }) : i18next.t('rbac.noRole'), ...people].join(' · ');
}
