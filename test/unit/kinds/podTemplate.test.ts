import { describe, expect, it } from 'vitest';
import { allKindModules, getKindModule } from '../../../shared/kinds/registry';
import type { KubeObject } from '../../../shared/model/object';

const POD_RUNNING = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod'];

describe('pod templates', () => {
  it('exist for exactly the kinds that run pods', () => {
    const withTemplate = allKindModules().filter((m) => m.podTemplate).map((m) => m.kind);
    expect(withTemplate.sort()).toEqual([...POD_RUNNING].sort());
  });

  it.each(['Deployment', 'StatefulSet', 'DaemonSet', 'Job'])('%s runs pods from spec.template', (kind) => {
    const m = getKindModule(kind)!;
    const o = m.create('web') as KubeObject & { spec: { template: unknown } };
    expect(m.podTemplate!(o)).toBe(o.spec.template);
  });

  it('CronJob runs pods from spec.jobTemplate.spec.template', () => {
    const m = getKindModule('CronJob')!;
    const o = m.create('nightly') as KubeObject & { spec: { jobTemplate: { spec: { template: unknown } } } };
    expect(m.podTemplate!(o)).toBe(o.spec.jobTemplate.spec.template);
  });

  it('a bare Pod is its own template: its metadata and spec', () => {
    const m = getKindModule('Pod')!;
    const o = m.create('debug') as KubeObject & { spec: unknown };
    const t = m.podTemplate!(o)!;
    expect(t.metadata).toBe(o.metadata);
    expect(t.spec).toBe(o.spec);
    expect(t.metadata?.labels).toEqual({ app: 'debug' });
  });

  it.each(POD_RUNNING)('a new %s labels its pods app=<name>, so a same-named Service selects them', (kind) => {
    const m = getKindModule(kind)!;
    const t = m.podTemplate!(m.create('web'))!;
    expect(t.metadata?.labels).toEqual({ app: 'web' });
    expect(getKindModule('Service')!.create('web').spec).toMatchObject({ selector: { app: 'web' } });
  });

  it.each(POD_RUNNING)('a new %s gives every container cpu and memory requests and limits', (kind) => {
    const m = getKindModule(kind)!;
    for (const c of m.podTemplate!(m.create('web'))!.spec!.containers) {
      expect(Object.keys(c.resources?.requests ?? {}).sort()).toEqual(['cpu', 'memory']);
      expect(Object.keys(c.resources?.limits ?? {}).sort()).toEqual(['cpu', 'memory']);
    }
  });

  it('a workload without a template has no pod template rather than a crash', () => {
    for (const kind of POD_RUNNING) {
      const m = getKindModule(kind)!;
      expect(m.podTemplate!({ apiVersion: m.apiVersion, kind, metadata: { name: 'x' } })).toBeUndefined();
    }
  });
});
