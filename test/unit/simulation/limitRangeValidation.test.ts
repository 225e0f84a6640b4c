// A request above the limit a LimitRange gives by default, identical LimitRanger messages, the
// order of app and init containers, and how kubectl prints the refusals.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../shared/model/object';
import { aggregate } from '../../../shared/simulation/admission/limitrange';
import { kubectlErrorText } from '../../../shared/simulation/kubectlError';
import { validateObjects } from '../../../shared/validation/validate';
import { container, deployment, eventsOf, limitRange, ns, pod, run } from './helpers';

// kubernetes.io/docs/concepts/policy/limit-range/ ("Constraints on resource limits and requests"):
// the cpu-resource-constraint LimitRange and the example-conflict-with-limitrange-cpu Pod.
const docRange = limitRange('cpu-resource-constraint', 'default', [{ type: 'Container', default: { cpu: '500m' }, defaultRequest: { cpu: '500m' }, max: { cpu: '1' }, min: { cpu: '100m' } }]);
const conflict = pod('example-conflict-with-limitrange-cpu', 'default', [{ name: 'demo', image: 'registry.k8s.io/pause:3.8', resources: { requests: { cpu: '700m' } } }]);
const noConflict = pod('example-no-conflict-with-limitrange-cpu', 'default', [{ name: 'demo', image: 'registry.k8s.io/pause:3.8', resources: { requests: { cpu: '700m' }, limits: { cpu: '700m' } } }]);

const applied = (objects: KubeObject[], name: string) => run(objects).applied.find((a) => a.name === name);

describe('a request above the default limit of a LimitRange is the Pod validation error (kubernetes.io, Limit Ranges)', () => {
  it.each([
    {
      rule: 'kubernetes.io Limit Ranges: `Pod "example-conflict-with-limitrange-cpu" is invalid: spec.containers[0].resources.requests: Invalid value: "700m": must be less than or equal to cpu limit`; v1.30 ValidateResourceRequirements adds `of %s` (limitQuantity.String()), and kubectl prints `The %s %q is invalid`',
      objects: [docRange, conflict],
      name: 'example-conflict-with-limitrange-cpu',
      message: 'The Pod "example-conflict-with-limitrange-cpu" is invalid: spec.containers[0].resources.requests: Invalid value: "700m": must be less than or equal to cpu limit of 500m',
    },
    {
      rule: 'kubernetes.io Limit Ranges: "If you set both request and limit, then that new Pod will be scheduled successfully even with the same LimitRange in place"',
      objects: [docRange, noConflict],
      name: 'example-no-conflict-with-limitrange-cpu',
      message: undefined,
    },
    {
      rule: 'limitranger PodValidateLimitFunc: `for j := range pod.Spec.Containers` before `for j := range pod.Spec.InitContainers`; utilerrors aggregate.Error() skips a message already seen (`seenerrs`)',
      objects: [ns('app'), limitRange('max', 'app', [{ type: 'Container', max: { cpu: '1' } }]),
        pod('mixed', 'app', [container('a', { limits: { cpu: '3' } }), container('b', { limits: { cpu: '3' } })], { initContainers: [container('init', { limits: { cpu: '2' } })] })],
      name: 'mixed',
      message: 'Error from server (Forbidden): error when creating "STDIN": pods "mixed" is forbidden: [maximum cpu usage per Container is 1, but limit is 3, maximum cpu usage per Container is 1, but limit is 2]',
    },
    {
      rule: 'utilerrors aggregate.Error(): `if len(seenerrs) == 1 { return result }` — identical messages of two containers read as one, without brackets',
      objects: [ns('app'), limitRange('max', 'app', [{ type: 'Container', max: { cpu: '800m' } }]),
        pod('twins', 'app', [container('a', { limits: { cpu: '1500m' } }), container('b', { limits: { cpu: '1500m' } })])],
      name: 'twins',
      message: 'Error from server (Forbidden): error when creating "STDIN": pods "twins" is forbidden: maximum cpu usage per Container is 800m, but limit is 1500m',
    },
    {
      rule: 'validatePodSpec: validateContainers then validateInitContainers; kubectl MultilineError prints several causes one per `* ` line',
      objects: [docRange, pod('both', 'default', [container('app', { requests: { cpu: '900m' } })], { initContainers: [container('init', { requests: { cpu: '800m' } })] })],
      name: 'both',
      message: 'The Pod "both" is invalid: \n* spec.containers[0].resources.requests: Invalid value: "900m": must be less than or equal to cpu limit of 500m\n* spec.initContainers[0].resources.requests: Invalid value: "800m": must be less than or equal to cpu limit of 500m',
    },
  ])('$rule', ({ objects, name, message }) => {
    const a = applied(objects, name);
    if (message === undefined) expect(a?.result).toBe('created');
    else expect(a).toMatchObject({ result: 'failed', message });
  });

  it('a Deployment under the same LimitRange: its ReplicaSet reports the Pod error as FailedCreate', () => {
    const r = run([docRange, deployment('web', 'default', 1, [container('web', { requests: { cpu: '700m' } })])]);
    expect(r.applied.find((a) => a.kind === 'Deployment')?.result).toBe('created');
    // replica_set.go: `rsc.eventRecorder.Eventf(rs, v1.EventTypeWarning, FailedCreatePodReason, "Error creating: %v", err)`.
    expect(eventsOf(r, 'FailedCreate')[0]).toMatch(/^Error creating: Pod "web-\w+-\w{5}" is invalid: spec\.containers\[0\]\.resources\.requests: Invalid value: "700m": must be less than or equal to cpu limit of 500m$/);
  });

  it('validate reports the same line before anything runs, naming the LimitRange default in its hint', () => {
    const problems = validateObjects([docRange, conflict]).filter((p) => p.rule === 'container');
    expect(problems.map((p) => `${p.path}: ${p.message}`)).toEqual(['spec.containers[0].resources.requests: Invalid value: "700m": must be less than or equal to cpu limit of 500m']);
    expect(problems[0].hint).toContain('LimitRange');
    expect(validateObjects([docRange, noConflict]).filter((p) => p.rule === 'container')).toEqual([]);
  });
});

