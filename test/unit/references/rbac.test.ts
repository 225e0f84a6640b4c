// RBAC bindings → role (roleRef) and → ServiceAccount (subjects), as references and by connecting
// (kubernetes.io/docs/reference/access-authn-authz/rbac/).
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../shared/model/object';
import { ObjectIndex } from '../../../shared/kinds/objectIndex';
import { canConnect, connect } from '../../../shared/references/connect';
import { validateObjects } from '../../../shared/validation/validate';
import { keyOf, make, refs } from './helpers';

const role = make('Role', 'developer', 'team');
const clusterRole = make('ClusterRole', 'view');
const sa = make('ServiceAccount', 'ci', 'team');
const binding = (patch: Record<string, unknown> = {}) => make('RoleBinding', 'dev', 'team', patch);
const rbRef = (name: string, kind = 'Role') => ({ roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind, name } });

describe('binding → role (roleRef)', () => {
  it.each([
    { rule: 'a RoleBinding reaches the Role of its namespace', objects: [role, binding(rbRef('developer'))], targets: [keyOf(role)], problem: undefined },
    { rule: 'a RoleBinding may grant a ClusterRole (kubernetes.io RBAC: "a RoleBinding may reference any Role in the same namespace … or a ClusterRole")', objects: [clusterRole, binding(rbRef('view', 'ClusterRole'))], targets: [keyOf(clusterRole)], problem: undefined },
    { rule: 'a Role of another namespace is not the one named', objects: [make('Role', 'developer', 'other'), binding(rbRef('developer'))], targets: [], problem: 'RoleBinding "dev" grants nothing: roles.rbac.authorization.k8s.io "developer" not found' },
    { rule: 'a missing ClusterRole', objects: [binding(rbRef('edit', 'ClusterRole'))], targets: [], problem: 'RoleBinding "dev" grants nothing: clusterroles.rbac.authorization.k8s.io "edit" not found' },
  ])('$rule', ({ objects, targets, problem }) => {
    const [r] = refs('rbac-role-ref', objects as KubeObject[]);
    expect(r.relation).toBe('role-ref');
    expect(r.targets).toEqual(targets);
    expect(r.problem?.message).toBe(problem);
    if (problem) expect(r.problem?.severity).toBe('error');
  });

  it('a ClusterRoleBinding to a Role is the API server\'s NotSupported error (ValidateClusterRoleBinding)', () => {
    const crb = make('ClusterRoleBinding', 'all', undefined, rbRef('developer'));
    expect(refs('rbac-role-ref', [crb])[0].problem?.message).toBe('roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"');
  });

  it('a new binding names no role: no edge, and validate asks for roleRef.name (ValidateRoleBinding field.Required)', () => {
    expect(refs('rbac-role-ref', [binding()])).toEqual([]);
    const problems = validateObjects([binding()]).filter((p) => p.rule === 'unconnected');
    expect(problems.map((p) => `${p.path}: ${p.message}`)).toEqual(['roleRef.name: Required value']);
  });
});

describe('binding → ServiceAccount (subjects)', () => {
  it('reaches the ServiceAccount, a missing one is a warning, users and groups draw nothing', () => {
    const b = binding({ subjects: [
      { kind: 'ServiceAccount', name: 'ci', namespace: 'team' },
      { kind: 'ServiceAccount', name: 'deployer' },
      { kind: 'ServiceAccount', name: 'default', namespace: 'team' },
      { apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'dev' },
      { apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'developers' },
    ] });
    const r = refs('rbac-subject', [sa, b]);
    expect(r.map((x) => [x.path, x.targets, x.problem?.severity])).toEqual([
      ['subjects[0]', [keyOf(sa)], undefined],
      // The authorizer reads an empty subject namespace as the binding's (rule.go appliesToUser).
      ['subjects[1]', [], 'warning'],
      // The ServiceAccount controller makes "default" in every namespace.
      ['subjects[2]', [], undefined],
    ]);
    expect(r[1].problem?.message).toContain('ServiceAccount "team/deployer" does not exist');
  });
});

