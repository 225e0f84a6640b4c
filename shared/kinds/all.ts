/** Every kind module, in palette order within each group. Add a new kind here. */
import { apiServiceKind, csiDriverKind, customResourceDefinitionKind, ingressClassKind, mutatingWebhookConfigurationKind, podDisruptionBudgetKind, priorityClassKind, runtimeClassKind, validatingWebhookConfigurationKind, volumeAttachmentKind } from './clusterconfig';
import { endpointSliceKind } from './endpointslice';
import { eventKind } from './event';
import { nodeKind } from './node';
import { clusterRoleBindingKind, clusterRoleKind, roleBindingKind, roleKind } from './rbac';
import { replicaSetKind } from './replicaset';
import { replicationControllerKind } from './replicationcontroller';
import { serviceAccountKind } from './serviceaccount';
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
  // Access control
  serviceAccountKind,
  roleKind,
  roleBindingKind,
  clusterRoleKind,
  clusterRoleBindingKind,
] as const;

/** Kinds the cluster has that the palette does not offer: API identity and display only. */
export const API_ONLY_KINDS = [
  replicaSetKind,
  replicationControllerKind,
  endpointSliceKind,
  nodeKind,
  eventKind,
  customResourceDefinitionKind,
  priorityClassKind,
  ingressClassKind,
  podDisruptionBudgetKind,
  runtimeClassKind,
  validatingWebhookConfigurationKind,
  mutatingWebhookConfigurationKind,
  apiServiceKind,
  csiDriverKind,
  volumeAttachmentKind,
] as const;
