/** Name, namespace and labels: the metadata every object has. */
import { useTranslation } from 'react-i18next';
import { isNamespaced } from '../../../shared/kinds/registry';
import { metadataNamespace, type KubeObject } from '../../../shared/model/object';
import { useKubeplanStore } from '../../store';
import { editObject, mapEntries, setIn } from './edit';
import { KeyValueEditor, Section, TextField } from './fields';
import { dns1123Label, labelKey, labelValue, nameCheck, required, type Check } from './validators';

export interface ObjectFormProps {
  id: string;
  object: KubeObject;
}

/** Another object of the same kind with that name in that namespace makes the name taken. */
function useUniqueName(id: string, object: KubeObject): Check {
  const resources = useKubeplanStore((s) => s.design.resources);
  return (name) => {
    const ns = metadataNamespace(object);
    const clash = resources.some((r) => r.id !== id && r.object.kind === object.kind && r.object.metadata.name === name && (!isNamespaced(object.kind) || metadataNamespace(r.object) === ns));
    return clash ? { key: 'errors.duplicateName', params: { kind: object.kind, name, namespace: ns } } : undefined;
  };
}

export function CommonFields({ id, object }: ObjectFormProps) {
  const { t } = useTranslation();
  const unique = useUniqueName(id, object);
  const namespaced = isNamespaced(object.kind, object.apiVersion);
  const namespaces = useKubeplanStore((s) => s.design.layout.frames);
  return (
    <Section title={object.kind}>
      <TextField label={t('inspector.name')} value={object.metadata.name} mono checks={[required, nameCheck(object.kind), unique]} testId="field-name" onCommit={(v) => editObject(id, object, (d) => (d.metadata.name = v))} />
      {namespaced && (
        <TextField
          label={t('inspector.namespace')}
          value={metadataNamespace(object)}
          mono
          checks={[required, dns1123Label]}
          options={Object.keys(namespaces)}
          testId="field-namespace"
          onCommit={(v) => editObject(id, object, (d) => (d.metadata.namespace = v))}
        />
      )}
      <KeyValueEditor
        label={t('inspector.labels')}
        entries={mapEntries(object.metadata.labels)}
        keyChecks={[labelKey]}
        valueChecks={[labelValue]}
        testId="field-labels"
        onCommit={(map) => editObject(id, object, (d) => setIn(d, ['metadata', 'labels'], Object.keys(map).length ? map : undefined))}
      />
    </Section>
  );
}
