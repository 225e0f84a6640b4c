import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../shared/model/object';
import { nodeObject } from '../../../../shared/simulation/kubelet';
import { Framework } from '../../../../shared/simulation/scheduling/framework';
import { SchedulingRecorder } from '../../../../shared/simulation/scheduling/recorder';
import { DEFAULT_PROFILE } from '../../../../shared/simulation/scheduling/registry';
import type { FilterPlugin, ScorePlugin } from '../../../../shared/simulation/scheduling/types';

const noObjects = { getBy: () => undefined, list: () => [] };
const podObject = (name: string, labels: Record<string, string> = {}): Pod & KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels }, spec: { containers: [{ name: 'c', image: 'x' }] } });

function framework(profile = DEFAULT_PROFILE) {
  const fw = new Framework(noObjects, () => 0, profile);
  for (const name of ['a', 'b', 'c']) fw.setNode(nodeObject({ name, cpu: '4', memory: '8Gi', pods: 110, labels: { rack: name === 'c' ? 'r2' : 'r1' } }) as never);
  return fw;
}

// A throw-away plugin pair, added to the profile in one place: it must run, speak in the message and rank nodes.
const Rack: FilterPlugin & ScorePlugin = {
  name: 'Rack',
  preFilter: (state) => (state.pod.metadata.labels?.rack ? 'run' : 'skip'),
  filter: (state, info) => (info.node.metadata.labels?.rack === state.pod.metadata.labels?.rack ? null : ["node(s) were in another rack"]),
  score(_state, nodes, out) {
    for (let i = 0; i < nodes.length; i++) out[i] = nodes[i].name === 'b' ? 1 : 0;
  },
  normalize(scores, n) {
    for (let i = 0; i < n; i++) scores[i] *= 100;
  },
};
const withRack = { filters: [...DEFAULT_PROFILE.filters, Rack], scores: [...DEFAULT_PROFILE.scores, { plugin: Rack, weight: 5 }] };

describe('the plugin registry', () => {
  it('runs the Filter plugins in upstream order and the Score plugins with upstream weights', () => {
    expect(DEFAULT_PROFILE.filters.map((p) => p.name)).toEqual(['NodeUnschedulable', 'NodeName', 'TaintToleration', 'NodeAffinity', 'NodePorts', 'NodeResourcesFit', 'VolumeBinding', 'PodTopologySpread', 'InterPodAffinity']);
    expect(DEFAULT_PROFILE.scores.map((s) => `${s.plugin.name}×${s.weight}`)).toEqual(['TaintToleration×3', 'NodeAffinity×2', 'NodeResourcesFit×1', 'NodeResourcesBalancedAllocation×1', 'PodTopologySpread×2', 'InterPodAffinity×2']);
  });

  it('a plugin added to the profile filters nodes and its reason lands in FailedScheduling', () => {
    expect(framework(withRack).schedule(podObject('p', { rack: 'r9' }))).toEqual({
      message: '0/3 nodes are available: 3 node(s) were in another rack. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling..',
    });
    expect(framework(withRack).schedule(podObject('p', { rack: 'r2' }))).toEqual({ node: 'c' });
  });

  it('a plugin added to the profile scores with its weight, and the recorder shows it', () => {
    const fw = framework(withRack);
    fw.recorder = new SchedulingRecorder();
    expect(fw.schedule(podObject('p'))).toEqual({ node: 'b' });
    const [attempt] = fw.recorder.attempts('default/p');
    expect(attempt.preFilter.find((p) => p.plugin === 'Rack')?.status).toBe('Skip');
    expect(attempt.scores.find((s) => s.node === 'b')?.plugins.at(-1)).toEqual({ plugin: 'Rack', weight: 5, raw: 1, normalized: 100 });
    // Without the plugin the three empty nodes tie and the draw (here always 0) takes the first.
    expect(framework().schedule(podObject('p'))).toEqual({ node: 'a' });
  });
});
