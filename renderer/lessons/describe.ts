/** One line per step condition, in the interface's language (the step's own `task` text wins). */
import i18next from 'i18next';
import { commandSpec } from '../../shared/ipc/commands';
import type { CardRef, LessonCondition } from '../../shared/lessons';

const card = (c: CardRef) => (c.name ? `${c.kind} ${c.name}` : c.kind);

export function describeCondition(c: LessonCondition): string {
  const t = i18next.t.bind(i18next);
  if ('command' in c) {
    const spec = commandSpec(c.command);
    return t('lessons.require.command', { label: spec ? t(spec.labelKey) : c.command });
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
  return t('lessons.require.event', { reason: c.event.reason });
}
