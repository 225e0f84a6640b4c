import { describe, expect, it } from 'vitest';
import { validateObjects } from '../../../shared/validation';
import { container, deployment, lines, loose, object, service } from './helpers';

describe('duplicate names', () => {
  it('the same kind, namespace and name twice is an error on the later copy', () => {
    const problems = validateObjects([deployment('web'), deployment('web'), deployment('web', 'staging'), service('web')]);
    expect(problems.filter((p) => p.rule === 'duplicate')).toEqual([
      {
        severity: 'error',
        rule: 'duplicate',
        objectKey: 'apps/Deployment/shop/web',
        kind: 'Deployment',
        namespace: 'shop',
        name: 'web',
        path: 'metadata.name',
        message: 'Duplicate value: Deployment "web" in namespace "shop" is defined more than once; applying keeps only the last definition',
        hint: 'Rename one of them or delete the copy.',
      },
    ]);
  });

  it('an unset namespace is the default namespace', () => {
    const a = object('v1', 'ConfigMap', 'cfg', undefined);
    const b = object('v1', 'ConfigMap', 'cfg', 'default');
    expect(lines(validateObjects([a, b]), 'duplicate')).toHaveLength(1);
  });
});

describe('controller selector and pod template labels', () => {
  it('a Deployment whose selector does not match its template labels is refused, as the API server does', () => {
    const d = deployment('web', 'shop', { selector: { matchLabels: { app: 'web' } }, labels: { app: 'frontend', tier: 'web' } });
    const [p] = validateObjects([d]).filter((x) => x.rule === 'selector-mismatch');
    expect(p).toMatchObject({
      severity: 'error',
      path: 'spec.template.metadata.labels',
      message: 'Invalid value: map[string]string{"app":"frontend", "tier":"web"}: `selector` does not match template `labels`',
    });
    expect(p.hint).toContain('app: web');
  });

  it('matchExpressions count too', () => {
    const d = deployment('web', 'shop', { selector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['db'] }] }, labels: { tier: 'web' } });
    expect(lines(validateObjects([d]), 'selector-mismatch')).toHaveLength(1);
    const ok = deployment('web', 'shop', { selector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['web'] }] }, labels: { tier: 'web' } });
    expect(lines(validateObjects([ok]), 'selector-mismatch')).toEqual([]);
  });

  it('an empty selector is invalid for a controller', () => {
    expect(lines(validateObjects([deployment('web', 'shop', { selector: {} })]), 'selector-mismatch')).toEqual([
      'Deployment web spec.selector: Invalid value: {}: empty selector is invalid for deployment',
    ]);
  });

  it('StatefulSets, DaemonSets and ReplicaSets are checked the same way', () => {
    const objs = ['StatefulSet', 'DaemonSet', 'ReplicaSet'].map((kind) => ({ ...deployment(kind.toLowerCase(), 'shop', { selector: { matchLabels: { app: 'x' } } }), kind }));
    expect(validateObjects(objs).filter((p) => p.rule === 'selector-mismatch').map((p) => p.kind)).toEqual(['DaemonSet', 'ReplicaSet', 'StatefulSet']);
  });

  it('a Job is only checked when it sets manualSelector, since its selector is generated otherwise', () => {
    const job = (manualSelector?: boolean) =>
      object('batch/v1', 'Job', 'migrate', 'shop', {
        spec: {
          ...(manualSelector ? { manualSelector } : {}),
          selector: { matchLabels: { job: 'migrate' } },
          template: { metadata: { labels: { job: 'other' } }, spec: { restartPolicy: 'Never', containers: [container('migrate')] } },
        },
      });
    expect(lines(validateObjects([job()]), 'selector-mismatch')).toEqual([]);
    expect(lines(validateObjects([job(true)]), 'selector-mismatch')).toHaveLength(1);
  });
});

