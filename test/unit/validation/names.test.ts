import { describe, expect, it } from 'vitest';
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isLabelKey, isLabelValue, isValidPortName } from '../../../shared/validation/dns';
import { validateObjects } from '../../../shared/validation';
import { container, deployment, lines, object, service } from './helpers';

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

describe('DNS-1123 names, as k8s.io/apimachinery/pkg/util/validation checks them', () => {
  it.each(['a', '0', 'web', 'web-1', '1-web', 'a'.repeat(63)])('label %s is valid', (v) => {
    expect(isDNS1123Label(v)).toEqual([]);
  });

  it.each([
    ['', [LABEL_MSG]],
    ['Web', [LABEL_MSG]],
    ['web_app', [LABEL_MSG]],
    ['-web', [LABEL_MSG]],
    ['web-', [LABEL_MSG]],
    ['web.shop', ['must not contain dots']],
    ['a'.repeat(64), ['must be no more than 63 characters']],
  ])('label %j is invalid', (v, errs) => {
    expect(isDNS1123Label(v)).toEqual(errs);
  });

  it.each(['example.com', 'a.b.c', 'web-1.shop', `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`])('subdomain %s is valid', (v) => {
    expect(isDNS1123Subdomain(v)).toEqual([]);
  });

  it.each([
    ['a..b', [SUBDOMAIN_MSG]],
    ['.a', [SUBDOMAIN_MSG]],
    ['a.', [SUBDOMAIN_MSG]],
    ['My.App', [SUBDOMAIN_MSG]],
    [`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}`, ['must be no more than 253 characters']],
  ])('subdomain %j is invalid', (v, errs) => {
    expect(isDNS1123Subdomain(v)).toEqual(errs);
  });

  it('a DNS-1035 label must start with a letter', () => {
    expect(isDNS1035Label('web-1')).toEqual([]);
    expect(isDNS1035Label('1web')).toEqual([DNS1035_MSG]);
  });

  it('port names are IANA service names', () => {
    expect(isValidPortName('http')).toEqual([]);
    expect(isValidPortName('http-metrics-admin')).toEqual(['must be no more than 15 characters']);
    expect(isValidPortName('8080')).toEqual(['must contain at least one letter (a-z)']);
    expect(isValidPortName('my--port')).toEqual(['must not contain consecutive hyphens']);
    expect(isValidPortName('HTTP')).toEqual([
      'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'must contain at least one letter (a-z)',
    ]);
  });
});

