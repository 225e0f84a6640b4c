/**
 * NetworkPolicy → the pods it isolates (policy-target) and the pods its rules allow (policy-peer),
 * as the pod-running objects whose template labels match. kubernetes.io "Network Policies": a
 * podSelector alone means pods of the policy's namespace; a namespaceSelector alone means all pods
 * of matching namespaces; both in one peer item means AND; separate items mean OR.
 */
import type { NetworkPolicy, NetworkPolicyPeer } from 'kubernetes-types/networking/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../model/object';
import type { ObjectIndex, PodTemplateEntry } from '../../kinds/objectIndex';
import { formatSelector } from '../../model/selector';
import { findObject, items, labelSelector, nameOf, namespacesSelectedBy, ownerKeys, rec, reference, sourceNamespace, templatesSelectedBy } from '../lookup';
import type { Reference, ReferenceRule } from '../types';
import { networkPolicyTarget, networkPolicyPeer } from '../../kinds/networkpolicy';

const BUILT_IN_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

export const networkPolicyTargetRule: ReferenceRule = {
  ...networkPolicyTarget,
  resolve(source, index) {
    const np = source as NetworkPolicy;
    const ns = sourceNamespace(source);
    // A missing podSelector decodes to the empty selector upstream: every pod of the namespace.
    const selector = labelSelector(rec(np.spec)?.podSelector) ?? {};
    const targets = ownerKeys(templatesSelectedBy(index, ns, selector));
    const label = describe(selector, 'pods');
    const whole = selectsAll(selector) && targets.length > 0 ? { wholeNamespaces: [ns] } : {};
    return [{
      ...whole,
      ...reference('networkpolicy-target', 'policy-target', index.keyOf(source), 'spec.podSelector', label, targets,
        targets.length === 0
          ? {
              severity: 'warning',
              message: `NetworkPolicy "${nameOf(source)}" selects no pods: nothing in namespace "${ns}" matches ${formatSelector(selector)}`,
              hint: 'A policy only isolates pods of its own namespace whose labels match podSelector.',
            }
          : undefined),
    }];
  },
};

export const networkPolicyPeerRule: ReferenceRule = {
  ...networkPolicyPeer,
  resolve(source, index) {
    const spec = rec((source as NetworkPolicy).spec);
    const out: Reference[] = [];
    items(spec?.ingress).forEach((rule, i) =>
      items(rule.from).forEach((peer, j) => pushPeer(out, source, index, peer, `spec.ingress[${i}].from[${j}]`, 'from')));
    items(spec?.egress).forEach((rule, i) =>
      items(rule.to).forEach((peer, j) => pushPeer(out, source, index, peer, `spec.egress[${i}].to[${j}]`, 'to')));
    return out;
  },
};

function pushPeer(out: Reference[], source: KubeObject, index: ObjectIndex, rawPeer: NetworkPolicyPeer, path: string, direction: 'from' | 'to'): void {
  const peer: NetworkPolicyPeer = {};
  const podSelector = labelSelector(rawPeer.podSelector);
  const namespaceSelector = labelSelector(rawPeer.namespaceSelector);
  if (podSelector) peer.podSelector = podSelector;
  if (namespaceSelector) peer.namespaceSelector = namespaceSelector;
  // ipBlock peers name addresses, not objects of the design.
  if (!podSelector && !namespaceSelector) return;
  const ns = sourceNamespace(source);
  let templates: readonly PodTemplateEntry[];
  const namespaceTargets: string[] = [];
  let wholeNamespaces: string[] | undefined;
  if (namespaceSelector) {
    const namespaces = namespacesSelectedBy(index, namespaceSelector);
    // Every pod of each selected namespace: no podSelector, or `podSelector: {}`.
    if (!podSelector || selectsAll(podSelector)) wholeNamespaces = namespaces.filter((n) => index.podTemplates(n).length > 0);
    templates = namespaces.flatMap((n) => (podSelector ? templatesSelectedBy(index, n, podSelector) : index.podTemplates(n)));
    if (!podSelector) {
      // A whole-namespace peer also reaches the Namespace objects (drawn as frames).
      for (const n of namespaces) {
        const nsObject = findObject(index, '', 'Namespace', '', n);
        if (nsObject) namespaceTargets.push(index.keyOf(nsObject));
      }
    }
  } else {
    templates = templatesSelectedBy(index, ns, podSelector!);
  }
  const targets = [...ownerKeys(templates), ...namespaceTargets];
  // Allowing cluster add-ons (kube-dns in kube-system…) is routine; they are not part of a design.
  if (targets.length === 0 && BUILT_IN_NAMESPACES.has(namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] ?? '')) return;
  const label = peerLabel(peer, ns);
  let problem: Reference['problem'];
  if (targets.length === 0) {
    problem = {
      severity: 'warning',
      message: `NetworkPolicy "${nameOf(source)}" ${direction} peer matches no pods: ${label}`,
      hint: andTrapHint(index, ns, peer) ?? 'Check the peer selectors against the pod template labels and namespace labels (every namespace has kubernetes.io/metadata.name).',
    };
  }
  const whole = wholeNamespaces?.length ? { wholeNamespaces } : {};
  out.push({ ...reference('networkpolicy-peer', 'policy-peer', index.keyOf(source), path, label, targets, problem), direction, ...whole });
}

/** True for the empty selector (`{}`), which selects every pod of a namespace. */
function selectsAll(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0;
}

/** When both selectors sit in one item and only their AND fails, say so: the classic AND/OR trap. */
function andTrapHint(index: ObjectIndex, ns: string, peer: NetworkPolicyPeer): string | undefined {
  if (!peer.podSelector || !peer.namespaceSelector) return undefined;
  const podsAlone = templatesSelectedBy(index, ns, peer.podSelector).length > 0;
  const namespacesAlone = namespacesSelectedBy(index, peer.namespaceSelector).some((n) => index.podTemplates(n).length > 0);
  if (!podsAlone && !namespacesAlone) return undefined;
  return 'podSelector and namespaceSelector in one peer item must both match (AND). To allow either, write them as two separate items (OR): `- podSelector: …` and `- namespaceSelector: …`.';
}

function peerLabel(peer: NetworkPolicyPeer, ns: string): string {
  if (peer.namespaceSelector && peer.podSelector) {
    return `${describe(peer.podSelector, 'pods')} in ${describe(peer.namespaceSelector, 'namespaces')}`;
  }
  if (peer.namespaceSelector) return `all pods in ${describe(peer.namespaceSelector, 'namespaces')}`;
  return `${describe(peer.podSelector!, 'pods')} in namespace "${ns}"`;
}

function describe(selector: LabelSelector, what: 'pods' | 'namespaces'): string {
  const text = formatSelector(selector);
  return text === '<all>' ? `all ${what}` : `${what} ${text}`;
}
