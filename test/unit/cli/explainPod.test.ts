import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createExplainCommand } from '../../../cli/commands/explain';
import { capture } from '../simulation/network/cliHelpers';

const design = join(import.meta.dirname, 'fixtures', 'scheduling.yaml');
const explain = async (...args: string[]) => {
  const io = capture();
  const code = await createExplainCommand().run([design, ...args], io);
  return { code, out: io.out, err: io.err };
};

describe('kubeplan explain --pod: why the scheduler put a pod where it did', () => {
  it('prints the Filter verdict of every node and the Score table, the selected node marked', async () => {
    const r = await explain('--pod', 'default/big');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^Pod default\/big: scheduled to (node-\d) \(attempt 1, t=0s\)$/);
    const node = /scheduled to (node-\d)/.exec(lines[0])![1];
    const filterHeader = lines.indexOf('Filter (why not the others):') + 1;
    expect(lines[filterHeader].split(/\s{2,}/)).toEqual(['NODE', 'NodeResourcesFit', 'FEASIBLE', 'REASON']);
    const scoreHeader = lines.findIndex((l) => l.startsWith('Score (raw → normalised')) + 1;
    expect(lines[scoreHeader].split(/\s{2,}/)).toEqual(['NODE', 'TaintToleration ×3', 'NodeAffinity ×2', 'NodeResourcesFit ×1', 'NodeResourcesBalancedAllocation ×1', 'PodTopologySpread ×2', 'InterPodAffinity ×2', 'TOTAL']);
    expect(lines.find((l) => l.endsWith('← selected'))?.startsWith(`${node} `)).toBe(true);
    // Columns line up: every row of the score table starts its TOTAL where the header does.
    const totalAt = lines[scoreHeader].indexOf('TOTAL');
    for (const row of lines.slice(scoreHeader + 1, scoreHeader + 4)) expect(row.slice(totalAt)).toMatch(/^\d+/);
  });

  it('a pod that fits nowhere: the FailedScheduling message, the failing plugin per node, exit 1', async () => {
    const r = await explain('--pod', 'ssd-only');
    expect(r.code).toBe(1);
    expect(r.out).toContain("0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector.");
    expect(r.out.split('\n').filter((l) => /^node-\d\s+FAIL\s+-\s+no\s+node\(s\) didn't match Pod's node affinity\/selector$/.test(l))).toHaveLength(3);
    expect(r.out).not.toContain('Score (');
  });

  it('a workload name explains its first pod, and a node turned down for cpu says Insufficient cpu', async () => {
    const r = await explain('--pod', 'default/web');
    expect(r.out.split('\n')[0]).toMatch(/^\(default\/web is not a pod: explaining default\/web-\w+-\w+, its first pod by name\)$/);
    const json = JSON.parse((await explain('--pod', 'default/web', '--json')).out);
    expect(json.pod).toMatch(/^default\/web-/);
    expect(json.attempts[0].filters.map((n: { node: string }) => n.node).sort()).toEqual(['node-1', 'node-2', 'node-3']);
  });

  it('an unknown pod is a usage error that lists the pods there are; --pod does not mix with --from', async () => {
    const r = await explain('--pod', 'default/nope');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/pod "default\/nope" not found after the simulation; pods in default: big, ssd-only, web-/);
    const mixed = await explain('--pod', 'big', '--from', 'external');
    expect(mixed.code).toBe(2);
    expect(mixed.err).toContain('does not go with --from');
  });
});
