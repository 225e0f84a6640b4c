/**
 * EndpointSlice controller: for every Service with a selector, the pods it selects in its own
 * namespace, with their readiness; named targetPorts looked up per pod (pods without the name are
 * left out). One slice per distinct port mapping.
 */
import { targetPortOf } from '../../model/service';
import type { Container, Pod, Service, ServicePort } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../model/object';
import { mapSelectorMatches } from '../../model/selector';
import type { Cluster, Controller } from '../cluster';
import { stableStringify } from '../rng';
import { nsOf, storeKey, type WatchEvent } from '../store';
import { isReady, isTerminal, ownerRefTo, remove, update } from './util';

type Svc = Service & KubeObject;

const SERVICE_NAME = 'kubernetes.io/service-name';
const USER = 'system:serviceaccount:kube-system:endpointslice-controller';

/** The port a Service port reaches on a pod: numeric targetPort as is, a name looked up in the pod's containers. */
export function resolveTargetPort(sp: ServicePort, containers: Container[]): number | undefined {
  const tp = targetPortOf(sp) as number | string;
  if (typeof tp === 'number') return tp;
  if (/^\d+$/.test(tp)) return Number(tp);
  for (const ct of containers) for (const p of ct.ports ?? []) if (p.name === tp && (p.protocol ?? 'TCP') === (sp.protocol ?? 'TCP')) return p.containerPort;
  return undefined;
}

export class EndpointSliceController implements Controller {
  readonly name = 'endpointslice-controller';
  readonly component = 'controller-manager' as const;

  /** What each slice was last written with, so an unchanged sync costs a string compare. */
  private readonly written = new Map<string, string>();

  constructor(private readonly c: Cluster) {}

  handle(ev: WatchEvent): void {
    const o = ev.object;
    if (o.kind === 'Service') {
      if (ev.type !== 'DELETED') this.c.enqueue(this, storeKey(o));
    } else if (o.kind === 'Pod') {
      const ns = nsOf(o);
      for (const svc of this.c.store.list('Service', ns) as Svc[]) {
        const sel = svc.spec?.selector;
        if (mapSelectorMatches(sel, o.metadata.labels) || (ev.old && mapSelectorMatches(sel, ev.old.metadata.labels))) this.c.enqueue(this, storeKey(svc));
      }
    }
  }

  sync(key: string): void {
    const c = this.c;
    const svc = c.store.get(key) as Svc | undefined;
    if (!svc || !svc.spec?.selector || svc.spec.type === 'ExternalName') return;
    const ns = nsOf(svc);
    const groups = new Map<string, { ports: object[]; endpoints: object[]; fingerprint: string }>();
    for (const pod of c.store.list('Pod', ns) as (Pod & KubeObject)[]) {
      if (!mapSelectorMatches(svc.spec.selector, pod.metadata.labels) || isTerminal(pod) || !pod.status?.podIP) continue;
      const ports: object[] = [];
      for (const sp of svc.spec.ports ?? []) {
        const port = resolveTargetPort(sp, pod.spec?.containers ?? []);
        if (port === undefined) continue;
        ports.push({ ...(sp.name ? { name: sp.name } : {}), port, protocol: sp.protocol ?? 'TCP' });
      }
      if ((svc.spec.ports?.length ?? 0) > 0 && ports.length === 0) continue;
      const terminating = !!pod.metadata.deletionTimestamp;
      const ready = (isReady(pod) || !!svc.spec.publishNotReadyAddresses) && !terminating;
      const sig = ports.map((p) => `${(p as { name?: string }).name ?? ''}:${(p as { port: number }).port}/${(p as { protocol: string }).protocol}`).join(',');
      const g = groups.get(sig) ?? { ports, endpoints: [], fingerprint: sig };
      g.fingerprint += `|${pod.status.podIP}/${ready ? 1 : 0}${isReady(pod) ? 1 : 0}${terminating ? 1 : 0}/${pod.spec?.nodeName ?? ''}/${pod.metadata.name}`;
      g.endpoints.push({
        addresses: [pod.status.podIP],
        conditions: { ready, serving: isReady(pod), terminating },
        nodeName: pod.spec?.nodeName,
        targetRef: { kind: 'Pod', namespace: ns, name: pod.metadata.name, uid: pod.metadata.uid },
      });
      groups.set(sig, g);
    }
    const existing = c.store.list('EndpointSlice', ns).filter((s) => s.metadata.labels?.[SERVICE_NAME] === svc.metadata.name);
    const wanted = [...groups.values()];
    if (wanted.length === 0) wanted.push({ ports: [], endpoints: [], fingerprint: '' });
    wanted.forEach((g, i) => {
      const slice = existing[i];
      const body = { addressType: 'IPv4', endpoints: g.endpoints, ports: g.ports };
      if (slice) {
        const sliceKey = storeKey(slice);
        const known = this.written.get(sliceKey);
        const changed = known !== undefined ? known !== g.fingerprint : stableStringify({ e: slice.endpoints, p: slice.ports }) !== stableStringify({ e: body.endpoints, p: body.ports });
        if (changed) update(c, USER, 'controller-manager', { ...slice, ...body });
        this.written.set(sliceKey, g.fingerprint);
      } else {
        const r = c.api.request({
          verb: 'create', user: USER, component: 'controller-manager',
          object: {
            apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
            metadata: { name: '', generateName: `${svc.metadata.name}-`, namespace: ns, labels: { [SERVICE_NAME]: svc.metadata.name, 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' }, ownerReferences: [ownerRefTo(svc)] },
            ...body,
          },
        });
        if (r.ok) this.written.set(storeKey(r.object), g.fingerprint);
      }
    });
    for (const extra of existing.slice(wanted.length)) {
      this.written.delete(storeKey(extra));
      remove(c, USER, 'controller-manager', extra);
    }
  }
}
