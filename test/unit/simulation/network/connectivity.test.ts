import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { defaultCluster } from '../../../../shared/design/types';
import type { KubeObject } from '../../../../shared/model/object';
import { computeConnectivity, formatConnectivityJson, formatConnectivityTxt, PortSet } from '../../../../shared/simulation/network';
import { steadyNetworkSnapshot } from '../../../../shared/simulation/session/network';
import { pod, policy, ports, snapshot } from './helpers';

const fixture = (name: string) => loadAll(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8')) as KubeObject[];

describe('connection strings', () => {
  it.each([
    [PortSet.ALL, 'All Connections'],
    [PortSet.of('TCP', 8050), 'TCP 8050'],
    [PortSet.of('TCP', 1, 79).union(PortSet.of('TCP', 81, 65535)).union(PortSet.of('UDP', 53)), 'TCP 1-79,81-65535,UDP 53'],
    [PortSet.of('UDP', 53).union(PortSet.of('SCTP', 9)).union(PortSet.of('TCP', 80)), 'SCTP 9,TCP 80,UDP 53'],
    [PortSet.of('TCP', 80).union(PortSet.of('TCP', 81)).union(PortSet.of('TCP', 82, 90)), 'TCP 80-90'],
    [PortSet.allOf('TCP'), 'TCP 1-65535'],
    [PortSet.allOf('TCP').union(PortSet.allOf('UDP')).union(PortSet.allOf('SCTP')), 'All Connections'],
    [PortSet.of('TCP', 1, 100).intersect(PortSet.of('TCP', 50, 200)), 'TCP 50-100'],
  ])('%s', (set, text) => {
    expect(set.toString()).toBe(text);
  });
});

describe('connectivity list of the shop fixture', () => {
  it('lists every allowed ordered pair, sorted, in the exact format', () => {
    const text = formatConnectivityTxt(computeConnectivity(steadyNetworkSnapshot(fixture('shop-policies.yaml'), defaultCluster())));
    expect(text).toBe(
      [
        '0.0.0.0-255.255.255.255[External] => monitoring/prometheus[Deployment] : All Connections',
        'monitoring/prometheus[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections',
        'monitoring/prometheus[Deployment] => shop/api[Deployment] : TCP 9090',
        'shop/api[Deployment] => 0.0.0.0-255.255.255.255[External] : TCP 53,UDP 53',
        'shop/api[Deployment] => monitoring/prometheus[Deployment] : TCP 53,UDP 53',
        'shop/api[Deployment] => shop/db[StatefulSet] : TCP 5432',
        'shop/db[StatefulSet] => 0.0.0.0-255.255.255.255[External] : TCP 53,UDP 53',
        'shop/db[StatefulSet] => monitoring/prometheus[Deployment] : TCP 53,UDP 53',
        'shop/frontend[Deployment] => 0.0.0.0-255.255.255.255[External] : TCP 53,UDP 53',
        'shop/frontend[Deployment] => monitoring/prometheus[Deployment] : TCP 53,UDP 53',
        'shop/frontend[Deployment] => shop/api[Deployment] : TCP 9000',
        '{ingress-controller} => shop/frontend[Deployment] : TCP 8080',
        '',
      ].join('\n'),
    );
  });

  it('json is [{src, dst, conn}]', () => {
    const lines = computeConnectivity(steadyNetworkSnapshot(fixture('shop-policies.yaml'), defaultCluster()));
    const parsed = JSON.parse(formatConnectivityJson(lines)) as { src: string; dst: string; conn: string }[];
    expect(parsed[2]).toEqual({ src: 'monitoring/prometheus[Deployment]', dst: 'shop/api[Deployment]', conn: 'TCP 9090' });
    expect(Object.keys(parsed[0])).toEqual(['src', 'dst', 'conn']);
  });
});

describe('external ranges and workload names', () => {
  it('splits 0.0.0.0/0 by the ipBlocks policies mention; ranges treated alike stay one peer', () => {
    const a = pod('prod', 'a', { app: 'a' }, { owner: 'Deployment/a' });
    const b = pod('prod', 'b-0', { app: 'b' }, { owner: 'StatefulSet/b' });
    const p = policy('prod', 'a', {
      podSelector: { matchLabels: { app: 'a' } },
      ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }], ports: [{ port: 80 }] }],
      egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } }] }],
    });
    const lines = formatConnectivityTxt(computeConnectivity(snapshot({ pods: [a, b], networkPolicies: [p] })));
    // prod/b → prod/a is absent: an ipBlock never matches pod IPs by default.
    expect(lines).toBe(
      [
        '0.0.0.0-9.255.255.255,11.0.0.0-255.255.255.255[External] => prod/b[StatefulSet] : All Connections',
        '10.0.0.0-10.0.255.255,10.2.0.0-10.255.255.255[External] => prod/a[Deployment] : TCP 80',
        '10.0.0.0-10.0.255.255,10.2.0.0-10.255.255.255[External] => prod/b[StatefulSet] : All Connections',
        '10.1.0.0-10.1.255.255[External] => prod/b[StatefulSet] : All Connections',
        'prod/a[Deployment] => 0.0.0.0-9.255.255.255,11.0.0.0-255.255.255.255[External] : All Connections',
        'prod/b[StatefulSet] => 0.0.0.0-9.255.255.255,11.0.0.0-255.255.255.255[External] : All Connections',
        'prod/b[StatefulSet] => 10.0.0.0-10.0.255.255,10.2.0.0-10.255.255.255[External] : All Connections',
        'prod/b[StatefulSet] => 10.1.0.0-10.1.255.255[External] : All Connections',
        '',
      ].join('\n'),
    );
  });

  it('bare pods are [Pod]; pods of one workload are one line; a workload is not listed to itself', () => {
    const lines = computeConnectivity(snapshot({
      pods: [pod('prod', 'debug', {}), pod('prod', 'w-1', { app: 'w' }, { owner: 'DaemonSet/w' }), pod('prod', 'w-2', { app: 'w' }, { owner: 'DaemonSet/w' })],
      networkPolicies: [policy('prod', 'deny-egress', { podSelector: {}, policyTypes: ['Egress'] })],
    }));
    expect(lines).toEqual([
      { src: '0.0.0.0-255.255.255.255[External]', dst: 'prod/debug[Pod]', conn: 'All Connections' },
      { src: '0.0.0.0-255.255.255.255[External]', dst: 'prod/w[DaemonSet]', conn: 'All Connections' },
    ]);
  });

  it('named ports in a rule resolve per destination workload', () => {
    const a = pod('prod', 'a', { app: 'a' }, { owner: 'Deployment/a', ports: ports([8080, 'http']) });
    const b = pod('prod', 'b', { app: 'b' }, { owner: 'Deployment/b', ports: ports([9000, 'http']) });
    const c = pod('prod', 'c', { app: 'c' }, { owner: 'Deployment/c' });
    const p = policy('prod', 'http-only', { podSelector: {}, ingress: [{ from: [{ podSelector: {} }], ports: [{ port: 'http' }] }] });
    const lines = computeConnectivity(snapshot({ pods: [a, b, c], networkPolicies: [p] })).filter((l) => !l.src.includes('External') && !l.dst.includes('External'));
    expect(lines.map((l) => `${l.src} => ${l.dst} : ${l.conn}`)).toEqual([
      'prod/a[Deployment] => prod/b[Deployment] : TCP 9000',
      'prod/b[Deployment] => prod/a[Deployment] : TCP 8080',
      'prod/c[Deployment] => prod/a[Deployment] : TCP 8080',
      'prod/c[Deployment] => prod/b[Deployment] : TCP 9000',
    ]);
  });

  it('endPort ranges and excluded ports merge into ranges', () => {
    const a = pod('prod', 'a', { app: 'a' }, { owner: 'Deployment/a' });
    const b = pod('prod', 'b', { app: 'b' }, { owner: 'Deployment/b' });
    const p = policy('prod', 'ranges', { podSelector: { matchLabels: { app: 'b' } }, ingress: [{ from: [{ podSelector: {} }], ports: [{ port: 1, endPort: 79 }, { port: 81, endPort: 65535 }, { port: 53, protocol: 'UDP' }] }] });
    const line = computeConnectivity(snapshot({ pods: [a, b], networkPolicies: [p] })).find((l) => l.src === 'prod/a[Deployment]' && l.dst === 'prod/b[Deployment]');
    expect(line?.conn).toBe('TCP 1-79,81-65535,UDP 53');
  });
});
