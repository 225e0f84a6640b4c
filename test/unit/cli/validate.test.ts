import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type CliIo } from '../../../cli/main';
import { emptyDesign, serializeDesign } from '../../../shared/design';

const GOOD = `apiVersion: v1
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
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports: [{ name: http, containerPort: 80 }]
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector: { app: web }
  ports: [{ port: 80, targetPort: http }]
`;

const BROKEN = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  replicas: three
  selector:
    matchLabels: { app: api }
  template:
    metadata:
      labels: { app: backend }
    spec:
      containers:
        - name: api
          image: api:1
`;

const WARN_ONLY = `apiVersion: v1
kind: Service
metadata:
  name: lonely
  namespace: shop
spec:
  selector: { app: nobody }
  ports: [{ port: 80 }]
`;

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kubeplan-validate-'));
  writeFileSync(join(dir, 'good.yaml'), GOOD);
  writeFileSync(join(dir, 'broken.yaml'), BROKEN);
  writeFileSync(join(dir, 'warn.yaml'), WARN_ONLY);
  writeFileSync(join(dir, 'bad-yaml.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x\n');
  mkdirSync(join(dir, 'app'));
  writeFileSync(join(dir, 'app', 'all.yaml'), GOOD);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: dir };
  const code = await main(['validate', ...args], io);
  return { code, stdout, stderr };
}

describe('kubeplan validate', () => {
  it('exits 0 and says so when nothing is wrong', async () => {
    const r = await run('good.yaml');
    expect(r).toEqual({ code: 0, stdout: '3 objects: no problems\n', stderr: '' });
  });

  it('exits 1 with errors, each as file:line: error: Kind ns/name: path: message', async () => {
    const r = await run('broken.yaml', 'good.yaml');
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n').filter((l) => !l.startsWith('    hint:'));
    expect(lines).toEqual([
      'broken.yaml:1: error: Deployment shop/api: spec.replicas: Invalid value: "three": must be of type integer',
      'broken.yaml:1: error: Deployment shop/api: spec.template.metadata.labels: Invalid value: map[string]string{"app":"backend"}: `selector` does not match template `labels`',
      '4 objects: 2 errors, 0 warnings',
      '',
    ]);
  });

  it('exits 0 when there are only warnings', async () => {
    const r = await run('warn.yaml');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('warn.yaml:1: warning: Service shop/lonely: spec.selector: Service "lonely" selects no pods');
  });

  it('finds the line of the object in a multi-document file, and reads folders', async () => {
    const broken = `${GOOD}---\n${WARN_ONLY}`;
    writeFileSync(join(dir, 'app', 'more.yaml'), broken);
    const r = await run('app');
    const line = GOOD.split('\n').length + 1; // after GOOD's lines and the `---`
    expect(r.stdout).toContain(`app/more.yaml:${line}: warning: Service shop/lonely:`);
    expect(r.stdout).toContain('app/more.yaml:6: error: Deployment shop/web: metadata.name: Duplicate value: Deployment "web" in namespace "shop" is defined more than once');
    expect(r.code).toBe(1);
    rmSync(join(dir, 'app', 'more.yaml'));
  });

  it('validates a design file, pointing at the lines of its objects', async () => {
    const design = emptyDesign('shop');
    const web = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop' }, spec: { replicas: 'two', selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } } };
    design.resources.push({ id: 'r1', object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } } }, { id: 'r2', object: web });
    const text = serializeDesign(design);
    writeFileSync(join(dir, 'shop.kubeplan.yaml'), text);
    const r = await run('shop.kubeplan.yaml');
    expect(r.code).toBe(1);
    const [first] = r.stdout.split('\n');
    const line = Number(/^shop\.kubeplan\.yaml:(\d+): error: Deployment shop\/web: spec\.replicas: /.exec(first)?.[1]);
    // The reported line is inside the Deployment's object in the design file.
    expect(text.split('\n').slice(line - 1, line + 3).join('\n')).toContain('kind: Deployment');
  });

  it('prints a JSON report with --json', async () => {
    const r = await run('--json', 'broken.yaml');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ objects: 1, errors: 2, warnings: 0 });
    expect(report.problems[0]).toEqual({
      severity: 'error',
      rule: 'schema',
      objectKey: 'apps/Deployment/shop/api',
      kind: 'Deployment',
      namespace: 'shop',
      name: 'api',
      path: 'spec.replicas',
      message: 'Invalid value: "three": must be of type integer',
      file: 'broken.yaml',
      line: 1,
    });
  });

  it('exits 2 with one file:line line when an input cannot be read', async () => {
    const bad = await run('bad-yaml.yaml');
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/bad-yaml\.yaml:\d+: /);
    const missing = await run('nope.yaml');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.yaml');
  });

  it('exits 2 on bad usage, and explains itself with --help', async () => {
    expect((await run()).code).toBe(2);
    const unknown = await run('--strict', 'good.yaml');
    expect([unknown.code, unknown.stderr.split('\n')[0]]).toEqual([2, 'kubeplan validate: unknown option "--strict"']);
    const help = await run('--help');
    expect([help.code, help.stdout.split('\n')[0], help.stderr]).toEqual([0, 'Usage: kubeplan validate <design|file|dir>... [--json]', '']);
  });

  it('runs as a user runs it: node bin/kubeplan.mjs validate', { timeout: 90_000 }, () => {
    const bin = join(process.cwd(), 'bin', 'kubeplan.mjs');
    const ok = spawnSync(process.execPath, [bin, 'validate', 'good.yaml'], { cwd: dir, encoding: 'utf8' });
    expect([ok.status, ok.stdout]).toEqual([0, '3 objects: no problems\n']);
    const broken = spawnSync(process.execPath, [bin, 'validate', 'broken.yaml', '--json'], { cwd: dir, encoding: 'utf8' });
    expect(broken.status).toBe(1);
    expect(JSON.parse(broken.stdout).errors).toBe(2);
    const unreadable = spawnSync(process.execPath, [bin, 'validate', 'bad-yaml.yaml'], { cwd: dir, encoding: 'utf8' });
    expect(unreadable.status).toBe(2);
  });
});
