/**
 * `kubectl annotate TYPE NAME KEY=VALUE… KEY-… [--overwrite]` (staging/src/k8s.io/kubectl/pkg/cmd/annotate/annotate.go):
 * the same patch as `kubectl label`, of `metadata.annotations`. Annotating a Deployment with
 * `kubernetes.io/change-cause` names its current revision in `kubectl rollout history` (the
 * Deployment controller copies it to the new ReplicaSet).
 */
import { registerVerb } from '../types';
import { patchMetadataMap } from './label';

registerVerb({
  name: 'annotate',
  summary: 'Update the annotations on a resource',
  mutates: true,
  boolFlags: ['overwrite'],
  run: (ctx) =>
    patchMetadataMap(ctx, {
      field: 'annotations',
      noun: 'annotation',
      done: 'annotated',
      taken: (k, v) => `--overwrite is false but found the following declared annotation(s): '${k}' already has a value (${v})`,
    }),
});
