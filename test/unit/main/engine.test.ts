import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { engine } from '../../../main/core/engineImpl';
import { createOps } from '../../../main/core/ops';
import { createHeavyWork } from '../../../main/core/workerClient';

const ops = createOps(engine);
const dir = mkdtempSync(join(tmpdir(), 'kubeplan-engine-'));

const SHOP = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          x-custom-field: kept
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector: {app: web}
  ports:
    - port: 80
      targetPort: 80
`;

describe('the real engine behind the worker', () => {
  it('imports manifests, saves the design, and reopens it with layout and unknown fields intact', async () => {
    const manifests = join(dir, 'shop.yaml');
    writeFileSync(manifests, SHOP);
    const imported = await ops.importPaths({ paths: [manifests], name: 'shop' });
    expect(imported.design.resources.map((r) => r.object.kind).sort()).toEqual(['Deployment', 'Namespace', 'Service']);
    const file = join(dir, 'shop.kubeplan.yaml');
    writeFileSync(file, ops.serialize({ design: imported.design }));
    const reopened = await ops.openPath({ path: file });
    expect(reopened.path).toBe(file);
    expect(reopened.design.resources).toEqual(imported.design.resources);
    expect(reopened.design.layout.positions).toEqual(imported.design.layout.positions);
    expect(JSON.stringify(reopened.design)).toContain('x-custom-field');
  });

  it('refuses a broken design with file and line', async () => {
    const file = join(dir, 'broken.kubeplan.yaml');
    writeFileSync(file, 'kubeplan: 1\nname: shop\nresources:\n  - id: r1\n    object: {kind: [\n');
    await expect(ops.openPath({ path: file })).rejects.toMatchObject({ apiError: { file, line: expect.any(Number) } });
  });

  it('exports one file per namespace, cluster-scoped objects in _cluster.yaml', async () => {
    const manifests = join(dir, 'export.yaml');
    writeFileSync(manifests, SHOP);
    const { design } = await ops.importPaths({ paths: [manifests], name: 'shop' });
    const exported = ops.export({ design, mode: 'folder' });
    expect(exported.mode === 'folder' && exported.files.map(([name]) => name)).toEqual(['_cluster.yaml', 'shop.yaml']);
  });

  it('validates: a Service that selects no pods is reported', async () => {
    const manifests = join(dir, 'orphan.yaml');
    writeFileSync(manifests, SHOP.replace('selector: {app: web}\n  ports', 'selector: {app: nothing}\n  ports'));
    const { design } = await ops.importPaths({ paths: [manifests], name: 'orphan' });
    const problems = ops.validate({ design });
    expect(problems.some((p) => p.kind === 'Service' && p.name === 'web')).toBe(true);
  });
});

describe('the real worker thread', () => {
  const work = createHeavyWork(join(import.meta.dirname, 'fixtures', 'realWorker.mjs'));
  afterAll(() => work.close());

  it('opens a folder of manifests off the main thread', async () => {
    const folder = join(dir, 'app');
    mkdirSync(folder);
    writeFileSync(join(folder, 'shop.yaml'), SHOP);
    const result = await work.call('openPath', { path: folder });
    expect(result.ok && result.value.design.resources.map((r) => r.object.kind).sort()).toEqual(['Deployment', 'Namespace', 'Service']);
  });
});
