/** ResourceQuota hard limits, LimitRange items, ConfigMap data and HPA bounds. */
import { useTranslation } from 'react-i18next';
import type { ObjectFormProps } from './CommonFields';
import { editObject, getIn, mapEntries, setIn } from './edit';
import { IconButton, KeyValueEditor, Section, SelectField, TextField } from './fields';
import { integerAtLeast, quantity, required } from './validators';

/** Resource names a quota can limit (kubernetes.io/docs/concepts/policy/resource-quotas). */
const QUOTA_RESOURCES = ['requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory', 'requests.storage', 'persistentvolumeclaims', 'pods', 'services', 'services.loadbalancers', 'services.nodeports', 'configmaps', 'secrets', 'count/deployments.apps'];
const LIMIT_RESOURCES = ['cpu', 'memory', 'storage', 'ephemeral-storage'];

type LimitItem = { type: string; default?: Record<string, string>; defaultRequest?: Record<string, string>; max?: Record<string, string>; min?: Record<string, string> };

export function QuotaFields({ id, object }: ObjectFormProps) {
  const { t } = useTranslation();
  return (
    <Section title={t('inspector.hard')}>
      <KeyValueEditor
        label={t('inspector.hard')}
        entries={mapEntries(getIn(object, ['spec', 'hard']))}
        keyChecks={[required]}
        valueChecks={[quantity]}
        keyOptions={QUOTA_RESOURCES}
        keyPlaceholder={t('inspector.resource')}
        valuePlaceholder={t('inspector.amount')}
        testId="field-quota-hard"
        onCommit={(m) => editObject(id, object, (d) => setIn(d, ['spec', 'hard'], m))}
      />
    </Section>
  );
}

export function LimitRangeFields({ id, object }: ObjectFormProps) {
  const { t } = useTranslation();
  const items = (getIn(object, ['spec', 'limits']) as LimitItem[] | undefined) ?? [];
  const set = (path: Array<string | number>, v: unknown) => editObject(id, object, (d) => setIn(d, path, v));
  const groups = [['default', t('inspector.default')], ['defaultRequest', t('inspector.defaultRequest')], ['max', t('inspector.max')], ['min', t('inspector.min')]] as const;
  return (
    <Section title={t('inspector.limitItems')} actions={<IconButton icon="plus" label={t('inspector.addItem')} onClick={() => set(['spec', 'limits', items.length], { type: 'Container', default: { cpu: '500m', memory: '256Mi' } })} />}>
      {items.map((item, i) => (
        <div className="subcard" key={i}>
          <div className="row">
            <SelectField label={t('inspector.limitType')} value={item.type} options={['Container', 'Pod', 'PersistentVolumeClaim']} onCommit={(v) => set(['spec', 'limits', i, 'type'], v)} />
            <IconButton icon="trash" label={t('inspector.remove')} onClick={() => set(['spec', 'limits', i], undefined)} />
          </div>
          {groups.map(([key, label]) => (
            <KeyValueEditor
              key={key}
              label={label}
              entries={mapEntries(item[key])}
              keyChecks={[required]}
              valueChecks={[quantity]}
              keyOptions={LIMIT_RESOURCES}
              testId={`field-limits-${i}-${key}`}
              onCommit={(m) => set(['spec', 'limits', i, key], Object.keys(m).length ? m : undefined)}
            />
          ))}
        </div>
      ))}
    </Section>
  );
}

export function ConfigMapFields({ id, object }: ObjectFormProps) {
  const { t } = useTranslation();
  const field = object.kind === 'Secret' && object.stringData ? 'stringData' : 'data';
  return (
    <Section title={t('inspector.data')}>
      <KeyValueEditor label={field} entries={mapEntries(object[field])} keyChecks={[required]} testId="field-data" onCommit={(m) => editObject(id, object, (d) => setIn(d, [field], m))} />
    </Section>
  );
}

export function AutoscalerFields({ id, object }: ObjectFormProps) {
  const { t } = useTranslation();
  const set = (path: string[], v: unknown) => editObject(id, object, (d) => setIn(d, path, v));
  return (
    <Section title="HorizontalPodAutoscaler">
      <TextField label={t('inspector.minReplicas')} value={String(getIn(object, ['spec', 'minReplicas']) ?? 1)} checks={[integerAtLeast(1)]} onCommit={(v) => set(['spec', 'minReplicas'], Number(v))} />
      <TextField label={t('inspector.maxReplicas')} value={String(getIn(object, ['spec', 'maxReplicas']) ?? 1)} checks={[integerAtLeast(1)]} onCommit={(v) => set(['spec', 'maxReplicas'], Number(v))} />
    </Section>
  );
}
