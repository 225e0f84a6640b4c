/** Every kind module, in palette order within each group. Add a new kind here. */
import { configMapKind } from './configmap';
import { cronJobKind } from './cronjob';
import { daemonSetKind } from './daemonset';
import { deploymentKind } from './deployment';
import { horizontalPodAutoscalerKind } from './horizontalpodautoscaler';
import { ingressKind } from './ingress';
import { jobKind } from './job';
import { limitRangeKind } from './limitrange';
import { namespaceKind } from './namespace';
import { networkPolicyKind } from './networkpolicy';
import { persistentVolumeKind } from './persistentvolume';
import { persistentVolumeClaimKind } from './persistentvolumeclaim';
import { podKind } from './pod';
import { resourceQuotaKind } from './resourcequota';
import { secretKind } from './secret';
import { serviceKind } from './service';
import { statefulSetKind } from './statefulset';
import { storageClassKind } from './storageclass';

export const ALL_KINDS = [
  // Cluster
  namespaceKind,
  // Workloads
  deploymentKind,
  statefulSetKind,
  daemonSetKind,
  jobKind,
  cronJobKind,
  podKind,
  horizontalPodAutoscalerKind,
  // Networking
  serviceKind,
  ingressKind,
  // Storage
  persistentVolumeClaimKind,
  persistentVolumeKind,
  storageClassKind,
  // Config
  configMapKind,
  secretKind,
  // Policy
  networkPolicyKind,
  resourceQuotaKind,
  limitRangeKind,
] as const;
