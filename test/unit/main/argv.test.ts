import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesFromArgv } from '../../../main/core/argv';

describe('files named on the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubeplan-argv-'));
  writeFileSync(join(dir, 'shop.kubeplan.yaml'), 'kubeplan: 1\n');
  writeFileSync(join(dir, 'app.yaml'), 'kind: List\n');
  writeFileSync(join(dir, 'notes.txt'), 'x');

  it('opens existing designs and manifests, relative to the working folder', () => {
    const argv = ['/opt/Kubeplan/kubeplan', '--no-sandbox', 'shop.kubeplan.yaml', 'app.yaml', 'notes.txt', 'missing.yaml', '.'];
    expect(filesFromArgv(argv, dir)).toEqual([join(dir, 'shop.kubeplan.yaml'), join(dir, 'app.yaml')]);
  });

  it('ignores the executable and flags', () => {
    expect(filesFromArgv([join(dir, 'app.yaml'), '--inspect=app.yaml'], dir)).toEqual([]);
  });
});
