/**
 * Well-known cluster configuration kinds Kubeplan keeps as plain resources: their API identity,
 * scope and apply rank, so export orders and scopes them as `kubectl` would.
 */
import { APPLY_ORDER } from './defaults';
import type { KindInfo } from './types';

const kind = (k: string, apiVersion: string, resource: string, namespaced: boolean, applyOrder: number = APPLY_ORDER.Unranked, shortName?: string): KindInfo => ({
  kind: k, apiVersion, resource, namespaced, applyOrder, ...(shortName ? { shortName } : {}),
});

export const customResourceDefinitionKind = kind('CustomResourceDefinition', 'apiextensions.k8s.io/v1', 'customresourcedefinitions', false, APPLY_ORDER.CustomResourceDefinition, 'crd');
export const priorityClassKind = kind('PriorityClass', 'scheduling.k8s.io/v1', 'priorityclasses', false, APPLY_ORDER.PriorityClass, 'pc');
export const ingressClassKind = kind('IngressClass', 'networking.k8s.io/v1', 'ingressclasses', false, APPLY_ORDER.IngressClass);
export const podDisruptionBudgetKind = kind('PodDisruptionBudget', 'policy/v1', 'poddisruptionbudgets', true, APPLY_ORDER.PodDisruptionBudget, 'pdb');
export const runtimeClassKind = kind('RuntimeClass', 'node.k8s.io/v1', 'runtimeclasses', false);
export const validatingWebhookConfigurationKind = kind('ValidatingWebhookConfiguration', 'admissionregistration.k8s.io/v1', 'validatingwebhookconfigurations', false);
export const mutatingWebhookConfigurationKind = kind('MutatingWebhookConfiguration', 'admissionregistration.k8s.io/v1', 'mutatingwebhookconfigurations', false);
export const apiServiceKind = kind('APIService', 'apiregistration.k8s.io/v1', 'apiservices', false);
export const csiDriverKind = kind('CSIDriver', 'storage.k8s.io/v1', 'csidrivers', false);
export const volumeAttachmentKind = kind('VolumeAttachment', 'storage.k8s.io/v1', 'volumeattachments', false);