describe('kubectl prints API errors as kubectl does (staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go)', () => {
  it.each([
    { code: 422 as const, message: 'Deployment "web" is invalid: spec.replicas: Invalid value: -3: must be greater than or equal to 0', opts: { source: 'web.yaml', creating: true }, out: 'The Deployment "web" is invalid: spec.replicas: Invalid value: -3: must be greater than or equal to 0' },
    { code: 422 as const, message: 'Deployment.apps "web" is invalid: [spec.replicas: Invalid value: -3: must be greater than or equal to 0, spec.template.spec.containers: Required value]', opts: {}, out: 'The Deployment "web" is invalid: \n* spec.replicas: Invalid value: -3: must be greater than or equal to 0\n* spec.template.spec.containers: Required value' },
    { code: 403 as const, message: 'pods "p" is forbidden: exceeded quota: q', opts: { source: 'p.yaml', creating: true }, out: 'Error from server (Forbidden): error when creating "p.yaml": pods "p" is forbidden: exceeded quota: q' },
    { code: 404 as const, message: 'namespaces "x" not found', opts: {}, out: 'Error from server (NotFound): namespaces "x" not found' },
    { code: 409 as const, message: 'pods "p" already exists', opts: { source: 'p.yaml', creating: true }, out: 'Error from server (AlreadyExists): error when creating "p.yaml": pods "p" already exists' },
  ])('$code → $out', ({ code, message, opts, out }) => {
    expect(kubectlErrorText({ ok: false, code, message }, opts)).toBe(out);
  });

  it('aggregate keeps one of each message, brackets only several', () => {
    expect(aggregate(['a', 'a'])).toBe('a');
    expect(aggregate(['a', 'b', 'a'])).toBe('[a, b]');
  });
});
