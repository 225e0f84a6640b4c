/**
 * Canvas live actions as the console's user (docs/kubectl.md): while the console runs as someone
 * other than the built-in admin, the inspector's and Nodes panel's actions are sent as the kubectl
 * command they stand for, so RBAC authorises them like the user's typed commands (a developer's
 * Scale in another namespace is refused with the API server's Forbidden message).
 */
import type { KubectlResult, KubeplanApi, LiveAction, LiveActionResult, Result } from '../../shared/ipc/api';
import { kubeplanApi } from '../api';
import { designFiles } from './files';
import { useConsoleStore } from './store';

const ref = (kind: string, name: string) => `${kind.toLowerCase()}/${name}`;

/** The kubectl command a live action stands for, or undefined when it has none (apply again, add a node, load, traffic). */
export function kubectlFor(action: LiveAction): string[] | undefined {
  switch (action.action) {
    case 'scale':
      return ['scale', ref(action.kind, action.name), '-n', action.namespace, `--replicas=${action.replicas}`];
    case 'setImage':
      return ['set', 'image', ref(action.kind, action.name), '-n', action.namespace, `${action.container ?? '*'}=${action.image}`];
    case 'rollback':
      return ['rollout', 'undo', ref(action.kind, action.name), '-n', action.namespace, ...(action.toRevision ? [`--to-revision=${action.toRevision}`] : [])];
    case 'deletePod':
      return action.name ? ['delete', 'pod', action.name, '-n', action.namespace] : undefined;
    case 'crash':
      // kubectl has no crash: a signal to the container's main process is the nearest (docs/simulator.md, "Crash loops").
      return action.name ? ['exec', action.name, '-n', action.namespace, ...(action.container ? ['-c', action.container] : []), '--', 'kill', '1'] : undefined;
    case 'delete':
      return ['delete', ref(action.kind, action.name), '-n', action.namespace];
    case 'cordon':
    case 'uncordon':
      return [action.action, action.node];
    case 'drain':
      // The live drain evicts every pod but DaemonSets' (docs/scenarios.md), as these flags do.
      return ['drain', action.node, '--ignore-daemonsets', '--force'];
    case 'reapply':
      return ['apply', '-f', '.'];
    default:
      return undefined;
  }
}

/** Send `action` as the console's user; undefined when it goes the ordinary way (the admin, or no kubectl equivalent). */
export async function actAsUser(runId: string, action: LiveAction, api?: Pick<KubeplanApi, 'kubectlSimulation'>): Promise<Result<LiveActionResult> | undefined> {
  const { context } = useConsoleStore.getState();
  const argv = context === 'admin' ? undefined : kubectlFor(action);
  if (!argv) return undefined;
  const files = action.action === 'reapply' ? designFiles(action.design) : undefined;
  const r: Result<KubectlResult> = await (api ?? kubeplanApi()).kubectlSimulation({ runId, argv, context, ...(files ? { files } : {}) });
  if (!r.ok) return r;
  const error = r.value.exitCode === 0 ? undefined : r.value.stderr.trim() || `kubectl ${argv[0]} failed`;
  return { ok: true, value: { runId, frames: r.value.frames, applied: [], ...(error ? { error } : {}), ...(r.value.stopped ? { stopped: r.value.stopped } : {}) } };
}