describe('connecting a binding writes roleRef and subjects', () => {
  it('RoleBinding → Role writes the roleRef; the reverse drag means the same', () => {
    for (const [s, t] of [[binding(), role], [role, binding()]] as const) {
      const r = connect(s, t, new ObjectIndex([s, t]));
      if (!r.ok) throw new Error(r.message);
      expect(r.changed).toHaveLength(1);
      expect((r.changed[0] as { roleRef?: unknown }).roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'developer' });
    }
  });

  it('RoleBinding → ClusterRole and ClusterRoleBinding → ClusterRole write kind ClusterRole; ClusterRoleBinding → Role cannot be drawn', () => {
    const r = connect(binding(), clusterRole, new ObjectIndex([binding(), clusterRole]));
    expect(r.ok && (r.changed[0] as { roleRef?: { kind: string } }).roleRef?.kind).toBe('ClusterRole');
    expect(canConnect('ClusterRoleBinding', 'ClusterRole')).toBe(true);
    expect(canConnect('ClusterRoleBinding', 'Role')).toBe(false);
  });

  it('a Role of another namespace is refused with the reason', () => {
    const other = make('Role', 'developer', 'other');
    const r = connect(binding(), other, new ObjectIndex([binding(), other]));
    expect(r).toEqual({ ok: false, message: 'A RoleBinding grants a Role of its own namespace only: RoleBinding "dev" is in namespace "team", Role "developer" in "other".' });
  });

  it('→ ServiceAccount adds one subject, once', () => {
    const r = connect(binding(), sa, new ObjectIndex([binding(), sa]));
    if (!r.ok) throw new Error(r.message);
    const changed = r.changed[0];
    expect((changed as { subjects?: unknown }).subjects).toEqual([{ kind: 'ServiceAccount', name: 'ci', namespace: 'team' }]);
    expect(connect(changed, sa, new ObjectIndex([changed, sa]))).toEqual({ ok: true, changed: [] });
  });

  it('new objects from the palette pass the Kubernetes schema', () => {
    const fresh = [role, clusterRole, sa, binding(), make('ClusterRoleBinding', 'all')];
    expect(validateObjects(fresh).filter((p) => p.rule === 'schema')).toEqual([]);
  });
});

describe('role rules the API server refuses (rbac/validation ValidatePolicyRule)', () => {
  it.each([
    { rule: '`field.Required(fldPath.Child("verbs"), "verbs must contain at least one value")`', rules: [{ apiGroups: [''], resources: ['pods'], verbs: [] }], lines: ['rules[0].verbs: Required value: verbs must contain at least one value'] },
    { rule: '"resource rules must supply at least one api group" / "… resource"', rules: [{ verbs: ['get'] }], lines: ['rules[0].apiGroups: Required value: resource rules must supply at least one api group', 'rules[0].resources: Required value: resource rules must supply at least one resource'] },
    { rule: '"namespaced rules cannot apply to non-resource URLs"', rules: [{ nonResourceURLs: ['/healthz'], verbs: ['get'] }], lines: ['rules[0].nonResourceURLs: Invalid value: []string{"/healthz"}: namespaced rules cannot apply to non-resource URLs'] },
    { rule: 'a complete rule passes', rules: [{ apiGroups: ['apps'], resources: ['deployments'], verbs: ['get'] }], lines: [] },
  ])('$rule', ({ rules, lines }) => {
    const r = make('Role', 'developer', 'team', { rules });
    expect(validateObjects([r]).filter((p) => p.rule === 'field').map((p) => `${p.path}: ${p.message}`)).toEqual(lines);
  });

  it('a ClusterRole may name non-resource URLs', () => {
    const cr = make('ClusterRole', 'health', undefined, { rules: [{ nonResourceURLs: ['/healthz'], verbs: ['get'] }] });
    expect(validateObjects([cr]).filter((p) => p.rule === 'field')).toEqual([]);
  });
});
