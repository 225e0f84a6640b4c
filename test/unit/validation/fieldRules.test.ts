// The API server's field validation for the catalogue's kinds: each row quotes the upstream line
// (k8s.io/kubernetes v1.30) it follows, and checks both `kubeplan validate` (validateObjects) and
// the simulated API server (apply refuses the object with upstream's 422 message).
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../shared/model/object';
import { validateObjects } from '../../../shared/validation';
import { container, deployment, pod, run } from '../simulation/helpers';

const svc = (type: string, ports: Record<string, unknown>[]): KubeObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { type, selector: { app: 'web' }, ports } });
const job = (spec: Record<string, unknown>, containers: unknown[] = [container('a')]): KubeObject => ({
  apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j', namespace: 'default' },
  spec: { template: { spec: { restartPolicy: 'Never', containers } }, ...spec },
});
const cronJob = (schedule: string): KubeObject => ({
  apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c', namespace: 'default' },
  spec: { schedule, jobTemplate: { spec: { template: { spec: { restartPolicy: 'Never', containers: [container('a')] } } } } },
});
const withPorts = (ports: Record<string, unknown>[]) => deployment('web', 'default', 1, [container('web', undefined, { ports: ports as never })]);

interface Row {
  rule: string;
  /** The upstream line (or page) the rule follows. */
  upstream: string;
  object: KubeObject;
  /** `<path>: <message>` as validate reports it and as the API server writes it after `is invalid: `. */
  error: string;
}

