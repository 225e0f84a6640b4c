import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../model/object';
import { findObject, groupOf, reference, sourceNamespace, type ProblemSpec } from '../lookup';
import type { ReferenceRule } from '../types';

/** Kinds with a scale subresource the HPA controller can drive. */
const SCALABLE = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController']);

/** HPA → its scaleTargetRef, in the HPA's namespace. */
export const hpaTargetRule: ReferenceRule = {
  id: 'hpa-target',
  relation: 'scales',
  from: 'HorizontalPodAutoscaler',
  to: ['Deployment', 'StatefulSet', 'ReplicaSet'],
  resolve(source, index) {
    const hpa = source as HorizontalPodAutoscaler;
    const ref = hpa.spec?.scaleTargetRef;
    if (!ref?.kind || !ref.name) return [];
    const ns = sourceNamespace(source);
    const group = groupOf(ref.apiVersion);
    const target = findObject(index, group, ref.kind, ns, ref.name);
    const label = `${ref.kind} "${ref.name}"`;
    const resource = `${ref.kind.toLowerCase()}s${group ? `.${group}` : ''}`;
    let problem: ProblemSpec | undefined;
    if (!target) {
      problem = {
        severity: 'error',
        // The controller's condition message (AbleToScale=False, reason FailedGetScale).
        message: `the HPA controller was unable to get the target's current scale: ${resource} "${ref.name}" not found`,
        hint: `Create ${label} in namespace "${ns}" (apiVersion ${ref.apiVersion ?? '?'}), or connect the autoscaler to a Deployment or StatefulSet.`,
      };
    } else if (!SCALABLE.has(ref.kind)) {
      problem = { severity: 'error', message: `${label} cannot be autoscaled: it has no scale subresource`, hint: 'Target a Deployment, StatefulSet or ReplicaSet.' };
    } else {
      problem = missingRequests(hpa, target);
    }
    return [reference('hpa-target', 'scales', index.keyOf(source), 'spec.scaleTargetRef', label, target ? [index.keyOf(target)] : [], problem)];
  },
};

/** A utilization target is a share of the containers' requests: without requests the HPA cannot compute it. */
function missingRequests(hpa: HorizontalPodAutoscaler, target: KubeObject): ProblemSpec | undefined {
  const template = (target as { spec?: { template?: PodTemplateSpec } }).spec?.template;
  for (const m of hpa.spec?.metrics ?? []) {
    if (m.type !== 'Resource' || m.resource?.target?.type !== 'Utilization') continue;
    const resource = m.resource.name;
    const container = (template?.spec?.containers ?? []).find((c) => c.resources?.requests?.[resource] === undefined);
    if (container) {
      return {
        severity: 'warning',
        message: `failed to get ${resource} utilization: missing request for ${resource} in container ${container.name} of ${target.kind} "${target.metadata.name}"`,
        hint: `Give every container of the target a ${resource} request.`,
      };
    }
  }
  return undefined;
}
