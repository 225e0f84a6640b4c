/** Service: type, ports and the selector that picks its pods. */
import type { ServicePort } from 'kubernetes-types/core/v1';
import { useTranslation } from 'react-i18next';
import type { ObjectFormProps } from './CommonFields';
import { editObject, getIn, mapEntries, setIn } from './edit';
import { IconButton, KeyValueEditor, Section, SelectField, TextField } from './fields';
import { labelKey, labelValue, port, portOrName } from './validators';

const TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];

export function ServiceFields({ id, object }: ObjectFormProps) {
  const { t } = useTranslation();
  const set = (path: Array<string | number>, v: unknown) => editObject(id, object, (d) => setIn(d, path, v));
  const type = (getIn(object, ['spec', 'type']) as string | undefined) ?? 'ClusterIP';
  const ports = (getIn(object, ['spec', 'ports']) as ServicePort[] | undefined) ?? [];
  const exposesNodePort = type === 'NodePort' || type === 'LoadBalancer';
  return (
    <Section title="Service">
      <SelectField label={t('inspector.serviceType')} value={type} options={TYPES} testId="field-service-type" onCommit={(v) => set(['spec', 'type'], v)} />
      <div className="field">
        <div className="kv-head">
          <span className="field-label">{t('inspector.ports')}</span>
          <IconButton icon="plus" label={t('inspector.addPort')} testId="field-service-add-port" onClick={() => set(['spec', 'ports', ports.length], { name: `port-${ports.length + 1}`, port: 80, targetPort: 80 })} />
        </div>
        {ports.length > 0 && (
          <div className={`row-head ${exposesNodePort ? 'cols-4' : 'cols-3'}`}>
            <span>{t('inspector.portName')}</span>
            <span>{t('inspector.port')}</span>
            <span>{t('inspector.targetPort')}</span>
            {exposesNodePort && <span>{t('inspector.nodePort')}</span>}
          </div>
        )}
        {ports.map((p, j) => (
          <div className="row" key={j}>
            <TextField compact label={t('inspector.portName')} value={p.name ?? ''} mono onCommit={(v) => set(['spec', 'ports', j, 'name'], v || undefined)} />
            <TextField compact label={t('inspector.port')} value={String(p.port)} checks={[port]} testId={`field-service-port-${j}`} onCommit={(v) => set(['spec', 'ports', j, 'port'], Number(v))} />
            <TextField
              compact
              label={t('inspector.targetPort')}
              value={p.targetPort === undefined ? '' : String(p.targetPort)}
              checks={[portOrName]}
              testId={`field-service-target-${j}`}
              onCommit={(v) => set(['spec', 'ports', j, 'targetPort'], v === '' ? undefined : /^\d+$/.test(v) ? Number(v) : v)}
            />
            {exposesNodePort && (
              <TextField compact label={t('inspector.nodePort')} placeholder={t('labels.auto')} value={p.nodePort === undefined ? '' : String(p.nodePort)} checks={[(v) => (v === '' ? undefined : port(v))]} onCommit={(v) => set(['spec', 'ports', j, 'nodePort'], v === '' ? undefined : Number(v))} />
            )}
            <IconButton icon="close" label={t('inspector.remove')} onClick={() => set(['spec', 'ports', j], undefined)} />
          </div>
        ))}
      </div>
      <KeyValueEditor label={t('inspector.selector')} entries={mapEntries(getIn(object, ['spec', 'selector']))} keyChecks={[labelKey]} valueChecks={[labelValue]} testId="field-service-selector" onCommit={(m) => set(['spec', 'selector'], m)} />
    </Section>
  );
}
