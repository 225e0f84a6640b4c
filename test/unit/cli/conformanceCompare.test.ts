// scripts/conformance/compare.ts: connectivity lists compared by meaning, not text.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareConnLists, formatConns, parseConns } from '../../../scripts/conformance/compare';

describe('compareConnLists', () => {
  it('external ranges split or merged differently are equal', () => {
    const a = '0.0.0.0-255.255.255.255[External] => ns/web[Deployment] : All Connections\n';
    const b = '0.0.0.0-9.255.255.255,10.0.0.0-10.255.255.255[External] => ns/web[Deployment] : All Connections\n11.0.0.0-255.255.255.255[External] => ns/web[Deployment] : All Connections\n';
    expect(compareConnLists(a, b).equal).toBe(true);
    // A CIDR is a range too.
    expect(compareConnLists('10.0.0.0/8[External] => ns/a[Pod] : TCP 80', '10.0.0.0-10.255.255.255[External] => ns/a[Pod] : TCP 80').equal).toBe(true);
  });

  it('a piece of a range that is missing is a difference naming the piece and both lines', () => {
    const expected = '0.0.0.0-255.255.255.255[External] => ns/web[Deployment] : All Connections\n';
    const actual = '0.0.0.0-9.255.255.255[External] => ns/web[Deployment] : All Connections\n';
    const c = compareConnLists(expected, actual);
    expect(c.equal).toBe(false);
    expect(c.differences).toEqual([
      { pair: '10.0.0.0-255.255.255.255[External] => ns/web[Deployment]', expected: 'All Connections', actual: undefined, expectedLines: [expected.trim()], actualLines: [] },
    ]);
  });

  it('connection sets are ports per protocol: order, ranges and lines split per protocol do not matter', () => {
    const a = 'ns/a[Pod] => ns/b[Pod] : TCP 80-81,UDP 53\n';
    const b = 'ns/a[Pod] => ns/b[Pod] : UDP 53\nns/a[Pod] => ns/b[Pod] : TCP 81,80\n';
    expect(compareConnLists(a, b).equal).toBe(true);
    const c = compareConnLists(a, 'ns/a[Pod] => ns/b[Pod] : TCP 80,UDP 53\n');
    expect(c.differences.map((d) => [d.pair, d.expected, d.actual])).toEqual([['ns/a[Pod] => ns/b[Pod]', 'TCP 80-81,UDP 53', 'TCP 80,UDP 53']]);
  });

  it('All Connections is TCP, UDP and SCTP 1-65535; ports after a protocol belong to it', () => {
    expect(formatConns(parseConns('SCTP 1-65535,TCP 1-65535,UDP 1-65535')!)).toBe('All Connections');
    expect(parseConns('TCP 8080,9090,UDP 8080')).toEqual({ SCTP: [], TCP: [[8080, 8080], [9090, 9090]], UDP: [[8080, 8080]] });
    expect(parseConns('TCP 0')).toBeUndefined();
    expect(parseConns('80')).toBeUndefined();
  });

  it('lines it cannot read make the lists unequal and are reported', () => {
    const c = compareConnLists('ns/a[Pod] => ns/b[Pod] : All Connections\n', 'ns/a[Pod] -> ns/b[Pod] : All Connections\n');
    expect(c.equal).toBe(false);
    expect(c.bad).toEqual([{ side: 'actual', line: 1, text: 'ns/a[Pod] -> ns/b[Pod] : All Connections' }]);
  });
});

describe('npm run conformance', () => {
  it('says so and exits 0 where the suite folder is absent', () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'kubeplan-conformance-')), 'np-guard');
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '..', '..', '..', 'scripts', 'conformance.ts'), missing], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`conformance: no suite at ${missing}; nothing to run.`);
  });
});
