/**
 * The control-plane walk of one `kubectl apply`: from the simulator's own record of requests and
 * watch events (`ControlPlaneMessage`, shared/simulation/types.ts), the hops that carry one
 * workload from kubectl to a running container — apiserver, etcd, the controllers' watches, the
 * objects they create, the scheduler's binding, the kubelet — each with a one-line caption in
 * English and Simplified Chinese. Pure: the same messages give the same walk.
 */
import type { ControlPlaneMessage } from '../simulation/types';

export interface ControlPlaneHop {
  from: string;
  to: string;
  action: string;
  /** `Kind/namespace/name` */
  object: string;
  caption: { en: string; 'zh-CN': string };
}

/** The lanes of the view, top to bottom; kubelets are `kubelet/<node>`. */
export const CONTROL_PLANE_LANES = ['kubectl', 'apiserver', 'etcd', 'controller-manager', 'scheduler'] as const;

const split = (object: string) => {
  const [kind = '', namespace = '', name = ''] = object.split('/');
  return { kind, namespace, name };
};

/** Which requests and watches tell the story; each kind of hop is shown once. Etcd writes follow the request they store. */
function hopKey(m: ControlPlaneMessage): string | undefined {
  const { kind } = split(m.object);
  if (m.from === 'kubectl' && m.action === 'apply') return `apply:${kind}`;
  if (m.to === 'controller-manager' && m.action === 'watch ADDED' && kind !== 'Pod') return `watch-cm:${kind}`;
  if (m.from === 'controller-manager' && m.action === 'create') return `create:${kind}`;
  if (m.to === 'scheduler' && m.action.startsWith('watch')) return `watch-sched:${kind}`;
  if (m.from === 'scheduler' && m.action === 'bind') return `bind:${kind}`;
  if (m.to.startsWith('kubelet/') && m.action.startsWith('watch')) return `watch-kubelet:${kind}`;
  if (m.from.startsWith('kubelet/') && m.action === 'updateStatus') return `status:${kind}`;
  return undefined;
}

function caption(m: ControlPlaneMessage, written: string): ControlPlaneHop['caption'] {
  const { kind, name } = split(m.object);
  const obj = name ? `${kind} ${name}` : kind;
  const node = m.to.startsWith('kubelet/') ? m.to.slice(8) : m.from.slice(8);
  if (m.from === 'kubectl') return { en: `kubectl apply sends ${obj} to the API server: authentication, authorization, admission.`, 'zh-CN': `kubectl apply 把 ${obj} 发送给 API Server：认证、鉴权、准入控制。` };
  if (m.to === 'etcd') {
    if (written === 'bind') return { en: `The API server writes the binding of ${obj} to etcd.`, 'zh-CN': `API Server 把 ${obj} 的绑定写入 etcd。` };
    if (written === 'status') return { en: `The API server stores the status of ${obj} in etcd.`, 'zh-CN': `API Server 把 ${obj} 的状态保存到 etcd。` };
    return { en: `The API server writes ${obj} to etcd.`, 'zh-CN': `API Server 把 ${obj} 写入 etcd。` };
  }
  if (m.to === 'controller-manager') return { en: `The controller-manager's watch receives ${obj} (event ADDED).`, 'zh-CN': `controller-manager 通过 watch 收到 ${obj}（ADDED 事件）。` };
  if (m.action === 'create') {
    const by = kind === 'Pod' ? 'ReplicaSet' : kind === 'ReplicaSet' ? 'Deployment' : 'A';
    return { en: `The ${by} controller compares desired and actual state and asks the API server to create a ${kind}.`, 'zh-CN': `${by} 控制器比较期望状态与实际状态，请求 API Server 创建一个 ${kind}。` };
  }
  if (m.to === 'scheduler') return { en: `The scheduler's watch sees ${obj}, which has no node yet.`, 'zh-CN': `调度器通过 watch 发现 ${obj} 还没有节点。` };
  if (m.action === 'bind') return { en: `The scheduler filters and scores the nodes and asks the API server to bind ${obj} to one.`, 'zh-CN': `调度器对节点进行过滤和打分，请求 API Server 把 ${obj} 绑定到其中一个节点。` };
  if (m.to.startsWith('kubelet/')) return { en: `The kubelet on ${node} is notified: ${obj} is bound to its node.`, 'zh-CN': `${node} 上的 kubelet 收到通知：${obj} 已绑定到它的节点。` };
  return { en: `The kubelet on ${node} starts the containers through the container runtime (CRI) and reports the status back.`, 'zh-CN': `${node} 上的 kubelet 通过容器运行时（CRI）启动容器，并把状态报告回去。` };
}

/**
 * The walk of the first apply of `kind`/`name` in `namespace`: the hops of that object and of the
 * objects its controllers create for it (names that start with its name: its ReplicaSet, its pods),
 * each kind of hop once, in the order they happened.
 */
export function controlPlaneWalk(messages: readonly ControlPlaneMessage[], target: { kind: string; namespace: string; name: string }): ControlPlaneHop[] {
  const start = messages.findIndex((m) => m.from === 'kubectl' && m.object === `${target.kind}/${target.namespace}/${target.name}`);
  if (start < 0) return [];
  const involved = (object: string) => {
    const o = split(object);
    return o.namespace === target.namespace && (o.name === '' || o.name === target.name || o.name.startsWith(`${target.name}-`));
  };
  const seen = new Set<string>();
  const hops: ControlPlaneHop[] = [];
  /** The kept request the API server is about to store: its etcd write is the next hop. */
  let storing: string | undefined;
  for (const m of messages.slice(start)) {
    if (m.step !== messages[start]!.step) break;
    if (!involved(m.object) || /^Endpoint/.test(split(m.object).kind)) continue;
    if (m.from === 'kubectl' && hops.length > 0) break; // the next object's apply
    if (m.from === 'apiserver' && m.to === 'etcd') {
      if (storing === undefined) continue;
      hops.push({ from: m.from, to: m.to, action: m.action, object: m.object, caption: caption(m, storing) });
      storing = undefined;
      continue;
    }
    const key = hopKey(m);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    hops.push({ from: m.from, to: m.to, action: m.action, object: m.object, caption: caption(m, '') });
    if (m.to === 'apiserver') storing = m.action === 'bind' ? 'bind' : m.action === 'updateStatus' ? 'status' : m.action;
  }
  return hops;
}
