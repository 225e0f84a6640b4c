import type { ConfigMap } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../model/object';
import { APPLY_ORDER, objectMeta } from './defaults';
import type { KindModule } from './types';

type ConfigMapObject = ConfigMap & KubeObject;

export const configMapKind: KindModule<ConfigMapObject> = {
  kind: 'ConfigMap',
  apiVersion: 'v1',
  resource: 'configmaps',
  shortName: 'cm',
  namespaced: true,
  display: { glyph: 'cm', color: '#8e44ad', shape: 'document', group: 'Config' },
  applyOrder: APPLY_ORDER.Config,
  layoutColumn: 3,
  baseName: 'config',
  create: (name, namespace) => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: objectMeta(name, namespace),
    // Keys that are valid environment variable names, so `envFrom` imports them all.
    data: { LOG_LEVEL: 'info', APP_MODE: 'production' },
  }),
  references: [],
};
