import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { apiGroup, type KubeObject } from '../../model/object';
import { findObject, items, nameOf, rec, reference, sourceNamespace, str, type ProblemSpec } from '../lookup';
import type { ReferenceRule } from '../types';
import { hpaTarget } from '../../kinds/horizontalpodautoscaler';
import { getKindInfo } from '../../kinds/registry';

/** Kinds with a scale subresource the HPA controller can drive. */

/** HPA → its scaleTargetRef, in the HPA's namespace. */
export const hpaTargetRule: ReferenceRule = {
  ...hpaTarget,
  resolve(source, index) {
    const hpa = source as HorizontalPodAutoscaler;
    const ref = rec(rec(hpa.spec)?.scaleTargetRef);
    const kind = str(ref?.kind);
    const name = str(ref?.name);
    if (!ref || !kind || !name) return [];
    const ns = sourceNamespace(source);
    const group = apiGroup(ref.apiVersion);
    const target = findObject(index, group, kind, ns, name);
    const label = `${kind} "${name}"`;
    const resource = `${kind.toLowerCase()}s${group ? `.${group}` : ''}`;
    let problem: ProblemSpec | undefined;
    if (!target) {
      problem = {
        severity: 'error',
        // The controller's condition message (AbleToScale=False, reason FailedGetScale).
        message: `the HPA controller was unable to get the target's current scale: ${resource} "${name}" not found`,
        hint: `Create ${label} in namespace "${ns}" (apiVersion ${str(ref.apiVersion) ?? '?'}), or connect the autoscaler to a Deployment or StatefulSet.`,
      };
    } else if (!getKindInfo(kind)?.scalable) {
      problem = { severity: 'error', message: `${label} cannot be autoscaled: it has no scale subresource`, hint: 'Target a Deployment, StatefulSet or ReplicaSet.' };
    } else {
      problem = missingRequests(hpa, target);
    }
    return [reference('hpa-target', 'scales', index.keyOf(source), 'spec.scaleTargetRef', label, target ? [index.keyOf(target)] : [], problem)];
  },
};

/** A utilization target is a share of the containers' requests: without requests the HPA cannot compute it. */
function missingRequests(hpa: HorizontalPodAutoscaler, target: KubeObject): ProblemSpec | undefined {
  const template = rec(rec((target as { spec?: { template?: PodTemplateSpec } }).spec)?.template);
  const containers = items(rec(template?.spec)?.containers);
  for (const m of items(rec(hpa.spec)?.metrics)) {
    const metric = rec(m.resource);
    const resource = str(metric?.name);
    if (m.type !== 'Resource' || !resource || rec(metric?.target)?.type !== 'Utilization') continue;
    const container = containers.find((c) => rec(rec(c.resources)?.requests)?.[resource] === undefined);
    if (container) {
      return {
        severity: 'warning',
        message: `failed to get ${resource} utilization: missing request for ${resource} in container ${container.name} of ${target.kind} "${nameOf(target)}"`,
        hint: `Give every container of the target a ${resource} request.`,
      };
    }
  }
  return undefined;
}
