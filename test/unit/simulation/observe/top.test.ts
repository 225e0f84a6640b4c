/**
 * `kubectl top pods|nodes` in kubectl's format (pkg/metricsutil/metrics_printer.go: the tab writer,
 * `m` and `Mi`, percentages of allocatable) and with its errors (top_pod.go verifyEmptyMetrics).
 */
import { describe, expect, it } from 'vitest';
import { kubectlTopNodes, kubectlTopPods, tabTable } from '../../../../shared/simulation/observe';
import { ns } from '../helpers';
import { session, web } from './fixtures';

describe('the tab writer', () => {
  it('lays out a table exactly as kubectl top does (minwidth 10, padding 3, trailing padding kept)', () => {
    // Rows of a real `kubectl top pod -A`.
    expect(tabTable([['NAMESPACE', 'NAME', 'CPU(cores)', 'MEMORY(bytes)'], ['default', 'resource-consumer-pod', '100m', '7Mi'], ['kube-system', 'coredns-565d847f94-dfgpz', '2m', '12Mi']])).toBe(
      'NAMESPACE     NAME                       CPU(cores)   MEMORY(bytes)   \n' +
      'default       resource-consumer-pod      100m         7Mi             \n' +
      'kube-system   coredns-565d847f94-dfgpz   2m           12Mi            \n',
    );
  });
});

describe('kubectl top', () => {
  const s = session([{ action: 'wait', steady: true }, { action: 'startTraffic', flow: { name: 'shoppers', from: 'external', to: 'app/web:80', rate: 40 } }, { action: 'wait', seconds: 40 }]);
  const obs = s.observation();

  it('pods of a namespace, -A with containers, sorted (golden)', () => {
    expect(kubectlTopPods(obs, { namespace: 'app' })).toEqual({ stdout: expect.any(String), stderr: '', exitCode: 0 });
    expect(kubectlTopPods(obs, { namespace: 'app' }).stdout).toBe(
      'NAME                   CPU(cores)   MEMORY(bytes)   \n' +
      'web-6f584d486d-jg7n8   47m          44Mi            \n' +
      'web-6f584d486d-vhwvv   46m          44Mi            \n',
    );
    expect(kubectlTopPods(obs, { allNamespaces: true, containers: true }).stdout).toBe(
      'NAMESPACE   POD                    NAME      CPU(cores)   MEMORY(bytes)   \n' +
      'app         web-6f584d486d-jg7n8   web       47m          44Mi            \n' +
      'app         web-6f584d486d-vhwvv   web       46m          44Mi            \n',
    );
    expect(kubectlTopPods(obs, { namespace: 'app', sortBy: 'memory', noHeaders: true }).stdout).toBe(
      'web-6f584d486d-vhwvv   46m       44Mi      \n' +
      'web-6f584d486d-jg7n8   47m       44Mi      \n',
    );
  });

  it('reads the last scrape (every 15 s): the numbers of the observation then', () => {
    const t = obs.end;
    const scrape = Math.floor(t / 15) * 15;
    const rows = kubectlTopPods(obs, { namespace: 'app', time: t }).stdout.trim().split('\n').slice(1).map((l) => l.trim().split(/ +/));
    for (const [name, cpu, memory] of rows) {
      const u = obs.podUsage(obs.podAt('app', name)!, scrape)!;
      expect([cpu, memory]).toEqual([`${u.cpu}m`, `${Math.floor(u.memory / 1048576)}Mi`]);
    }
  });

  it('nodes with CPU(%) and MEMORY(%) of allocatable (golden)', () => {
    expect(kubectlTopNodes(obs, {}).stdout).toBe(
      'NAME      CPU(cores)   CPU(%)    MEMORY(bytes)   MEMORY(%)   \n' +
      'node-1    133m         3%        648Mi           7%          \n' +
      'node-2    116m         2%        639Mi           7%          \n',
    );
    const n = obs.nodes[0];
    const u = obs.nodeUsage(n.name, Math.floor(obs.end / 15) * 15);
    expect(kubectlTopNodes(obs, { name: n.name, noHeaders: true }).stdout.trim().split(/ +/)).toEqual([n.name, `${u.cpu}m`, `${Math.trunc((u.cpu / n.cpu) * 100)}%`, `${Math.floor(u.memory / 1048576)}Mi`, `${Math.trunc((u.memory / n.memory) * 100)}%`]);
  });

  it('errors as kubectl prints them', () => {
    expect(kubectlTopPods(obs, { namespace: 'app', name: 'nope' })).toEqual({ stdout: '', stderr: 'Error from server (NotFound): podmetrics.metrics.k8s.io "app/nope" not found\n', exitCode: 1 });
    expect(kubectlTopNodes(obs, { name: 'nope' })).toEqual({ stdout: '', stderr: 'Error from server (NotFound): nodemetrics.metrics.k8s.io "nope" not found\n', exitCode: 1 });
    expect(kubectlTopPods(obs, { sortBy: 'disk' }).stderr).toBe('error: --sort-by accepts only cpu or memory\n');
    expect(kubectlTopPods(obs, { namespace: 'empty' })).toEqual({ stdout: '', stderr: 'No resources found in empty namespace.\n', exitCode: 0 });
    // Pods that have not been scraped yet.
    expect(kubectlTopPods(obs, { namespace: 'app', time: 3 })).toEqual({ stdout: '', stderr: 'error: metrics not available yet\n', exitCode: 1 });
  });

  it('a pod left Pending for more than two minutes names itself', () => {
    const huge = { ...web, metadata: { name: 'huge', namespace: 'app' }, spec: { ...(web.spec as object), selector: { matchLabels: { app: 'huge' } }, template: { metadata: { labels: { app: 'huge' } }, spec: { containers: [{ name: 'huge', image: 'nginx', resources: { requests: { cpu: '64' } } }] } } } };
    const o = session([{ action: 'wait', seconds: 200 }], [ns('app'), huge]).observation();
    const p = o.pods[0];
    const age = o.end - p.created;
    expect(age).toBeGreaterThan(120);
    expect(kubectlTopPods(o, { namespace: 'app' }).stderr).toBe(`error: Metrics not available for pod app/${p.name}, age: ${Math.floor(age / 60)}m${age % 60}s\n`);
  });
});
