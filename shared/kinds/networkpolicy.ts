import type { NetworkPolicy } from 'kubernetes-types/networking/v1';
import type { KubeObject } from '../model/object';
import { APPLY_ORDER, objectMeta } from './defaults';
import type { KindModule } from './types';
import type { ReferenceDeclaration } from './references';

type NetworkPolicyObject = NetworkPolicy & KubeObject;

const POD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod'];

export const networkPolicyTarget: ReferenceDeclaration = { id: 'networkpolicy-target', relation: 'policy-target', from: 'NetworkPolicy', to: POD_KINDS };

export const networkPolicyPeer: ReferenceDeclaration = { id: 'networkpolicy-peer', relation: 'policy-peer', from: 'NetworkPolicy', to: [...POD_KINDS, 'Namespace'] };

export const networkPolicyKind: KindModule<NetworkPolicyObject> = {
  kind: 'NetworkPolicy',
  apiVersion: 'networking.k8s.io/v1',
  resource: 'networkpolicies',
  shortName: 'netpol',
  namespaced: true,
  display: { glyph: 'netpol', color: '#d93025', shape: 'shield', group: 'Policy' },
  applyOrder: APPLY_ORDER.NetworkPolicy,
  baseName: 'policy',
  // Default-deny for traffic from other namespaces, still useful: every pod of the namespace is
  // isolated for ingress and accepts traffic from the pods of its own namespace only.
  create: (name, namespace) => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: objectMeta(name, namespace),
    spec: {
      podSelector: {},
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ podSelector: {} }] }],
    },
  }),
  references: [networkPolicyTarget, networkPolicyPeer],
};
