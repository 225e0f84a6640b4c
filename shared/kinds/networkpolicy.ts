import type { NetworkPolicy } from 'kubernetes-types/networking/v1';
import type { KubeObject } from '../model/object';
import { APPLY_ORDER, objectMeta } from './defaults';
import { networkPolicyPeerRule, networkPolicyTargetRule } from '../references/rules/networkPolicy';
import type { KindModule } from './types';

type NetworkPolicyObject = NetworkPolicy & KubeObject;

export const networkPolicyKind: KindModule<NetworkPolicyObject> = {
  kind: 'NetworkPolicy',
  apiVersion: 'networking.k8s.io/v1',
  resource: 'networkpolicies',
  shortName: 'netpol',
  namespaced: true,
  display: { glyph: 'netpol', color: '#d93025', shape: 'shield', group: 'Policy' },
  applyOrder: APPLY_ORDER.NetworkPolicy,
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
  references: [networkPolicyTargetRule, networkPolicyPeerRule],
};
