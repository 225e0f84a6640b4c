import type { Pod, PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../model/object';
import { APPLY_ORDER, appLabels, defaultContainer, objectAt, objectMeta } from './defaults';
import type { KindModule } from './types';
import { podSpecReferences } from './references';

type PodObject = Pod & KubeObject;

export const podKind: KindModule<PodObject> = {
  kind: 'Pod',
  apiVersion: 'v1',
  resource: 'pods',
  shortName: 'po',
  namespaced: true,
  display: { glyph: 'pod', color: '#5b8def', shape: 'circle', group: 'Workloads' },
  applyOrder: APPLY_ORDER.Workload + 1,
  layoutColumn: 2,
  podTemplatePath: '',
  baseName: 'pod',
  create: (name, namespace) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: objectMeta(name, namespace, appLabels(name)),
    spec: { containers: [defaultContainer(name)] },
  }),
  // A bare Pod is its own template: its labels are what selectors see.
  podTemplate: template,
  references: [...podSpecReferences('Pod')],
};

function template(o: PodObject): PodTemplateSpec | undefined {
  const spec = objectAt<Pod['spec']>(o, 'spec');
  return spec ? { metadata: o.metadata, spec } : undefined;
}
