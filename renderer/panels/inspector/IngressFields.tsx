/** Ingress: class, and rules of host → paths → backend Service and port. */
import { metadataNamespace } from '../../../shared/model/object';
import type { HTTPIngressPath, IngressRule } from 'kubernetes-types/networking/v1';
import { useTranslation } from 'react-i18next';
import { useKubeplanStore } from '../../store';
import type { ObjectFormProps } from './CommonFields';
import { editObject, getIn, setIn } from './edit';
import { IconButton, Section, SelectField, TextField } from './fields';
import { dns1035Label, dns1123Subdomain, port, required } from './validators';

const PATH_TYPES = ['Prefix', 'Exact', 'ImplementationSpecific'];

export function IngressFields({ id, object }: ObjectFormProps) {
  const { t } = useTranslation();
  const ns = metadataNamespace(object);
  const services = useKubeplanStore((s) => s.design.resources).filter((r) => r.object.kind === 'Service' && metadataNamespace(r.object) === ns).map((r) => r.object.metadata.name);
  const set = (path: Array<string | number>, v: unknown) => editObject(id, object, (d) => setIn(d, path, v));
  const rules = (getIn(object, ['spec', 'rules']) as IngressRule[] | undefined) ?? [];
  const newPath = (): HTTPIngressPath => ({ path: '/', pathType: 'Prefix', backend: { service: { name: services[0] ?? 'web', port: { number: 80 } } } });
  return (
    <Section
      title={t('inspector.rules')}
      actions={<IconButton icon="plus" label={t('inspector.addRule')} testId="field-ingress-add-rule" onClick={() => set(['spec', 'rules', rules.length], { http: { paths: [newPath()] } })} />}
    >
      <TextField label={t('inspector.ingressClass')} value={(getIn(object, ['spec', 'ingressClassName']) as string | undefined) ?? ''} mono onCommit={(v) => set(['spec', 'ingressClassName'], v || undefined)} />
      {rules.map((rule, i) => (
        <div className="subcard" key={i}>
          <div className="row">
            <TextField label={t('inspector.host')} value={rule.host ?? ''} mono placeholder="*" checks={[(v) => (v === '' || v.startsWith('*.') ? undefined : dns1123Subdomain(v))]} testId={`field-ingress-host-${i}`} onCommit={(v) => set(['spec', 'rules', i, 'host'], v || undefined)} />
            <IconButton icon="trash" label={t('inspector.remove')} onClick={() => set(['spec', 'rules', i], undefined)} />
          </div>
          {(rule.http?.paths ?? []).map((p, j) => {
            const base = ['spec', 'rules', i, 'http', 'paths', j];
            return (
              <div className="ingress-path" key={j}>
                <div className="row">
                  <TextField compact label={t('inspector.path')} value={p.path ?? ''} mono checks={[(v) => (v.startsWith('/') ? undefined : { key: 'errors.required' })]} testId={`field-ingress-path-${i}-${j}`} onCommit={(v) => set([...base, 'path'], v)} />
                  <SelectField compact label={t('inspector.pathType')} value={p.pathType} options={PATH_TYPES} onCommit={(v) => set([...base, 'pathType'], v)} />
                  <IconButton icon="close" label={t('inspector.remove')} onClick={() => set(base, undefined)} />
                </div>
                <div className="row">
                  <span className="arrow">→</span>
                  <TextField compact label={t('inspector.backendService')} value={p.backend.service?.name ?? ''} mono options={services} checks={[required, dns1035Label]} testId={`field-ingress-service-${i}-${j}`} onCommit={(v) => set([...base, 'backend', 'service', 'name'], v)} />
                  <TextField
                    compact
                    label={t('inspector.backendPort')}
                    value={String(p.backend.service?.port?.number ?? p.backend.service?.port?.name ?? '')}
                    checks={[(v) => (/^\d+$/.test(v) ? port(v) : dns1035Label(v))]}
                    testId={`field-ingress-port-${i}-${j}`}
                    onCommit={(v) => set([...base, 'backend', 'service', 'port'], /^\d+$/.test(v) ? { number: Number(v) } : { name: v })}
                  />
                </div>
              </div>
            );
          })}
          <button type="button" className="link-button" onClick={() => set(['spec', 'rules', i, 'http', 'paths', rule.http?.paths.length ?? 0], newPath())}>
            + {t('inspector.addPath')}
          </button>
        </div>
      ))}
    </Section>
  );
}
