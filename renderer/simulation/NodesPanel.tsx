/**
 * The Nodes panel: each node of the cluster with its pods and cpu / memory / pods requested
 * against what it can allocate (bars), at the timeline cursor. Add node and Edit node change the
 * design's `cluster` section (design store, one undo step each; also in design mode); Cordon,
 * Uncordon and Drain are live actions on the finished run (renderer/simulation/actions.ts), and
 * the drained pods' moves show on the canvas as the timeline continues.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClusterNode } from '../../shared/design/types';
import type { NodeRecord, PodRecord } from '../../shared/simulation/session';
import { execute } from '../commands/execute';
import { select, useKubeplanStore } from '../store';
import { designNodes, liveRunId, useLiveActions } from './actions';
import { resourceForEvent } from './EventsTab';
import { useSimulationStore } from './store';

const GI = 1024 ** 3;

function formatCpu(milli: number): string {
  return milli % 1000 === 0 ? `${milli / 1000}` : `${milli}m`;
}

function formatMemory(bytes: number): string {
  if (bytes >= GI) return `${Math.round((bytes / GI) * 10) / 10}Gi`;
  return `${Math.round(bytes / 1024 ** 2)}Mi`;
}

/** Pods that hold a node's resources: scheduled there and not finished. */
const holds = (p: PodRecord) => p.phase !== 'Succeeded' && p.phase !== 'Failed';

function Bar({ label, used, total, text }: { label: string; used: number; total: number; text: string }) {
  const share = total > 0 ? Math.min(1, used / total) : 0;
  const tone = share >= 0.9 ? 'high' : share >= 0.7 ? 'mid' : 'low';
  return (
    <div className="node-bar" title={`${label}: ${text}`}>
      <span className="node-bar-label">{label}</span>
      <span className="node-bar-track" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={total} aria-valuenow={used}>
        <span className={`node-bar-fill ${tone}`} style={{ width: `${share * 100}%` }} />
      </span>
      <span className="node-bar-text mono">{text}</span>
    </div>
  );
}

function NodeForm({ node, onDone }: { node: ClusterNode; onDone: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({ name: node.name, cpu: node.cpu, memory: node.memory, pods: String(node.pods), zone: node.zone ?? '' });
  const field = (key: keyof typeof draft, label: string) => (
    <label className="node-field">
      <span>{label}</span>
      <input value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} data-testid={`node-field-${key}`} />
    </label>
  );
  const save = () => {
    const labels = { ...(node.labels ?? {}) };
    if (labels['kubernetes.io/hostname'] === node.name) labels['kubernetes.io/hostname'] = draft.name;
    if (draft.zone) labels['topology.kubernetes.io/zone'] = draft.zone;
    else delete labels['topology.kubernetes.io/zone'];
    const { zone: _zone, ...rest } = node;
    const next: ClusterNode = { ...rest, name: draft.name.trim(), cpu: draft.cpu.trim(), memory: draft.memory.trim(), pods: Number(draft.pods), ...(draft.zone ? { zone: draft.zone.trim() } : {}), labels };
    const before = useKubeplanStore.getState().design;
    execute('cluster:editNode', undefined, { name: node.name, node: next });
    if (useKubeplanStore.getState().design !== before) onDone();
  };
  return (
    <div className="node-form" data-testid="node-form">
      {field('name', t('live.nodes.name'))}
      {field('cpu', t('live.nodes.cpu'))}
      {field('memory', t('live.nodes.memory'))}
      {field('pods', t('live.nodes.pods'))}
      {field('zone', t('live.nodes.zone'))}
      <div className="node-form-actions">
        <button type="button" className="button primary" onClick={save} data-testid="node-save">{t('live.nodes.save')}</button>
        <button type="button" className="button" onClick={onDone}>{t('live.nodes.cancel')}</button>
      </div>
    </div>
  );
}

