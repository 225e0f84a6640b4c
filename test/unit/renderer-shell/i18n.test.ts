import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/i18n/en';
import { zhCN } from '../../../renderer/i18n/zh-CN';

function leaves(o: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of leaves(v as Record<string, unknown>, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

describe('UI strings', () => {
  const a = leaves(en);
  const b = leaves(zhCN);
  it('every English string has a Simplified Chinese translation and none is empty', () => {
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [k, v] of b) expect(v.trim(), k).not.toBe('');
  });

  it('translations keep the same {{placeholders}} as the English text', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [k, v] of a) expect(vars(b.get(k)!), k).toEqual(vars(v));
  });
});
