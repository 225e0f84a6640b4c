import { describe, expect, it } from 'vitest';
import { parseDesign } from '../../../shared/design';

describe('a design whose envelope has the wrong shape', () => {
  it.each([
    ['kubeplan: {a: 1}\nresources: []\n', 1, '"kubeplan:" is the design format version, a number like 1, not a mapping'],
    ['name: x\nkubeplan: [1]\n', 2, '"kubeplan:" is the design format version, a number like 1, not a list'],
    ['kubeplan: "1"\n', 1, '"kubeplan:" is the design format version, a number like 1, not string "1"'],
  ])('%j is refused naming the field and its line', (text, line, message) => {
    expect(parseDesign(text, 'd.kubeplan.yaml')).toEqual({ error: { file: 'd.kubeplan.yaml', line, message } });
  });
});
