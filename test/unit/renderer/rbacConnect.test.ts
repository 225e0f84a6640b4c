// Connecting RBAC cards on the canvas: one undo step, the edge drawn with its edge kind.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emptyDesign } from '../../../shared/design/types';
import { addResource, connect, replaceDesign, selectEdges, setViewport, undo, useKubeplanStore } from '../../../renderer/store';
import { resourceSubtitle } from '../../../renderer/kinds/registry';
import { paletteGroups } from '../../../renderer/palette/paletteGroups';
import i18next from 'i18next';
import { en } from '../../../renderer/i18n/en';
import { zhCN } from '../../../renderer/i18n/zh-CN';

const state = () => useKubeplanStore.getState();
const byId = (id: string) => state().design.resources.find((r) => r.id === id)!;

beforeAll(async () => {
  await i18next.init({ lng: 'en', resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } }, interpolation: { escapeValue: false } });
});

beforeEach(() => {
  replaceDesign(emptyDesign());
  setViewport({ x: 0, y: 0, scale: 1 });
});

describe('RBAC cards', () => {
  it('are offered in the Access control palette group', () => {
    expect(paletteGroups().find((g) => g.group === 'Access')?.kinds.map((k) => k.kind)).toEqual(['ServiceAccount', 'Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding']);
  });

  it('RoleBinding → Role writes roleRef and draws a role-ref edge; one undo takes it back', async () => {
    const role = addResource('Role', { x: 300, y: 0 })!;
    const rb = addResource('RoleBinding', { x: 0, y: 0 })!;
    const before = state().design;
    expect(connect(rb, role)).toMatchObject({ ok: true });
    expect(byId(rb).object.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'pod-reader' });
    const edge = selectEdges(state()).find((e) => e.sourceId === rb && e.targetId === role);
    expect(edge?.relation).toBe('role-ref');
    expect(resourceSubtitle(byId(rb).object)).toBe('→ pod-reader');
    await i18next.changeLanguage('zh-CN');
    expect(resourceSubtitle(byId(role).object)).toBe('1 条规则');
    await i18next.changeLanguage('en');
    expect(resourceSubtitle(byId(role).object)).toBe('1 rule');
    undo();
    expect(state().design).toBe(before);
  });

  it('RoleBinding → ServiceAccount adds the subject and draws a subject edge; one undo takes it back', () => {
    const sa = addResource('ServiceAccount', { x: 300, y: 200 })!;
    const rb = addResource('RoleBinding', { x: 0, y: 0 })!;
    const before = state().design;
    expect(connect(sa, rb)).toMatchObject({ ok: true });
    expect(byId(rb).object.subjects).toEqual([{ kind: 'ServiceAccount', name: 'app', namespace: 'default' }]);
    expect(selectEdges(state()).find((e) => e.sourceId === rb && e.targetId === sa)?.relation).toBe('subject');
    undo();
    expect(state().design).toBe(before);
  });
});
