/**
 * Service port defaulting shared by validation and the network simulation.
 */

/**
 * The targetPort a Service port really has: its own, or `port` when unset, 0 or ""
 * (kubernetes/pkg/apis/core/v1/defaults.go, SetDefaults_Service).
 */
export function targetPortOf(port: { port?: unknown; targetPort?: unknown }): unknown {
  const t = port.targetPort;
  return t === undefined || t === null || t === 0 || t === '' ? port.port : t;
}

/** Whether a Service port's targetPort comes from its `port` (unset, 0 or ""). */
export function targetPortDefaulted(port: { targetPort?: unknown }): boolean {
  const t = port.targetPort;
  return t === undefined || t === null || t === 0 || t === '';
}