describe('Service targetPort and the selected containers', () => {
  it('a named targetPort no selected container has is an error: those pods are not endpoints', () => {
    const problems = validateObjects([deployment('web'), service('web', 'shop', { app: 'web' }, [{ port: 80, targetPort: 'https' }])]);
    expect(problems.filter((p) => p.rule === 'service-target-port')).toEqual([
      expect.objectContaining({
        severity: 'error',
        kind: 'Service',
        name: 'web',
        path: 'spec.ports[0].targetPort',
        message: 'targetPort "https" names no TCP container port of Deployment shop/web: its pods are not endpoints of this port',
        hint: 'Set targetPort to one of its container ports: http (80), or name a container port "https".',
      }),
    ]);
  });

  it('a numeric targetPort no container declares is a warning (containerPort is informational)', () => {
    const problems = validateObjects([deployment('web'), service('web', 'shop', { app: 'web' }, [{ port: 80, targetPort: 8080 }])]);
    expect(problems.filter((p) => p.rule === 'service-target-port').map((p) => [p.severity, p.message])).toEqual([
      ['warning', 'targetPort 8080 is not a TCP containerPort of Deployment shop/web'],
    ]);
  });

  it('targetPort defaults to port, and the protocol must match', () => {
    const noTarget = service('web', 'shop', { app: 'web' }, [{ port: 80 }]);
    expect(lines(validateObjects([deployment('web'), noTarget]), 'service-target-port')).toEqual([]);
    const udp = service('web', 'shop', { app: 'web' }, [{ port: 80, protocol: 'UDP' }]);
    expect(lines(validateObjects([deployment('web'), udp]), 'service-target-port')).toEqual([
      'Service web spec.ports[0].port: targetPort 80 is not a UDP containerPort of Deployment shop/web',
    ]);
  });

  it('targetPort 0 or "" also defaults to port (SetDefaults_Service), so port 80 reaches containerPort 80', () => {
    for (const targetPort of [0, '']) {
      const svc = service('web', 'shop', { app: 'web' }, [{ port: 80, targetPort }]);
      expect(lines(validateObjects([deployment('web'), svc]), 'service-target-port')).toEqual([]);
      // Defaulted before validation: neither out of range nor a bad port name.
      expect(lines(validateObjects([deployment('web'), svc]), 'port-range')).toEqual([]);
      expect(validateObjects([deployment('web'), svc]).filter((p) => p.path.endsWith('targetPort'))).toEqual([]);
    }
  });

  it('matching named and numeric ports find nothing wrong', () => {
    const svc = service('web', 'shop', { app: 'web' }, [{ name: 'a', port: 80, targetPort: 'http' }, { name: 'b', port: 8080, targetPort: 80 }]);
    expect(validateObjects([deployment('web'), svc])).toEqual([]);
  });
});

describe('ResourceQuota on cpu/memory and containers without requests/limits', () => {
  const quota = (hard: Record<string, string>, rest: Record<string, unknown> = {}) => object('v1', 'ResourceQuota', 'compute', 'shop', { spec: { hard, ...rest } });
  const bare = (name: string) => ({ name, image: 'nginx:1.27' });

  it('names every container that lacks what the quota tracks, in the admission message form', () => {
    const d = deployment('web', 'shop', { containers: [bare('c2'), bare('c1'), container('ok')] });
    loose(d).spec.template.spec.containers[2].resources = { requests: { memory: '64Mi', cpu: '100m' } };
    const problems = validateObjects([quota({ 'limits.cpu': '4', 'requests.memory': '4Gi', pods: '20' }), d]);
    expect(problems.filter((p) => p.rule === 'quota-requires-resources')).toEqual([
      expect.objectContaining({
        severity: 'error',
        kind: 'Deployment',
        name: 'web',
        path: 'spec.template.spec.containers[0].resources',
        message: 'failed quota: compute: must specify limits.cpu for: c1,c2,ok; requests.memory for: c1,c2',
      }),
    ]);
  });

  it('a limit alone also sets the request, and a LimitRange default fills what is missing', () => {
    const limitOnly = deployment('web', 'shop', { containers: [{ name: 'web', image: 'x', resources: { limits: { cpu: '1', memory: '1Gi' } } }] });
    expect(lines(validateObjects([quota({ 'requests.cpu': '4', 'limits.memory': '8Gi' }), limitOnly]), 'quota-requires-resources')).toEqual([]);
    const limits = object('v1', 'LimitRange', 'defaults', 'shop', { spec: { limits: [{ type: 'Container', default: { cpu: '500m', memory: '256Mi' } }] } });
    const bareDeploy = deployment('api', 'shop', { containers: [bare('api')] });
    expect(lines(validateObjects([quota({ cpu: '4', memory: '8Gi', 'limits.cpu': '8' }), bareDeploy]), 'quota-requires-resources')).toEqual([
      'Deployment api spec.template.spec.containers[0].resources: failed quota: compute: must specify cpu for: api; limits.cpu for: api; memory for: api',
    ]);
    expect(lines(validateObjects([quota({ cpu: '4', memory: '8Gi', 'limits.cpu': '8' }), limits, bareDeploy]), 'quota-requires-resources')).toEqual([]);
  });

  it('a quota on other resources, or in another namespace, asks for nothing', () => {
    const d = deployment('web', 'shop', { containers: [bare('web')] });
    expect(lines(validateObjects([quota({ pods: '10', 'count/deployments.apps': '5' }), d]), 'quota-requires-resources')).toEqual([]);
    const elsewhere = object('v1', 'ResourceQuota', 'compute', 'other', { spec: { hard: { 'limits.cpu': '4' } } });
    expect(lines(validateObjects([elsewhere, d]), 'quota-requires-resources')).toEqual([]);
  });

  it('init containers must state them too', () => {
    const d = deployment('web');
    loose(d).spec.template.spec.initContainers = [bare('migrate')];
    expect(lines(validateObjects([quota({ 'limits.memory': '4Gi' }), d]), 'quota-requires-resources')).toEqual([
      'Deployment web spec.template.spec.initContainers[0].resources: failed quota: compute: must specify limits.memory for: migrate',
    ]);
  });
});

