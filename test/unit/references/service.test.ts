import { describe, expect, it } from 'vitest';
import { keyOf, make, onlyRef, refs } from './helpers';

describe('Service → pods by selector', () => {
  it('reaches every pod-running object in its namespace whose template labels match', () => {
    const svc = make('Service', 'web', 'shop');
    const deploy = make('Deployment', 'web', 'shop');
    const pod = make('Pod', 'web-debug', 'shop', { metadata: { labels: { app: 'web', debug: 'yes' } } });
    const other = make('Deployment', 'api', 'shop');
    const r = onlyRef('service-selector', [svc, deploy, pod, other], svc);
    expect(r.targets).toEqual([keyOf(deploy), keyOf(pod)]);
    expect(r.relation).toBe('selects');
    expect(r.problem).toBeUndefined();
  });

  it('never selects pods of another namespace, even with the same labels', () => {
    const svc = make('Service', 'web', 'shop');
    const r = onlyRef('service-selector', [svc, make('Deployment', 'web', 'blog')], svc);
    expect(r.targets).toEqual([]);
    expect(r.problem).toMatchObject({ severity: 'warning', message: 'Service "web" selects no pods: nothing in namespace "shop" has labels app=web' });
  });

  it('needs every selector label to match (a partial match selects nothing)', () => {
    const svc = make('Service', 'web', undefined, { spec: { selector: { app: 'web', tier: 'front' } } });
    expect(onlyRef('service-selector', [svc, make('Deployment', 'web')], svc).targets).toEqual([]);
  });

  it('selects CronJob pods through spec.jobTemplate.spec.template', () => {
    const svc = make('Service', 'report');
    const cj = make('CronJob', 'report');
    expect(onlyRef('service-selector', [svc, cj], svc).targets).toEqual([keyOf(cj)]);
  });

  it('makes no reference for a Service without selector or of type ExternalName (endpoints are not selected)', () => {
    const manual = make('Service', 'manual', undefined, { spec: { selector: undefined } });
    const external = make('Service', 'ext', undefined, { spec: { type: 'ExternalName', externalName: 'db.example.com' } });
    expect(refs('service-selector', [manual, external, make('Deployment', 'manual')])).toEqual([]);
  });
});

describe('objects of the same kind in another API group', () => {
  it('a Knative Service is not read as a core Service', () => {
    const knative = { apiVersion: 'serving.knative.dev/v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' }, spec: { selector: { app: 'web' } } };
    expect(refs('service-selector', [knative, make('Deployment', 'web', 'shop')])).toEqual([]);
  });
});
