/**
 * RBAC forms (kubernetes.io/docs/reference/access-authn-authz/rbac/): a Role's or ClusterRole's
 * rules (apiGroups, resources, verbs, resourceNames), and a binding's role and subjects. A binding's
 * roleRef and ServiceAccount subjects are written by connecting cards; users and groups, which have
 * no object in the cluster, are typed here.
 */
import { useTranslation } from 'react-i18next';
import type { PolicyRule, RoleRef, Subject } from 'kubernetes-types/rbac/v1';
import type { ObjectFormProps } from './CommonFields';
import { editObject } from './edit';
import { CheckGroup, IconButton, Section, SelectField, TextField } from './fields';
import { required } from './validators';

/** The verbs kubectl and the API server authorise (kubernetes.io, "Request verbs"), and `*`. */
const VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', '*'];
const RESOURCES = ['pods', 'pods/log', 'pods/exec', 'deployments', 'replicasets', 'statefulsets', 'daemonsets', 'jobs', 'cronjobs', 'services', 'endpoints', 'ingresses', 'configmaps', 'secrets', 'persistentvolumeclaims', 'networkpolicies', 'horizontalpodautoscalers', 'events', 'namespaces', 'nodes', '*'];
const API_GROUPS = ['""', 'apps', 'batch', 'networking.k8s.io', 'autoscaling', 'rbac.authorization.k8s.io', '*'];

/** `"", apps` ⇄ ['', 'apps']: the core group is the empty string, written `""`. */
export function formatList(list: readonly string[] | undefined): string {
  return (list ?? []).map((x) => (x === '' ? '""' : x)).join(', ');
}

export function parseList(text: string): string[] {
  return text.split(',').map((x) => x.trim()).filter((x) => x !== '').map((x) => (x === '""' || x === "''" ? '' : x));
}

export function RoleFields({ id, object }: ObjectFormProps) {
  const { t } = useTranslation();
  const rules = (Array.isArray(object.rules) ? object.rules : []) as PolicyRule[];
  const write = (next: PolicyRule[]) => editObject(id, object, (d) => {
    (d as { rules?: PolicyRule[] }).rules = next;
  });
  const setRule = (i: number, patch: Partial<PolicyRule>) => {
    const next = rules.map((r, k) => (k === i ? { ...r, ...patch } : r));
    // An empty resourceNames means every name: leave the field out rather than write [].
    for (const r of next) if (r.resourceNames && r.resourceNames.length === 0) delete r.resourceNames;
    write(next);
  };
  return (
    <Section
      title={t('rbac.rules')}
      actions={<IconButton icon="plus" label={t('rbac.addRule')} testId="rbac-add-rule" onClick={() => write([...rules, { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list', 'watch'] }])} />}
    >
      {rules.map((rule, i) => (
        <div className="subcard" key={i} data-testid={`rbac-rule-${i}`}>
          <div className="row">
            <strong>{t('rbac.rule', { n: i + 1 })}</strong>
            <IconButton icon="trash" label={t('rbac.removeRule')} testId={`rbac-rule-${i}-remove`} onClick={() => write(rules.filter((_, k) => k !== i))} />
          </div>
          <TextField label={t('rbac.apiGroups')} value={formatList(rule.apiGroups)} options={API_GROUPS} mono placeholder={t('rbac.listHint')} testId={`rbac-rule-${i}-apiGroups`} onCommit={(v) => setRule(i, { apiGroups: parseList(v) })} />
          <TextField label={t('rbac.resources')} value={formatList(rule.resources)} options={RESOURCES} mono checks={[required]} testId={`rbac-rule-${i}-resources`} onCommit={(v) => setRule(i, { resources: parseList(v) })} />
          <CheckGroup label={t('rbac.verbs')} options={VERBS} value={rule.verbs ?? []} testId={`rbac-rule-${i}-verbs`} onCommit={(v) => setRule(i, { verbs: VERBS.filter((x) => v.includes(x)) })} />
          <TextField label={t('rbac.resourceNames')} value={formatList(rule.resourceNames)} mono testId={`rbac-rule-${i}-resourceNames`} onCommit={(v) => setRule(i, { resourceNames: parseList(v) })} />
        </div>
      ))}
    </Section>
  );
}

export function BindingFields({ id, object }: ObjectFormProps) {
  const { t } = useTranslation();
  const roleRef = object.roleRef as RoleRef | undefined;
  const subjects = (Array.isArray(object.subjects) ? object.subjects : []) as Subject[];
  const write = (next: Subject[]) => editObject(id, object, (d) => {
    (d as { subjects?: Subject[] }).subjects = next;
  });
  const add = (kind: 'User' | 'Group') => write([...subjects, { apiGroup: 'rbac.authorization.k8s.io', kind, name: kind === 'User' ? 'dev' : 'developers' }]);
  return (
    <>
      <Section title={t('rbac.role')}>
        <div className="field" data-testid="rbac-role-ref">
          {roleRef?.name ? <span className="mono">{`${roleRef.kind}/${roleRef.name}`}</span> : <span className="muted">{t('rbac.roleNone')}</span>}
        </div>
      </Section>
      <Section
        title={t('rbac.subjects')}
        actions={
          <>
            <TextButton label={t('rbac.addUser')} testId="rbac-add-user" onClick={() => add('User')} />
            <TextButton label={t('rbac.addGroup')} testId="rbac-add-group" onClick={() => add('Group')} />
          </>
        }
      >
        {subjects.map((s, i) => (
          <div className="row" key={i} data-testid={`rbac-subject-${i}`}>
            {s.kind === 'ServiceAccount' ? (
              <span className="mono">{`ServiceAccount ${s.namespace ? `${s.namespace}/` : ''}${s.name}`}</span>
            ) : (
              <>
                <SelectField label={t('rbac.subjectKind')} compact value={s.kind} options={['User', 'Group']} testId={`rbac-subject-${i}-kind`} onCommit={(v) => write(subjects.map((x, k) => (k === i ? { ...x, kind: v } : x)))} />
                <TextField label={t('rbac.subjectName')} compact value={s.name} checks={[required]} testId={`rbac-subject-${i}-name`} onCommit={(v) => write(subjects.map((x, k) => (k === i ? { ...x, name: v } : x)))} />
              </>
            )}
            <IconButton icon="trash" label={t('rbac.removeSubject')} testId={`rbac-subject-${i}-remove`} onClick={() => write(subjects.filter((_, k) => k !== i))} />
          </div>
        ))}
        <div className="field muted">{t('rbac.accountsHint')}</div>
      </Section>
    </>
  );
}

/** A header action with its words showing: two "+" icons side by side would not say which adds what. */
function TextButton({ label, onClick, testId }: { label: string; onClick: () => void; testId: string }) {
  return (
    <button type="button" className="icon-button" style={{ width: 'auto', padding: '0 6px', fontSize: 12 }} data-testid={testId} onClick={onClick}>
      {`+ ${label}`}
    </button>
  );
}
