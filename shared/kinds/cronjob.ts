import type { CronJob } from 'kubernetes-types/batch/v1';
import type { KubeObject } from '../model/object';
import { APPLY_ORDER, appLabels, batchContainer, objectAt, objectMeta, podTemplate } from './defaults';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KindModule } from './types';
import { podSpecReferences } from './references';

type CronJobObject = CronJob & KubeObject;

export const cronJobKind: KindModule<CronJobObject> = {
  kind: 'CronJob',
  apiVersion: 'batch/v1',
  resource: 'cronjobs',
  shortName: 'cj',
  namespaced: true,
  display: { glyph: 'cronjob', color: '#6a93ec', shape: 'rounded', group: 'Workloads' },
  applyOrder: APPLY_ORDER.Workload + 7,
  watchers: ['controller-manager'],
  layoutColumn: 2,
  podTemplatePath: 'spec.jobTemplate.spec.template',
  baseName: 'cron',
  create: (name, namespace) => ({
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: objectMeta(name, namespace, appLabels(name)),
    spec: {
      schedule: '*/5 * * * *',
      concurrencyPolicy: 'Forbid',
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
      jobTemplate: {
        spec: {
          backoffLimit: 2,
          template: podTemplate(name, { restartPolicy: 'OnFailure', containers: [batchContainer(name)] }),
        },
      },
    },
  }),
  podTemplate: template,
  references: [...podSpecReferences('CronJob')],
};

function template(o: CronJobObject): PodTemplateSpec | undefined {
  return objectAt(o, 'spec', 'jobTemplate', 'spec', 'template');
}
