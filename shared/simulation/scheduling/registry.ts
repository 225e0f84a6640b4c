/**
 * The default profile: the Filter plugins in upstream's order and the Score plugins with
 * upstream's default weights (pkg/scheduler/apis/config/v1/default_plugins.go). See README.md.
 */
import { NodeAffinity } from './plugins/nodeaffinity';
import { NodeName } from './plugins/nodename';
import { NodePorts } from './plugins/nodeports';
import { NodeResourcesBalancedAllocation, NodeResourcesFit } from './plugins/noderesources';
import { NodeUnschedulable } from './plugins/nodeunschedulable';
import { InterPodAffinity } from './plugins/interpodaffinity';
import { PodTopologySpread } from './plugins/podtopologyspread';
import { TaintToleration } from './plugins/tainttoleration';
import { VolumeBinding } from './plugins/volumebinding';
import type { Profile } from './types';

export const DEFAULT_PROFILE: Profile = {
  filters: [NodeUnschedulable, NodeName, TaintToleration, NodeAffinity, NodePorts, NodeResourcesFit, VolumeBinding, PodTopologySpread, InterPodAffinity],
  scores: [
    { plugin: TaintToleration, weight: 3 },
    { plugin: NodeAffinity, weight: 2 },
    { plugin: NodeResourcesFit, weight: 1 },
    { plugin: NodeResourcesBalancedAllocation, weight: 1 },
    { plugin: PodTopologySpread, weight: 2 },
    { plugin: InterPodAffinity, weight: 2 },
  ],
};
