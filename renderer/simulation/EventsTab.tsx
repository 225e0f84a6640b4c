/**
 * The Events tab: the run's events as `kubectl get events` lists them (LAST SEEN, TYPE, REASON,
 * OBJECT, MESSAGE), as they stand at the timeline cursor, filterable by type, reason and object.
 * A click on a row selects the card of the object the event is about (a pod's or ReplicaSet's
 * workload). Newest first, so what an action just did is at the top. The output of the last
 * apply (apply again, re-apply) heads the tab.
 */
import { useMemo, useState } from 'react';
import { UpstreamNote } from '../i18n/UpstreamNote';
import { useTranslation } from 'react-i18next';
import { objectKey } from '../../shared/model/object';
import type { PodRecord } from '../../shared/simulation/session';
import { select, useKubeplanStore } from '../store';
import { formatApplied, summarizeApplied, useLiveActions } from './actions';
import { eventsAt, useSimulationStore, type SessionEvent } from './store';

/** kubectl's age: `45s`, `3m`, `2m5s` below ten minutes, `1h`… */
export function formatAge(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return s % 60 ? `${m}m${s % 60}s` : `${m}m`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  return h < 48 ? `${h}h` : `${Math.floor(h / 24)}d`;
}

/** `Pod/web-1` → `pod/web-1`, as kubectl prints an event's object. */
const objectColumn = (e: SessionEvent) => {
  const i = e.object.indexOf('/');
  return i < 0 ? e.object : `${e.object.slice(0, i).toLowerCase()}${e.object.slice(i)}`;
};

/**
 * The design resource an event's object belongs to: the object itself when it is on the canvas,
 * else the top owner of a pod (or of a ReplicaSet's pods) the view knows.
 */
export function resourceForEvent(e: Pick<SessionEvent, 'object' | 'namespace'>, pods: readonly PodRecord[]): string | undefined {
  const [kind, ...rest] = e.object.split('/');
  const name = rest.join('/');
  const resources = useKubeplanStore.getState().design.resources;
  const direct = resources.find((r) => r.object.kind === kind && r.object.metadata.name === name && (kind === 'Node' || kind === 'Namespace' || (r.object.metadata.namespace || 'default') === e.namespace));
  if (direct) return direct.id;
  let owner: string | undefined;
  if (kind === 'Pod') owner = pods.find((p) => p.namespace === e.namespace && p.name === name)?.owner;
  else if (kind === 'ReplicaSet') owner = pods.find((p) => p.namespace === e.namespace && p.controller === `ReplicaSet/${name}`)?.owner;
  // A ReplicaSet whose pods are all gone (or never admitted): its Deployment is its name minus the hash.
  if (!owner && kind === 'ReplicaSet') {
    const deployment = name.replace(/-[a-z0-9]+$/, '');
    return resources.find((r) => r.object.kind === 'Deployment' && r.object.metadata.name === deployment && (r.object.metadata.namespace || 'default') === e.namespace)?.id;
  }
  return owner ? resources.find((r) => objectKey(r.object) === owner)?.id : undefined;
}

export function EventsTab() {
  const { t } = useTranslation();
  const cursor = useSimulationStore((s) => s.cursor);
  const frameCount = useSimulationStore((s) => s.frameCount);
  const status = useSimulationStore((s) => s.status);
  const time = useSimulationStore((s) => s.view?.time ?? 0);
  const lastApply = useLiveActions((s) => s.lastApply);
  const [type, setType] = useState('');
  const [reason, setReason] = useState('');
  const [object, setObject] = useState('');
  // eventsAt reads the frames received so far; frameCount makes new frames recompute it.
  const events = useMemo(() => (cursor >= 0 && frameCount > 0 ? eventsAt(cursor) : []), [cursor, frameCount]);
  const reasons = useMemo(() => [...new Set(events.map((e) => e.reason))].sort(), [events]);
  const needle = object.trim().toLowerCase();
  const shown = events
    .filter((e) => (!type || e.type === type) && (!reason || e.reason === reason) && (!needle || `${e.namespace}/${objectColumn(e)}`.toLowerCase().includes(needle)))
    .sort((a, b) => b.lastTime - a.lastTime || b.index - a.index);

  const open = (e: SessionEvent) => {
    const id = resourceForEvent(e, useSimulationStore.getState().view?.pods ?? []);
    if (id) select([id]);
  };

  return (
    <div className="events-tab" data-testid="events">
      <div className="events-filters">
        <select aria-label={t('live.events.type')} value={type} onChange={(e) => setType(e.target.value)} data-testid="events-type">
          <option value="">{t('live.events.allTypes')}</option>
          <option value="Normal">Normal</option>
          <option value="Warning">Warning</option>
        </select>
        <select aria-label={t('live.events.reason')} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="events-reason">
          <option value="">{t('live.events.allReasons')}</option>
          {reasons.map((r) => <option key={r} value={r}>{r}</option>)}
        </select>
        <input type="search" placeholder={t('live.events.filterObject')} aria-label={t('live.events.filterObject')} value={object} onChange={(e) => setObject(e.target.value)} data-testid="events-object" />
        <span className="muted">{t('live.events.count', { count: shown.length })}</span>
      </div>
      {lastApply && (
        <details className="apply-output" data-testid="apply-output">
          <summary className="mono">$ kubectl apply · {summarizeApplied(lastApply.lines) || t('live.nothingApplied')}</summary>
          <pre className="mono">{formatApplied(lastApply.lines)}</pre>
        </details>
      )}
      {status === 'idle' ? (
        <p className="muted pad">{t('live.events.idle')}</p>
      ) : shown.length === 0 ? (
        <p className="muted pad">{t('live.events.none')}</p>
      ) : (
        <table className="events-table mono">
          <thead>
            <tr>
              <th>{t('live.events.lastSeen')}</th>
              <th>{t('live.events.type')}</th>
              <th>{t('live.events.reason')}</th>
              <th>{t('live.events.object')}</th>
              <th>{t('live.events.message')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((e) => (
              <tr key={e.index} className={e.type === 'Warning' ? 'warning' : undefined} onClick={() => open(e)} data-testid="event-row" title={`${e.namespace} · ${e.source}${e.count > 1 ? ` · ×${e.count}` : ''}`}>
                <td>{formatAge(time - e.lastTime)}</td>
                <td>{e.type}</td>
                <td>{e.reason}</td>
                <td>{objectColumn(e)}</td>
                <td className="events-message">{e.message}<UpstreamNote message={e.message} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
