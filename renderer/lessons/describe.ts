/** One line per step condition, in the interface's language (the step's own `task` text wins). */
import i18next from 'i18next';
import { commandSpec } from '../../shared/ipc/commands';
import type { CardRef, LessonCondition } from '../../shared/lessons';

const card = (c: CardRef) => (c.name ? `${c.kind} ${c.name}` : c.kind);

export function describeCondition(c: LessonCondition): string {
  const t = i18next.t.bind(i18next);
  if ('command' in c) {
    const id = typeof c.command === 'string' ? c.command : c.command.id;
    const spec = commandSpec(id);
    const label = spec ? t(spec.labelKey) : id;
    const args = typeof c.command === 'object' && c.command.args ? Object.entries(c.command.args) : [];
    return args.length > 0 ? t('lessonSteps.commandArgs', { label, args: args.map(([k, v]) => `${k}=${String(v)}`).join(', ') }) : t('lessons.require.command', { label });
  }
  if ('kubectl' in c) {
    const k = c.kubectl;
    const as = k.user ? t('lessonSteps.kubectlAs', { user: k.user }) : '';
    const command = k.command.replace(/^kubectl\s+/, '');
    return t((k.exitCode ?? 0) === 0 ? 'lessonSteps.kubectl' : 'lessonSteps.kubectlRefused', { as, command });
  }
  if ('object' in c) {
    const o = c.object;
    const name = o.name ?? o.namespace ?? '';
    if (o.field === undefined) return t('lessonSteps.objectExists', { kind: o.kind, name });
    const value = o.equals === undefined ? '…' : String(o.equals);
    return o.name || (o.count ?? 1) === 1 ? t('lessonSteps.object', { kind: o.kind, name, field: o.field, value }) : t('lessonSteps.objectAny', { kind: o.kind, count: o.count ?? 1, field: o.field, value });
  }
  if ('applied' in c) {
    const a = c.applied;
    return t('lessonSteps.applied', { target: a.kind ? `${a.kind.toLowerCase()}/${a.name ?? '…'}` : '…', result: a.result });
  }
  if ('traffic' in c) {
    const verdict = t(`traffic.verdict.${c.traffic.verdict}`);
    return c.traffic.flow ? t('lessonSteps.traffic', { flow: c.traffic.flow, verdict }) : t('lessonSteps.trafficAny', { verdict });
  }
  if ('card' in c) {
    const k = c.card;
    if (k.field !== undefined && k.equals !== undefined) return t('lessons.require.cardField', { kind: k.kind, name: k.name ?? '', field: k.field, value: String(k.equals) });
    if ((k.count ?? 1) > 1) return t('lessons.require.cardCount', { kind: k.kind, count: k.count });
    return k.name ? t('lessons.require.cardNamed', { kind: k.kind, name: k.name }) : t('lessons.require.card', { kind: k.kind });
  }
  if ('connected' in c) return t('lessons.require.connected', { from: card(c.connected.from), to: card(c.connected.to) });
  if ('simulation' in c) return t('lessons.require.simulation');
  if ('pods' in c) {
    const p = c.pods;
    const status = p.reason ?? p.status ?? 'Running';
    return p.owner ? t('lessons.require.podsOf', { count: p.count ?? 1, owner: p.owner, status }) : t('lessons.require.pods', { count: p.count ?? 1, status });
  }
  if ('event' in c) {
    const e = c.event;
    if (e.message) return t('lessonSteps.eventMessage', { reason: e.reason, message: e.message });
    return e.since === 'run' ? t('lessons.require.event', { reason: e.reason }) : t('lessonSteps.eventNew', { reason: e.reason });
  }
  return '';
}
