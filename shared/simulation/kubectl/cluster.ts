/** The simulated cluster's name in kubeconfig contexts. */
export const CLUSTER_NAME = 'kubeplan';
