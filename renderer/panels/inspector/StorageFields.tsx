/** PersistentVolumeClaim and PersistentVolume: size, storage class, access modes. */
import { useTranslation } from 'react-i18next';
import type { ObjectFormProps } from './CommonFields';
import { editObject, getIn, setIn } from './edit';
import { CheckGroup, Section, SelectField, TextField } from './fields';
import { quantity } from './validators';

const ACCESS_MODES = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'];

export function StorageFields({ id, object }: ObjectFormProps) {
  const { t } = useTranslation();
  const set = (path: string[], v: unknown) => editObject(id, object, (d) => setIn(d, path, v));
  const isPV = object.kind === 'PersistentVolume';
  const sizePath = isPV ? ['spec', 'capacity', 'storage'] : ['spec', 'resources', 'requests', 'storage'];
  return (
    <Section title={t('inspector.storage')}>
      <TextField label={t('inspector.storageSize')} value={String(getIn(object, sizePath) ?? '')} mono checks={[quantity]} testId="field-storage-size" onCommit={(v) => set(sizePath, v.trim())} />
      <TextField label={t('inspector.storageClass')} value={String(getIn(object, ['spec', 'storageClassName']) ?? '')} mono testId="field-storage-class" onCommit={(v) => set(['spec', 'storageClassName'], v || undefined)} />
      <CheckGroup label={t('inspector.accessModes')} options={ACCESS_MODES} value={(getIn(object, ['spec', 'accessModes']) as string[] | undefined) ?? []} testId="field-access-modes" onCommit={(v) => set(['spec', 'accessModes'], v)} />
      {isPV && (
        <SelectField label={t('inspector.reclaimPolicy')} value={String(getIn(object, ['spec', 'persistentVolumeReclaimPolicy']) ?? 'Retain')} options={['Retain', 'Delete', 'Recycle']} onCommit={(v) => set(['spec', 'persistentVolumeReclaimPolicy'], v)} />
      )}
      {!isPV && <TextField label={t('inspector.volumeName')} value={String(getIn(object, ['spec', 'volumeName']) ?? '')} mono onCommit={(v) => set(['spec', 'volumeName'], v || undefined)} />}
    </Section>
  );
}
