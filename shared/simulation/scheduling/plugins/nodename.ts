/** NodeName (pkg/scheduler/framework/plugins/nodename): a pod that names its node fits only there. */
import type { FilterPlugin } from '../types';

const NODE_NAME = ["node(s) didn't match the requested node name"];

export const NodeName: FilterPlugin = {
  name: 'NodeName',
  preFilter: (state) => (state.pod.spec?.nodeName ? 'run' : 'skip'),
  filter: (state, info) => (state.pod.spec?.nodeName !== info.name ? NODE_NAME : null),
};
