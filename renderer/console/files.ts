/** The open design's manifests as `kubeplan export` lays them out (`<namespace>.yaml`, `_cluster.yaml`): what kubectl's `-f` may name in the app. */
import { designObjects, type Design } from '../../shared/design';
import { exportManifestsByNamespace } from '../../shared/manifests';
import { useKubeplanStore } from '../store';

export function designFiles(design: Design = useKubeplanStore.getState().design): Record<string, string> {
  return Object.fromEntries(exportManifestsByNamespace(designObjects(design)));
}
