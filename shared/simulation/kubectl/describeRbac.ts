/**
 * `kubectl describe` of Roles, ClusterRoles and their bindings (k8s.io/kubectl pkg/describe/describe.go
 * RoleDescriber, ClusterRoleDescriber, RoleBindingDescriber, ClusterRoleBindingDescriber).
 *
 * A role's rules are printed as a PolicyRule table: each rule broken down into one rule per API
 * group × resource × resource name (pkg/apis/rbac/v1 helpers `BreakdownRule`, verbs sorted as
 * `PolicyRuleBuilder.Rule` sorts them), the rules of one group, resource and name merged into one
 * (`CompactRules`: verbs appended in order of appearance), then sorted by the rule's Go string
 * (`SortableRuleSlice`: `&PolicyRule{Verbs:[…],APIGroups:[…],…}`, so by verbs first); the resource
 * column joins resource and group as `CombineResourceGroup` does (`deployments.apps/scale`).
 */
import type { KubeObject } from '../../model/object';
import type { PolicyRule } from '../rbac';
import { DescribeWriter } from './tabwriter';

const list = (xs: readonly string[] | undefined) => `[${(xs ?? []).join(' ')}]`;
const sorted = (xs: readonly string[] | undefined) => [...(xs ?? [])].sort();

function breakdown(rule: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = [];
  const verbs = sorted(rule.verbs);
  for (const group of rule.apiGroups ?? []) {
    for (const resource of rule.resources ?? []) {
      if (rule.resourceNames?.length) for (const name of rule.resourceNames) out.push({ verbs, apiGroups: [group], resources: [resource], resourceNames: [name] });
      else out.push({ verbs, apiGroups: [group], resources: [resource] });
    }
  }
  for (const url of rule.nonResourceURLs ?? []) out.push({ verbs, nonResourceURLs: [url] });
  return out;
}

function compact(rules: PolicyRule[]): PolicyRule[] {
  const out: PolicyRule[] = [];
  const simple = new Map<string, PolicyRule>();
  for (const r of rules) {
    const isSimple = r.apiGroups?.length === 1 && r.resources?.length === 1 && (r.resourceNames?.length ?? 0) <= 1 && !r.nonResourceURLs?.length;
    if (!isSimple) {
      out.push(r);
      continue;
    }
    const key = JSON.stringify([r.apiGroups?.[0], r.resources?.[0], r.resourceNames?.[0] ?? null]);
    const seen = simple.get(key);
    if (seen) {
      for (const v of r.verbs) if (!seen.verbs.includes(v)) seen.verbs.push(v);
    } else simple.set(key, { ...r, verbs: [...r.verbs] });
  }
  return [...out, ...simple.values()];
}

/** The Go string of a PolicyRule (generated.pb.go `String()`), the sort key of SortableRuleSlice. */
function goString(r: PolicyRule): string {
  return `&PolicyRule{Verbs:${list(r.verbs)},APIGroups:${list(r.apiGroups)},Resources:${list(r.resources)},ResourceNames:${list(r.resourceNames)},NonResourceURLs:${list(r.nonResourceURLs)},}`;
}

/** describe.go CombineResourceGroup: `pods`, `deployments.apps`, `deployments.apps/scale`. */
function combineResourceGroup(resources: readonly string[] | undefined, groups: readonly string[] | undefined): string {
  if (!resources?.length) return '';
  const [resource, sub] = resources[0].split(/\/(.*)/s);
  let out = resource;
  if (groups?.length && groups[0] !== '') out += `.${groups[0]}`;
  if (sub !== undefined) out += `/${sub}`;
  return out;
}

/** The PolicyRule table of a role's rules. */
export function policyRuleLines(w: DescribeWriter, rules: readonly PolicyRule[]): void {
  const compacted = compact(rules.flatMap(breakdown));
  const keyed = compacted.map((r) => ({ r, key: goString(r) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  w.line(0, 'PolicyRule:');
  w.line(1, 'Resources', 'Non-Resource URLs', 'Resource Names', 'Verbs');
  w.line(1, '---------', '-----------------', '--------------', '-----');
  for (const { r } of keyed) w.line(1, combineResourceGroup(r.resources, r.apiGroups), list(r.nonResourceURLs), list(r.resourceNames), list(r.verbs));
}

function header(w: DescribeWriter, o: KubeObject, mapLines: MapLines): void {
  w.line(0, 'Name:', o.metadata.name);
  mapLines(w, 'Labels', o.metadata.labels);
  mapLines(w, 'Annotations', o.metadata.annotations, ': ');
}

type MapLines = (w: DescribeWriter, title: string, m: Record<string, string> | undefined, sep?: string) => void;

/** Role and ClusterRole: name, labels, annotations, the PolicyRule table. */
export function describeRole(o: KubeObject, mapLines: MapLines): string {
  const w = new DescribeWriter();
  header(w, o, mapLines);
  const rules = (o as { rules?: unknown }).rules;
  policyRuleLines(w, Array.isArray(rules) ? (rules.filter((r) => r && typeof r === 'object') as PolicyRule[]) : []);
  return w.toString();
}

/** RoleBinding and ClusterRoleBinding: the role it refers to and the subjects. */
export function describeBinding(o: KubeObject, mapLines: MapLines): string {
  const w = new DescribeWriter();
  header(w, o, mapLines);
  const b = o as { roleRef?: { kind?: string; name?: string }; subjects?: { kind?: string; name?: string; namespace?: string }[] };
  w.line(0, 'Role:');
  w.line(1, 'Kind:', b.roleRef?.kind ?? '');
  w.line(1, 'Name:', b.roleRef?.name ?? '');
  w.line(0, 'Subjects:');
  w.line(1, 'Kind', 'Name', 'Namespace');
  w.line(1, '----', '----', '---------');
  for (const s of b.subjects ?? []) w.line(1, s.kind ?? '', s.name ?? '', s.namespace ?? '');
  return w.toString();
}
