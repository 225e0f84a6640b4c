/**
 * The Control plane tab: the lanes of the control plane (kubectl, apiserver, etcd,
 * controller-manager, scheduler, the kubelets) and the hops of the first workload's apply, one at a
 * time, from the simulator's own record (shared/lessons/controlPlane.ts). The walk is simulated
 * here, on demand, for designs up to MAX_RESOURCES (a classroom example takes a few milliseconds).
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { designObjects } from '../../shared/design';
import { CONTROL_PLANE_LANES, controlPlaneWalk, type ControlPlaneHop } from '../../shared/lessons';
import { metadataNamespace } from '../../shared/model/object';
import { simulate } from '../../shared/simulation/simulate';
import { useKubeplanStore, type KubeplanState } from '../store';
import { localized } from './store';

const MAX_RESOURCES = 150;
const WORKLOADS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job'];

function walkOf(design: KubeplanState['design']): { hops: ControlPlaneHop[]; target?: string } | 'too-big' {
  if (design.resources.length > MAX_RESOURCES) return 'too-big';
  const workload = design.resources.find((r) => WORKLOADS.includes(r.object.kind));
  if (!workload) return { hops: [] };
  const target = { kind: workload.object.kind, namespace: metadataNamespace(workload.object), name: workload.object.metadata?.name ?? '' };
  const run = simulate({ objects: designObjects(design), cluster: design.cluster });
  return { hops: controlPlaneWalk(run.timeline.flatMap((f) => f.messages), target), target: `${target.kind}/${target.name}` };
}

export function ControlPlaneTab() {
  const { t } = useTranslation();
  const resources = useKubeplanStore((s) => s.design.resources);
  const design = useKubeplanStore.getState().design;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- recomputed when the objects change, not the layout
  const walk = useMemo(() => walkOf(design), [resources]);
  const [index, setIndex] = useState(0);
  useEffect(() => setIndex(0), [walk]);
  if (walk === 'too-big') return <div className="control-plane" data-testid="control-plane"><p className="muted">{t('lessons.controlPlane.tooBig', { count: MAX_RESOURCES })}</p></div>;
  const { hops } = walk;
  if (hops.length === 0) return <div className="control-plane" data-testid="control-plane"><p className="muted">{t('lessons.controlPlane.none')}</p></div>;
  const hop = hops[Math.min(index, hops.length - 1)]!;
  const kubelets = [...new Set(hops.flatMap((h) => [h.from, h.to]).filter((x) => x.startsWith('kubelet/')))];
  const lanes = [...CONTROL_PLANE_LANES, ...kubelets];
  return (
    <div className="control-plane" data-testid="control-plane">
      <div className="cp-lanes">
        {lanes.map((lane) => (
          <div key={lane} className={`cp-lane${lane === hop.from ? ' from' : ''}${lane === hop.to ? ' to' : ''}`} data-lane={lane}>
            {lane.startsWith('kubelet/') ? `kubelet · ${lane.slice(8)}` : lane}
          </div>
        ))}
      </div>
      <p className="cp-hop" data-testid="control-plane-hop">
        <strong>{hop.from}</strong> → <strong>{hop.to}</strong> <code>{hop.action}</code> <span className="muted">{hop.object}</span>
      </p>
      <p className="cp-caption" data-testid="control-plane-caption">{localized(hop.caption)}</p>
      <div className="cp-controls">
        <button type="button" className="button" disabled={index === 0} data-testid="control-plane-previous" onClick={() => setIndex(index - 1)}>{t('lessons.back')}</button>
        <span className="muted">{t('lessons.controlPlane.hop', { step: index + 1, count: hops.length, target: walk.target })}</span>
        <button type="button" className="button primary" disabled={index >= hops.length - 1} data-testid="control-plane-next" onClick={() => setIndex(index + 1)}>{t('lessons.next')} →</button>
      </div>
    </div>
  );
}
