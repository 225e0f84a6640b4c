/**
 * A new Ingress or HorizontalPodAutoscaler starts unconnected (shared/kinds): it names no target
 * rather than a missing one, so no broken edge is drawn. The API server would still refuse it
 * (kubernetes/pkg/apis/networking/validation ValidateIngressSpec; autoscaling/validation
 * ValidateCrossVersionObjectReference), so Problems says so, with the next step.
 */
import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import type { Ingress } from 'kubernetes-types/networking/v1';
import { isPlainObject } from '../model/object';
import { problemFor } from './problem';
import type { Check } from './types';

export const checkUnconnected: Check = (ctx, report) => {
  for (const o of ctx.objects) {
    if (o.kind === 'Ingress' && o.apiVersion === 'networking.k8s.io/v1') {
      const spec = (o as unknown as Ingress).spec;
      if (!isPlainObject(spec)) continue;
      const rules = spec.rules;
      if ((rules === undefined || (Array.isArray(rules) && rules.length === 0)) && spec.defaultBackend == null) {
        report(problemFor(o, 'error', 'unconnected', 'spec', 'Invalid value: either `defaultBackend` or `rules` must be specified',
          'Connect the Ingress to a Service: drag from its handle onto the Service.'));
      }
    }
    if ((o.kind === 'RoleBinding' || o.kind === 'ClusterRoleBinding') && o.apiVersion === 'rbac.authorization.k8s.io/v1') {
      // rbac/validation ValidateRoleBinding: `if len(roleBinding.RoleRef.Name) == 0 { field.Required(fldPath.Child("roleRef", "name"), "") }`.
      const ref = (o as { roleRef?: unknown }).roleRef;
      if (isPlainObject(ref) && (ref.name === '' || ref.name === undefined)) {
        report(problemFor(o, 'error', 'unconnected', 'roleRef.name', 'Required value',
          o.kind === 'RoleBinding' ? 'Connect the binding to a Role or ClusterRole: drag from its handle onto the role.' : 'Connect the binding to a ClusterRole: drag from its handle onto the role.'));
      }
    }
    if (o.kind === 'HorizontalPodAutoscaler' && (o.apiVersion === 'autoscaling/v2' || o.apiVersion === 'autoscaling/v1')) {
      const ref = (o as unknown as HorizontalPodAutoscaler).spec?.scaleTargetRef;
      if (isPlainObject(ref) && ref.name === '') {
        report(problemFor(o, 'error', 'unconnected', 'spec.scaleTargetRef.name', 'Required value',
          'Connect the autoscaler to a Deployment or StatefulSet: drag from its handle onto the workload.'));
      }
    }
  }
};