const ROWS: Row[] = [
  {
    rule: 'Deployment replicas < 0',
    upstream: 'pkg/apis/apps/validation/validation.go ValidateDeploymentSpec: allErrs = append(allErrs, apivalidation.ValidateNonnegativeField(int64(spec.Replicas), fldPath.Child("replicas"))...)',
    object: deployment('web', 'default', -3, [container('web')]),
    error: 'spec.replicas: Invalid value: -3: must be greater than or equal to 0',
  },
  {
    rule: 'StatefulSet replicas < 0',
    upstream: 'pkg/apis/apps/validation/validation.go ValidateStatefulSetSpec: apivalidation.ValidateNonnegativeField(int64(spec.Replicas), fldPath.Child("replicas"))',
    object: { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db', namespace: 'default' }, spec: { replicas: -1, serviceName: 'db', selector: { matchLabels: { app: 'db' } }, template: { metadata: { labels: { app: 'db' } }, spec: { containers: [container('db')] } } } },
    error: 'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
  },
  {
    rule: 'Job completions < 0',
    upstream: 'pkg/apis/batch/validation/validation.go validateJobSpec: apivalidation.ValidateNonnegativeField(int64(*spec.Completions), fldPath.Child("completions"))',
    object: job({ completions: -2 }),
    error: 'spec.completions: Invalid value: -2: must be greater than or equal to 0',
  },
  {
    rule: 'containers: []',
    upstream: 'pkg/apis/core/validation/validation.go validateContainers: if len(containers) == 0 { allErrs = append(allErrs, field.Required(fldPath, "")) }',
    object: deployment('web', 'default', 1, []),
    error: 'spec.template.spec.containers: Required value',
  },
  {
    rule: 'a Pod without containers',
    upstream: 'pkg/apis/core/validation/validation.go validateContainers: field.Required(fldPath, "")',
    object: pod('p', 'default', []),
    error: 'spec.containers: Required value',
  },
  {
    rule: 'CronJob schedule */0',
    upstream: 'pkg/apis/batch/validation/validation.go validateScheduleFormat: allErrs = append(allErrs, field.Invalid(fldPath, schedule, err.Error())) (robfig/cron v3 parser.go: "step of range should be a positive number: %s")',
    object: cronJob('*/0 * * * *'),
    error: 'spec.schedule: Invalid value: "*/0 * * * *": step of range should be a positive number: */0',
  },
  {
    rule: 'containerPort above 65535',
    upstream: 'pkg/apis/core/validation/validation.go validateContainerPorts: for _, msg := range validation.IsValidPortNum(int(port.ContainerPort)) { allErrs = append(allErrs, field.Invalid(idxPath.Child("containerPort"), port.ContainerPort, msg)) }',
    object: withPorts([{ containerPort: 70000 }]),
    error: 'spec.template.spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
  },
  {
    rule: 'containerPort 0',
    upstream: 'pkg/apis/core/validation/validation.go validateContainerPorts: if port.ContainerPort == 0 { allErrs = append(allErrs, field.Required(idxPath.Child("containerPort"), "")) }',
    object: withPorts([{ containerPort: 0 }]),
    error: 'spec.template.spec.containers[0].ports[0].containerPort: Required value',
  },
  {
    rule: 'hostPort out of range',
    upstream: 'pkg/apis/core/validation/validation.go validateContainerPorts: if port.HostPort != 0 { for _, msg := range validation.IsValidPortNum(int(port.HostPort)) { … field.Invalid(idxPath.Child("hostPort"), port.HostPort, msg) } }',
    object: withPorts([{ containerPort: 80, hostPort: -1 }]),
    error: 'spec.template.spec.containers[0].ports[0].hostPort: Invalid value: -1: must be between 1 and 65535, inclusive',
  },
  {
    rule: 'Service port out of range',
    upstream: 'pkg/apis/core/validation/validation.go validateServicePort: for _, msg := range validation.IsValidPortNum(int(sp.Port)) { allErrs = append(allErrs, field.Invalid(fldPath.Child("port"), sp.Port, msg)) }',
    object: svc('ClusterIP', [{ port: 65536 }]),
    error: 'spec.ports[0].port: Invalid value: 65536: must be between 1 and 65535, inclusive',
  },
  {
    rule: 'nodePort outside 30000-32767',
    upstream: 'pkg/registry/core/service/storage/alloc.go allocNodePort: field.Invalid(fldPath, servicePort.NodePort, err.Error()); pkg/registry/core/service/portallocator/allocator.go ErrNotInRange: "provided port is not in the valid range. The range of valid ports is %s"',
    object: svc('NodePort', [{ port: 80, nodePort: 40000 }]),
    error: 'spec.ports[0].nodePort: Invalid value: 40000: provided port is not in the valid range. The range of valid ports is 30000-32767',
  },
  {
    rule: 'nodePort on a ClusterIP Service',
    upstream: 'pkg/apis/core/validation/validation.go ValidateService: field.Forbidden(portPath.Child("nodePort"), "may not be used when `type` is \'ClusterIP\'")',
    object: svc('ClusterIP', [{ port: 80, nodePort: 30080 }]),
    error: "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
  },
  {
    rule: 'the same nodePort twice',
    upstream: 'pkg/apis/core/validation/validation.go ValidateService: if found { allErrs = append(allErrs, field.Duplicate(portPath.Child("nodePort"), port.NodePort)) }',
    object: svc('NodePort', [{ name: 'a', port: 80, nodePort: 30080 }, { name: 'b', port: 81, nodePort: 30080 }]),
    error: 'spec.ports[1].nodePort: Duplicate value: 30080',
  },
];

describe('field validation rules of the catalogue\'s kinds (validate and the API server agree)', () => {
  it.each(ROWS)('$rule', ({ object, error }) => {
    const problems = validateObjects([object]).filter((p) => p.severity === 'error');
    expect(problems.map((p) => `${p.path}: ${p.message}`)).toContain(error);
    const r = run([object]);
    // kubectl prints an Invalid error from its details: `The <Kind> "<name>" is invalid: <cause>`.
    expect(r.applied[0]).toMatchObject({ result: 'failed', message: `The ${object.kind} "${object.metadata.name}" is invalid: ${error}` });
  });

  it('a valid NodePort Service, Deployment and CronJob raise none of these', () => {
    const objects = [svc('NodePort', [{ port: 80, nodePort: 30080 }]), withPorts([{ containerPort: 80, hostPort: 8080 }]), cronJob('*/5 * * * *'), job({ completions: 3 })];
    expect(validateObjects(objects).filter((p) => p.rule === 'field' || p.rule === 'port-range')).toEqual([]);
    expect(run(objects).applied.map((a) => a.result)).toEqual(Array(4).fill('created'));
  });

  it('several errors of one object are one line each, as kubectl prints the causes of an Invalid error', () => {
    // kubectl cmdutil.MultilineError: `fmt.Fprintln(buf, prefix)` then `* %s` per cause.
    const r = run([deployment('web', 'default', -3, [])]);
    expect(r.applied[0].message).toBe('The Deployment "web" is invalid: \n* spec.replicas: Invalid value: -3: must be greater than or equal to 0\n* spec.template.spec.containers: Required value');
  });
});