function NodeCard({ spec, record, pods }: { spec?: ClusterNode; record?: NodeRecord; pods: PodRecord[] }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const busy = useLiveActions((s) => s.busy);
  const live = useSimulationStore((s) => s.status === 'ready') && liveRunId() !== null;
  const name = record?.name ?? spec?.name ?? '';
  const held = pods.filter(holds);
  const cpu = held.reduce((n, p) => n + p.cpu, 0);
  const memory = held.reduce((n, p) => n + p.memory, 0);
  const open = (p: PodRecord) => {
    const id = resourceForEvent({ object: `Pod/${p.name}`, namespace: p.namespace }, pods);
    if (id) select([id]);
  };
  return (
    <li className={`node-card${record?.unschedulable ? ' cordoned' : ''}`} data-testid={`node-${name}`}>
      <header className="node-head">
        <strong className="mono">{name}</strong>
        {record?.unschedulable && <span className="badge warning">{t('live.nodes.cordoned')}</span>}
        {record && !record.ready && <span className="badge error">{t('live.nodes.notReady')}</span>}
        {spec?.zone && <span className="muted">{spec.zone}</span>}
        <span className="node-actions">
          {spec && <button type="button" className="button small" onClick={() => setEditing(!editing)} data-testid={`node-edit-${name}`}>{t('live.nodes.edit')}</button>}
          {record && (
            <>
              <button type="button" className="button small" disabled={!live || busy} onClick={() => execute(record.unschedulable ? 'simulate:uncordon' : 'simulate:cordon', undefined, { node: name })} data-testid={`node-cordon-${name}`}>
                {record.unschedulable ? t('live.nodes.uncordon') : t('live.nodes.cordon')}
              </button>
              <button type="button" className="button small" disabled={!live || busy} onClick={() => execute('simulate:drain', undefined, { node: name })} data-testid={`node-drain-${name}`}>{t('live.nodes.drain')}</button>
            </>
          )}
        </span>
      </header>
      {editing && spec && <NodeForm node={spec} onDone={() => setEditing(false)} />}
      {record ? (
        <>
          <Bar label={t('live.nodes.cpu')} used={cpu} total={record.cpu} text={`${formatCpu(cpu)} / ${formatCpu(record.cpu)}`} />
          <Bar label={t('live.nodes.memory')} used={memory} total={record.memory} text={`${formatMemory(memory)} / ${formatMemory(record.memory)}`} />
          <Bar label={t('live.nodes.pods')} used={held.length} total={record.pods} text={`${held.length} / ${record.pods}`} />
          <ul className="node-pods">
            {pods.length === 0 && <li className="muted">{t('live.nodes.noPods')}</li>}
            {pods.map((p) => (
              <li key={`${p.namespace}/${p.name}`}>
                <button type="button" className={`pod-chip phase-${p.phase.toLowerCase()}`} title={`${p.namespace}/${p.name} · ${p.status}${p.ip ? ` · ${p.ip}` : ''}`} onClick={() => open(p)} data-testid="node-pod">
                  {p.name}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        spec && <p className="muted mono node-capacity">{t('labels.nodeCapacity', { cpu: spec.cpu, memory: spec.memory, pods: spec.pods })}</p>
      )}
    </li>
  );
}

export function NodesPanel() {
  const { t } = useTranslation();
  const design = useKubeplanStore((s) => s.design);
  const view = useSimulationStore((s) => s.view);
  const specs = designNodes(design);
  const byName = new Map(specs.map((n) => [n.name, n]));
  const records = view?.nodes ?? [];
  const podsOn = new Map<string, PodRecord[]>();
  for (const p of view?.pods ?? []) {
    if (!p.node) continue;
    const list = podsOn.get(p.node);
    if (list) list.push(p);
    else podsOn.set(p.node, [p]);
  }
  // The running cluster's nodes when there is a run (added live nodes too), else the design's.
  const names = view ? [...new Set([...records.map((r) => r.name)])] : specs.map((n) => n.name);
  return (
    <div className="nodes-panel" data-testid="nodes-panel">
      <div className="nodes-toolbar">
        <button type="button" className="button" onClick={() => execute('cluster:addNode')} data-testid="node-add">{t('live.nodes.add')}</button>
        {!view && <span className="muted">{t('live.nodes.designHint')}</span>}
      </div>
      <ul className="node-list">
        {names.map((name) => (
          <NodeCard key={name} spec={byName.get(name)} record={records.find((r) => r.name === name)} pods={podsOn.get(name) ?? []} />
        ))}
      </ul>
    </div>
  );
}
