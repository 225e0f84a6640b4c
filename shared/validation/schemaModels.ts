/**
 * The kinds whose objects are checked against the Kubernetes OpenAPI schema, through the
 * precompiled ajv validators of kubernetes-models (one module per kind, so only these are bundled).
 */
import { DaemonSet } from 'kubernetes-models/apps/v1/DaemonSet';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { ReplicaSet } from 'kubernetes-models/apps/v1/ReplicaSet';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { HorizontalPodAutoscaler as HorizontalPodAutoscalerV1 } from 'kubernetes-models/autoscaling/v1/HorizontalPodAutoscaler';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { CronJob } from 'kubernetes-models/batch/v1/CronJob';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { IngressClass } from 'kubernetes-models/networking.k8s.io/v1/IngressClass';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import { ClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding';
import { Role } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Role';
import { RoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding';
import { StorageClass } from 'kubernetes-models/storage.k8s.io/v1/StorageClass';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { LimitRange } from 'kubernetes-models/v1/LimitRange';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { PersistentVolume } from 'kubernetes-models/v1/PersistentVolume';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { Pod } from 'kubernetes-models/v1/Pod';
import { ResourceQuota } from 'kubernetes-models/v1/ResourceQuota';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';

/** A kubernetes-models class: its type meta and a `validate()` that throws an ajv ValidationError. */
export interface SchemaModel {
  apiVersion: string;
  kind: string;
  prototype: { validate(): void };
}

export const SCHEMA_MODELS: readonly SchemaModel[] = [
  Namespace, Pod, Service, ConfigMap, Secret, PersistentVolume, PersistentVolumeClaim, ResourceQuota,
  LimitRange, ServiceAccount, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Ingress,
  IngressClass, NetworkPolicy, StorageClass, HorizontalPodAutoscaler, HorizontalPodAutoscalerV1,
  PodDisruptionBudget, Role, RoleBinding, ClusterRole, ClusterRoleBinding,
];

/** API groups served by every cluster: a kind of ours in one of these at an unknown version is not served. */
export const BUILT_IN_GROUPS = new Set([
  '', 'apps', 'batch', 'extensions', 'autoscaling', 'policy', 'networking.k8s.io', 'storage.k8s.io',
  'rbac.authorization.k8s.io',
]);
