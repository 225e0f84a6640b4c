/** Workloads: replicas, pod labels, and per container the image, ports, requests and limits. */
import type { Container, ContainerPort } from 'kubernetes-types/core/v1';
import { useTranslation } from 'react-i18next';
import type { KubeObject } from '../../../shared/model/object';
import type { ObjectFormProps } from './CommonFields';
import { editObject, getIn, isScalable, mapEntries, podSpecPath, setIn } from './edit';
import { IconButton, KeyValueEditor, Section, TextField } from './fields';
import { integerAtLeast, labelKey, labelValue, optionalQuantity, port, required } from './validators';

function templateLabelsPath(kind: string): string[] | undefined {
  const spec = podSpecPath(kind);
  return spec && kind !== 'Pod' ? [...spec.slice(0, -1), 'metadata', 'labels'] : undefined;
}

/**
 * New pod labels; a selector that matched the old labels exactly follows them, so the workload
 * keeps selecting its own pods (apps/v1 requires selector ⊆ template labels).
 */
function setPodLabels(d: KubeObject, labelsPath: string[], labels: Record<string, string>): void {
  const old = getIn(d, labelsPath);
  const selectorPath = [...labelsPath.slice(0, -3), 'selector', 'matchLabels'];
  if (old !== undefined && JSON.stringify(getIn(d, selectorPath)) === JSON.stringify(old)) setIn(d, selectorPath, labels);
  setIn(d, labelsPath, labels);
}

export function WorkloadFields({ id, object }: ObjectFormProps) {
  const { t } = useTranslation();
  const specPath = podSpecPath(object.kind);
  if (!specPath) return null;
  const containers = (getIn(object, [...specPath, 'containers']) as Container[] | undefined) ?? [];
  const labelsPath = templateLabelsPath(object.kind);
  const set = (path: Array<string | number>, v: unknown) => editObject(id, object, (d) => setIn(d, path, v));
  return (
    <>
      {(isScalable(object.kind) || labelsPath) && (
        <Section title={t('inspector.pods')}>
          {isScalable(object.kind) && (
            <TextField
              label={t('inspector.replicas')}
              value={String((getIn(object, ['spec', 'replicas']) as number | undefined) ?? 1)}
              checks={[integerAtLeast(0)]}
              testId="field-replicas"
              onCommit={(v) => set(['spec', 'replicas'], Number(v))}
            />
          )}
          {labelsPath && (
            <KeyValueEditor label={t('inspector.podLabels')} entries={mapEntries(getIn(object, labelsPath))} keyChecks={[labelKey]} valueChecks={[labelValue]} testId="field-pod-labels" onCommit={(m) => editObject(id, object, (d) => setPodLabels(d, labelsPath, m))} />
          )}
        </Section>
      )}
      {containers.map((c, i) => (
        <ContainerSection key={i} id={id} object={object} base={[...specPath, 'containers', i]} container={c} index={i} />
      ))}
    </>
  );
}

function ContainerSection({ id, object, base, container, index }: { id: string; object: KubeObject; base: Array<string | number>; container: Container; index: number }) {
  const { t } = useTranslation();
  const set = (path: Array<string | number>, v: unknown) => editObject(id, object, (d) => setIn(d, [...base, ...path], v));
  const ports: ContainerPort[] = container.ports ?? [];
  const quantity = (group: 'requests' | 'limits', res: 'cpu' | 'memory', label: string) => (
    <TextField
      label={label}
      value={String(container.resources?.[group]?.[res] ?? '')}
      mono
      checks={[optionalQuantity]}
      testId={`field-c${index}-${group}-${res}`}
      onCommit={(v) => set(['resources', group, res], v.trim() === '' ? undefined : v.trim())}
    />
  );
  return (
    <Section title={<span>{t('inspector.container')} · <span className="as-is">{container.name}</span></span>}>
      <TextField label={t('inspector.image')} value={container.image ?? ''} mono checks={[required]} testId={`field-c${index}-image`} onCommit={(v) => set(['image'], v.trim())} />
      <div className="field">
        <div className="kv-head">
          <span className="field-label">{t('inspector.ports')}</span>
          <IconButton icon="plus" label={t('inspector.addPort')} testId={`field-c${index}-add-port`} onClick={() => set(['ports', ports.length], { containerPort: 8080 })} />
        </div>
        {ports.map((p, j) => (
          <div className="row" key={j}>
            <TextField compact label={t('inspector.portName')} value={p.name ?? ''} mono onCommit={(v) => set(['ports', j, 'name'], v || undefined)} />
            <TextField compact label={t('inspector.containerPort')} value={String(p.containerPort)} checks={[port]} testId={`field-c${index}-port-${j}`} onCommit={(v) => set(['ports', j, 'containerPort'], Number(v))} />
            <IconButton icon="close" label={t('inspector.remove')} onClick={() => set(['ports', j], undefined)} />
          </div>
        ))}
      </div>
      <div className="grid-2">
        <div>
          <span className="field-label">{t('inspector.requests')}</span>
          {quantity('requests', 'cpu', t('inspector.cpu'))}
          {quantity('requests', 'memory', t('inspector.memory'))}
        </div>
        <div>
          <span className="field-label">{t('inspector.limits')}</span>
          {quantity('limits', 'cpu', t('inspector.cpu'))}
          {quantity('limits', 'memory', t('inspector.memory'))}
        </div>
      </div>
    </Section>
  );
}
