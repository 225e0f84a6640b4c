import type { Job } from 'kubernetes-types/batch/v1';
import type { KubeObject } from '../model/object';
import { APPLY_ORDER, appLabels, batchContainer, objectAt, objectMeta, podTemplate } from './defaults';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KindModule } from './types';
import { podSpecReferences } from './references';

type JobObject = Job & KubeObject;

export const jobKind: KindModule<JobObject> = {
  kind: 'Job',
  apiVersion: 'batch/v1',
  resource: 'jobs',
  namespaced: true,
  display: { glyph: 'job', color: '#4a7de8', shape: 'rounded', group: 'Workloads' },
  applyOrder: APPLY_ORDER.Workload + 6,
  watchers: ['controller-manager'],
  layoutColumn: 2,
  podTemplatePath: 'spec.template',
  baseName: 'job',
  create: (name, namespace) => ({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: objectMeta(name, namespace, appLabels(name)),
    spec: {
      completions: 1,
      backoffLimit: 4,
      // Job pods must not restart Always (upstream validation accepts only OnFailure or Never).
      template: podTemplate(name, { restartPolicy: 'Never', containers: [batchContainer(name)] }),
    },
  }),
  podTemplate: template,
  references: [...podSpecReferences('Job')],
};

function template(o: JobObject): PodTemplateSpec | undefined {
  return objectAt(o, 'spec', 'template');
}