describe('Service port names and numbers, as ValidateService checks them', () => {
  it('a Service with several ports must name each, uniquely, as DNS-1123 labels', () => {
    const svc = service('web', 'shop', { app: 'web' }, [{ port: 80, targetPort: 'http' }, { name: 'HTTP', port: 443, targetPort: 'http' }, { name: 'HTTP', port: 8443, targetPort: 'http' }]);
    expect(lines(validateObjects([deployment('web'), svc]), 'name')).toEqual([
      'Service web spec.ports[0].name: Required value',
      expect.stringMatching(/^Service web spec\.ports\[1\]\.name: Invalid value: "HTTP": a lowercase RFC 1123 label/),
      'Service web spec.ports[2].name: Duplicate value: "HTTP"',
      expect.stringMatching(/^Service web spec\.ports\[2\]\.name: Invalid value: "HTTP": a lowercase RFC 1123 label/),
    ]);
  });

  it('a quoted number as targetPort is a port name, and not a valid one', () => {
    const svc = service('web', 'shop', { app: 'web' }, [{ port: 80, targetPort: '80' }]);
    const problems = validateObjects([deployment('web'), svc]);
    expect(problems.map((p) => [p.rule, p.path, p.message, p.hint])).toEqual([
      ['name', 'spec.ports[0].targetPort', 'Invalid value: "80": must contain at least one letter (a-z)', 'Write the port number without quotes: targetPort: 80.'],
    ]);
  });

  it('port numbers are 1-65535', () => {
    const svc = service('web', 'shop', { app: 'web' }, [{ port: 0, targetPort: 70000 }]);
    const d = deployment('web', 'shop', { containers: [container('web', { ports: [{ containerPort: 65536 }] })] });
    expect(lines(validateObjects([d, svc]), 'port-range')).toEqual([
      'Deployment web spec.template.spec.containers[0].ports[0].containerPort: Invalid value: 65536: must be between 1 and 65535, inclusive',
      'Service web spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
      'Service web spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ]);
  });
});

describe('containers as the API server checks them when it creates the pods', () => {
  it('a container needs an image', () => {
    const d = deployment('web', 'shop', { containers: [container('web', { image: undefined }), container('side', { image: '  ' })] });
    expect(lines(validateObjects([d]), 'container')).toEqual([
      'Deployment web spec.template.spec.containers[0].image: Required value',
      'Deployment web spec.template.spec.containers[1].image: Required value',
    ]);
  });

  it('a request may not exceed its limit, compared as quantities', () => {
    const over = container('web', { resources: { requests: { cpu: '1.5', memory: '1Gi' }, limits: { cpu: '1000m', memory: '1024Mi' } } });
    expect(lines(validateObjects([deployment('web', 'shop', { containers: [over] })]), 'container')).toEqual([
      'Deployment web spec.template.spec.containers[0].resources.requests: Invalid value: "1500m": must be less than or equal to cpu limit of 1',
    ]);
  });
});

describe('CronJob names', () => {
  it('are at most 52 characters, leaving room for the Job suffix', () => {
    const cron = (name: string) =>
      object('batch/v1', 'CronJob', name, 'shop', {
        spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [container('job')] } } } } },
      });
    expect(lines(validateObjects([cron('a'.repeat(52)), cron('b'.repeat(53))]), 'name')).toEqual([
      `CronJob ${'b'.repeat(53)} metadata.name: Invalid value: "${'b'.repeat(53)}": must be no more than 52 characters`,
    ]);
  });
});
