import { describe, expect, it } from 'vitest';
import { keyOf, make, onlyRef, refs } from './helpers';

/** An HPA as connecting it to Deployment `target` leaves it. */
const scaling = (name: string, target: string) =>
  make('HorizontalPodAutoscaler', name, 'shop', { spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: target } } });

describe('HorizontalPodAutoscaler → scaleTargetRef', () => {
  it('a new HPA names no target yet: no reference, so no broken edge', () => {
    const hpa = make('HorizontalPodAutoscaler', 'api', 'shop');
    expect(refs('hpa-target', [make('Deployment', 'api', 'shop'), hpa])).toEqual([]);
  });

  it('an HPA reaches its Deployment, whose default containers have cpu requests', () => {
    const d = make('Deployment', 'api', 'shop');
    const hpa = scaling('api', 'api');
    const r = onlyRef('hpa-target', [d, hpa], hpa);
    expect(r).toMatchObject({ relation: 'scales', targets: [keyOf(d)], path: 'spec.scaleTargetRef' });
    expect(r.problem).toBeUndefined();
  });

  it('reaches a StatefulSet by kind and group', () => {
    const sts = make('StatefulSet', 'db', 'shop');
    const hpa = make('HorizontalPodAutoscaler', 'db', 'shop', { spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db' } } });
    expect(onlyRef('hpa-target', [sts, hpa], hpa).targets).toEqual([keyOf(sts)]);
  });

  it('a missing target is an error in the controller\'s words', () => {
    const hpa = scaling('api', 'api');
    expect(onlyRef('hpa-target', [make('Deployment', 'api', 'blog'), hpa], hpa).problem).toMatchObject({
      severity: 'error', message: 'the HPA controller was unable to get the target\'s current scale: deployments.apps "api" not found',
    });
  });

  it('a DaemonSet cannot be autoscaled', () => {
    const ds = make('DaemonSet', 'agent', 'shop');
    const hpa = make('HorizontalPodAutoscaler', 'agent', 'shop', { spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent' } } });
    const r = onlyRef('hpa-target', [ds, hpa], hpa);
    expect(r.targets).toEqual([keyOf(ds)]);
    expect(r.problem?.message).toBe('DaemonSet "agent" cannot be autoscaled: it has no scale subresource');
  });

  it('a cpu utilization target on containers without cpu requests is a warning', () => {
    const d = make('Deployment', 'api', 'shop');
    delete (d.spec as { template: { spec: { containers: { resources?: object }[] } } }).template.spec.containers[0].resources;
    const hpa = scaling('api', 'api');
    expect(onlyRef('hpa-target', [d, hpa], hpa).problem).toMatchObject({
      severity: 'warning', message: 'failed to get cpu utilization: missing request for cpu in container api of Deployment "api"',
    });
  });
});