describe('object names by kind', () => {
  it('most kinds need a DNS-1123 subdomain: dots allowed, upper case refused', () => {
    const containers = [container('web')];
    const problems = validateObjects([deployment('web.v2', 'shop', { containers }), deployment('Web_App', 'shop', { containers }), object('v1', 'ConfigMap', 'app.config', 'shop')]);
    expect(lines(problems, 'name')).toEqual([`Deployment Web_App metadata.name: Invalid value: "Web_App": ${SUBDOMAIN_MSG}`]);
    expect(problems.find((p) => p.rule === 'name')?.severity).toBe('error');
  });

  it('a Namespace name is a DNS-1123 label: no dots', () => {
    expect(lines(validateObjects([object('v1', 'Namespace', 'team.a', undefined)]), 'name')).toEqual([
      'Namespace team.a metadata.name: Invalid value: "team.a": must not contain dots',
    ]);
  });

  it('a Service name is a DNS-1035 label: it must start with a letter', () => {
    const problems = validateObjects([service('2048-game', 'shop', undefined)]);
    expect(lines(problems, 'name')).toEqual([`Service 2048-game metadata.name: Invalid value: "2048-game": ${DNS1035_MSG}`]);
  });

  it('RBAC names only avoid "/" and "%", so system:controller names are fine', () => {
    const role = object('rbac.authorization.k8s.io/v1', 'ClusterRole', 'system:controller:web', undefined, { rules: [] });
    const bad = object('rbac.authorization.k8s.io/v1', 'Role', 'a/b', 'shop', { rules: [] });
    expect(lines(validateObjects([role, bad]), 'name')).toEqual(['Role a/b metadata.name: Invalid value: "a/b": may not contain \'/\'']);
  });

  it('a missing name is required unless generateName is set', () => {
    const unnamed = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace: 'shop' } } as never;
    const generated = { apiVersion: 'batch/v1', kind: 'Job', metadata: { generateName: 'migrate-', namespace: 'shop' } } as never;
    expect(lines(validateObjects([unnamed, generated]), 'name')).toEqual(['ConfigMap  metadata.name: Required value: name or generateName is required']);
  });

  it('the namespace an object names must itself be a valid Namespace name', () => {
    expect(lines(validateObjects([object('v1', 'ConfigMap', 'cfg', 'Shop')]), 'name')).toEqual([`ConfigMap cfg metadata.namespace: Invalid value: "Shop": ${LABEL_MSG}`]);
  });

  it('container names are DNS-1123 labels, unique in the pod; port names are IANA service names', () => {
    const d = deployment('web', 'shop', {
      containers: [container('Web_Server'), container('sidecar', { ports: [{ name: 'metrics-endpoint', containerPort: 9090 }] }), container('sidecar')],
    });
    expect(lines(validateObjects([d]), 'name')).toEqual([
      `Deployment web spec.template.spec.containers[0].name: Invalid value: "Web_Server": ${LABEL_MSG}`,
      'Deployment web spec.template.spec.containers[1].ports[0].name: Invalid value: "metrics-endpoint": must be no more than 15 characters',
      'Deployment web spec.template.spec.containers[2].name: Duplicate value: "sidecar"',
    ]);
  });
});

describe('label keys and values, as ValidateLabels checks them', () => {
  it.each(['app', 'app.kubernetes.io/name', 'example.com/Tier_1', 'a'.repeat(63)])('key %s is valid', (k) => {
    expect(isLabelKey(k)).toEqual([]);
  });

  it.each([
    ['/name', ['prefix part must be non-empty']],
    ['example.com/', ['name part must be non-empty', expect.stringMatching(/^name part must consist of alphanumeric/)]],
    ['Example.com/name', [expect.stringMatching(/^prefix part a lowercase RFC 1123 subdomain/)]],
    ['a'.repeat(64), ['name part must be no more than 63 characters']],
    ['-app', [expect.stringMatching(/^name part must consist of alphanumeric characters, '-', '_' or '\.'/)]],
    ['a/b/c', [expect.stringMatching(/^a valid label key must consist .* with an optional DNS subdomain prefix and '\/'/)]],
  ])('key %j is invalid', (k, errs) => {
    expect(isLabelKey(k)).toEqual(errs);
  });

  it('values may be empty, up to 63 characters, without spaces or slashes', () => {
    expect(isLabelValue('')).toEqual([]);
    expect(isLabelValue('v1.2_beta-3')).toEqual([]);
    expect(isLabelValue('a'.repeat(64))).toEqual(['must be no more than 63 characters']);
    expect(isLabelValue('two words')).toEqual([
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ]);
  });

  it('bad labels are found on objects, pod templates and selectors', () => {
    const d = deployment('web', 'shop', { labels: { app: 'web', version: 'v1 beta' }, containers: [container('web')] });
    const svc = service('web', 'shop', { app: 'web/frontend' });
    const problems = validateObjects([d, svc]).filter((p) => p.rule === 'label');
    expect(problems.map((p) => `${p.kind} ${p.path}: ${p.message.split(': a valid label')[0]}`)).toEqual([
      'Deployment spec.selector.matchLabels: Invalid value: "v1 beta"',
      'Deployment spec.template.metadata.labels: Invalid value: "v1 beta"',
      'Service spec.selector: Invalid value: "web/frontend"',
    ]);
  });
});
