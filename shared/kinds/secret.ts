import type { Secret } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../model/object';
import { APPLY_ORDER, objectMeta } from './defaults';
import type { KindModule } from './types';

type SecretObject = Secret & KubeObject;

export const secretKind: KindModule<SecretObject> = {
  kind: 'Secret',
  apiVersion: 'v1',
  resource: 'secrets',
  namespaced: true,
  display: { glyph: 'secret', color: '#6c3483', shape: 'document', group: 'Config' },
  applyOrder: APPLY_ORDER.Config,
  layoutColumn: 3,
  baseName: 'secret',
  create: (name, namespace) => ({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: objectMeta(name, namespace),
    type: 'Opaque',
    // stringData is write-only plain text; the API server stores it base64-encoded in `data`.
    stringData: { USERNAME: 'app', PASSWORD: 'change-me' },
  }),
  references: [],
};
