import { describe, expect, it } from 'vitest';
import { DESIGN_FORMAT_VERSION, emptyDesign, parseDesign, serializeDesign, type Design } from '../../../shared/design';

function withFlows(): Design {
  const d = emptyDesign('traffic');
  d.flows = [
    { id: 'f1', name: 'shoppers', from: 'external', to: 'http://shop.example.com/', rate: 40 },
    { id: 'f2', name: 'dns', from: 'shop/api', to: 'kube-system/kube-dns:53', rate: 2.5, protocol: 'UDP' },
  ];
  return d;
}

describe('traffic flows in the design file (format 2)', () => {
  it('round-trips flows, written as format 2 under flows:', () => {
    const text = serializeDesign(withFlows());
    expect(text).toContain('\nkubeplan: 2\n');
    expect(text).toContain('flows:\n  - id: f1\n    name: shoppers\n    from: external\n    to: http://shop.example.com/\n    rate: 40\n');
    const back = parseDesign(text, 'traffic.kubeplan.yaml');
    if ('error' in back) throw new Error(back.error.message);
    expect(back.warnings).toEqual([]);
    expect(back.design.flows).toEqual(withFlows().flows);
    expect(back.design.formatVersion).toBe(DESIGN_FORMAT_VERSION);
  });

  it('writes a design without flows as format 1, so older versions open it', () => {
    const text = serializeDesign(emptyDesign('plain'));
    expect(text).toContain('\nkubeplan: 1\n');
    expect(text).not.toContain('flows');
  });

  it('opens format 1 files without a warning and without flows', () => {
    const r = parseDesign('kubeplan: 1\nname: old\nresources: []\n', 'old.kubeplan.yaml');
    if ('error' in r) throw new Error(r.error.message);
    expect(r.warnings).toEqual([]);
    expect(r.design.flows).toBeUndefined();
  });

  it('names the file line of a bad flow', () => {
    const text = 'kubeplan: 2\nname: x\nflows:\n  - id: a\n    name: a\n    from: external\n    to: node:30080\n    rate: -1\n';
    expect(parseDesign(text, 'x.kubeplan.yaml')).toEqual({ error: { file: 'x.kubeplan.yaml', line: 8, message: 'flows[0].rate: Too small: expected number to be >0' } });
    const dup = 'kubeplan: 2\nname: x\nflows:\n  - { id: a, name: a, from: external, to: "node:1", rate: 1 }\n  - { id: a, name: b, from: external, to: "node:2", rate: 1 }\n';
    expect(parseDesign(dup, 'x.kubeplan.yaml')).toEqual({ error: { file: 'x.kubeplan.yaml', line: 5, message: 'flows[1].id "a" is already used by flows[0]' } });
  });
});
