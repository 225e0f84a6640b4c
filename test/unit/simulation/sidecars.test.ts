// Sidecar containers (init containers with restartPolicy: Always, on by default since 1.29) add their
// requests to the app containers' sum, as upstream k8s.io/component-helpers/resource/helpers.go
// PodRequests / PodLimits (v1.30) do:
//   if container.RestartPolicy != nil && *container.RestartPolicy == v1.ContainerRestartPolicyAlways {
//       addResourceList(reqs, containerReqs) … containerReqs = restartableInitContainerReqs
//   } else { tmp := containerReqs + restartableInitContainerReqs }
//   maxResourceList(initContainerReqs, containerReqs) … maxResourceList(reqs, initContainerReqs)
import { describe, expect, it } from 'vitest';
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { formatMilli, podRequests, podResourceList } from '../../../shared/simulation/resources';
import { formatQuantity } from '../../../shared/model/quantity';
import { container, eventsOf, nodes, pod, quota, run } from './helpers';

const c = (name: string, cpu: string, sidecar = false): Container => ({ name, image: 'busybox', resources: { requests: { cpu }, limits: { cpu } }, ...(sidecar ? { restartPolicy: 'Always' } : {}) }) as Container;
const spec = (apps: Container[], inits: Container[]): Pod['spec'] => ({ containers: apps, initContainers: inits });

describe('pod requests with sidecars (upstream PodRequests)', () => {
  it.each([
    ['no init containers: the sum of the app containers', spec([c('a', '1'), c('b', '500m')], []), '1500m'],
    ['a plain init container counts against the max', spec([c('a', '1')], [c('init', '3')]), '3'],
    ['a sidecar adds to the sum', spec([c('a', '1')], [c('log', '500m', true)]), '1500m'],
    ['an init container after a sidecar counts with it', spec([c('a', '2')], [c('log', '1', true), c('migrate', '3')]), '4'],
    ['an init container before the sidecar does not', spec([c('a', '2')], [c('migrate', '3'), c('log', '1', true)]), '3'],
    ['two sidecars and an app', spec([c('a', '1')], [c('log', '250m', true), c('proxy', '250m', true)]), '1500m'],
  ])('%s', (_name, s, cpu) => {
    expect(formatQuantity(podResourceList(s, 'requests').get('cpu')!)).toBe(cpu);
    expect(formatQuantity(podResourceList(s, 'limits').get('cpu')!)).toBe(cpu);
    expect(formatMilli(podRequests({ spec: s }).cpu)).toBe(cpu);
  });

  it('the scheduler counts the sidecar: 3 CPU app + 2 CPU sidecar does not fit a 4 CPU node', () => {
    const p = pod('p', 'default', [container('app', { requests: { cpu: '3' } })], { initContainers: [{ name: 'log', image: 'busybox', restartPolicy: 'Always', resources: { requests: { cpu: '2' } } }] });
    const r = run([p], { cluster: nodes(3) });
    expect(eventsOf(r, 'FailedScheduling')).toEqual(['0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod..']);
  });

  it('quota counts the sidecar in requests.cpu', () => {
    const p = pod('p', 'default', [container('app', { requests: { cpu: '1' }, limits: { cpu: '1' } })], { initContainers: [{ name: 'log', image: 'busybox', restartPolicy: 'Always', resources: { requests: { cpu: '500m' }, limits: { cpu: '500m' } } }] });
    const r = run([quota('q', 'default', { 'requests.cpu': '1' }), p]);
    expect(r.applied.find((a) => a.message?.includes('pods "p" is forbidden'))?.message).toContain('requested: requests.cpu=1500m, used: requests.cpu=0, limited: requests.cpu=1');
  });
});
