import { findObject, nameOf, reference, sourceNamespace } from '../lookup';
import type { ReferenceDeclaration } from '../../kinds/references';
import { limitRangeNamespace } from '../../kinds/limitrange';
import { resourceQuotaNamespace } from '../../kinds/resourcequota';
import type { ReferenceRule } from '../types';

/** Namespaces every cluster has, so designs need not declare them. */
const BUILT_IN_NAMESPACES = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);

/** ResourceQuota / LimitRange → the Namespace they constrain. */
function namespaceRule(declaration: ReferenceDeclaration): ReferenceRule {
  const { id, from: kind } = declaration;
  return {
    ...declaration,
    resolve(source, index) {
      const ns = sourceNamespace(source);
      const target = findObject(index, '', 'Namespace', '', ns);
      // The built-in namespaces exist without a Namespace object in the design.
      if (!target && BUILT_IN_NAMESPACES.has(ns)) return [];
      return [
        reference(id, 'constrains', index.keyOf(source), 'metadata.namespace', `Namespace "${ns}"`, target ? [index.keyOf(target)] : [],
          target ? undefined : {
            severity: 'warning',
            // What `kubectl apply` answers when the namespace does not exist yet.
            message: `namespaces "${ns}" not found: the design has no Namespace "${ns}" for ${kind} "${nameOf(source)}"`,
            hint: `Add a Namespace named "${ns}" (it is applied first).`,
          }),
      ];
    },
  };
}

export const resourceQuotaNamespaceRule = namespaceRule(resourceQuotaNamespace);
export const limitRangeNamespaceRule = namespaceRule(limitRangeNamespace);
