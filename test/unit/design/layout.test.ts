import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE_SIZE, emptyDesign, importAsDesign, layoutDesign, type Box, type Design, type Point } from '../../../shared/design';
import { exportManifests, parseManifests } from '../../../shared/manifests';
import type { KubeObject } from '../../../shared/model/object';
import { syntheticObjects } from '../../fixtures/synthetic';

const loaded = (objects: KubeObject[]) => objects.map((object, index) => ({ object, source: { file: 'x.yaml', line: 1, index } }));

const inside = (p: Point, f: Box) => p.x >= f.x && p.y >= f.y && p.x + NODE_SIZE.width <= f.x + f.width && p.y + NODE_SIZE.height <= f.y + f.height;
const overlap = (a: Point, b: Point) => a.x < b.x + NODE_SIZE.width && b.x < a.x + NODE_SIZE.width && a.y < b.y + NODE_SIZE.height && b.y < a.y + NODE_SIZE.height;
const framesOverlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function design(): Design {
  return importAsDesign(
    loaded([
      ...syntheticObjects(120),
      { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'standard' }, provisioner: 'rancher.io/local-path' },
      { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv1' }, spec: { capacity: { storage: '1Gi' } } },
    ]),
    'demo',
  );
}

describe('auto-layout', () => {
  it('gives every resource a position and every namespace a frame that holds its objects', () => {
    const d = design();
    const { positions, frames } = d.layout;
    expect(Object.keys(positions)).toHaveLength(d.resources.length);
    for (const r of d.resources) {
      const p = positions[r.id]!;
      expect(p).toBeDefined();
      const ns = r.object.metadata.namespace;
      if (ns) expect(inside(p, frames[ns]!)).toBe(true);
    }
    expect(Object.keys(frames).sort()).toEqual(['team-0', 'team-1']);
  });

  it('puts a Namespace object at the corner of its frame', () => {
    const d = design();
    const ns = d.resources.find((r) => r.object.kind === 'Namespace' && r.object.metadata.name === 'team-1')!;
    const frame = d.layout.frames['team-1']!;
    expect(d.layout.positions[ns.id]).toEqual({ x: frame.x, y: frame.y });
  });

  it('keeps cluster-scoped objects out of every namespace frame', () => {
    const d = design();
    for (const r of d.resources.filter((x) => ['StorageClass', 'PersistentVolume'].includes(x.object.kind))) {
      for (const f of Object.values(d.layout.frames)) expect(framesOverlap({ ...d.layout.positions[r.id]!, ...NODE_SIZE }, f)).toBe(false);
    }
  });

  it('never overlaps two shapes or two frames', () => {
    const d = design();
    const shapes = d.resources.filter((r) => r.object.kind !== 'Namespace').map((r) => d.layout.positions[r.id]!);
    for (let i = 0; i < shapes.length; i++) for (let j = i + 1; j < shapes.length; j++) expect(overlap(shapes[i]!, shapes[j]!)).toBe(false);
    const frames = Object.values(d.layout.frames);
    for (let i = 0; i < frames.length; i++) for (let j = i + 1; j < frames.length; j++) expect(framesOverlap(frames[i]!, frames[j]!)).toBe(false);
  });

  it('places a Service next to the Deployment it selects, on the same row', () => {
    const d = design();
    const pos = (kind: string, name: string) => d.layout.positions[d.resources.find((r) => r.object.kind === kind && r.object.metadata.name === name && r.object.metadata.namespace === 'team-0')!.id]!;
    for (const app of ['app-3', 'app-7']) {
      const svc = pos('Service', app);
      const deploy = pos('Deployment', app);
      expect(svc.y).toBe(deploy.y);
      expect(deploy.x - svc.x).toBeGreaterThan(0);
      expect(deploy.x - svc.x).toBeLessThan(NODE_SIZE.width * 2);
    }
  });

  it('lays the shop out the way traffic flows: Ingress, Service, workload, its config; an autoscaler below its target', () => {
    const text = readFileSync(join(__dirname, '..', '..', 'fixtures', 'apps', 'three-tier-shop.yaml'), 'utf8');
    const d = importAsDesign(parseManifests(text, 'shop.yaml').objects, 'shop');
    const pos = (kind: string, name: string) => d.layout.positions[d.resources.find((r) => r.object.kind === kind && r.object.metadata.name === name)!.id]!;
    const row = [pos('Ingress', 'shop'), pos('Service', 'frontend'), pos('Deployment', 'frontend'), pos('ConfigMap', 'frontend-config')];
    expect(new Set(row.map((p) => p.y)).size).toBe(1);
    expect(row.map((p) => p.x)).toEqual([...row.map((p) => p.x)].sort((a, b) => a - b));
    expect(pos('Service', 'api').y).toBe(pos('Deployment', 'api').y);
    expect(pos('ConfigMap', 'api-config').y).toBe(pos('Deployment', 'api').y);
    const hpa = pos('HorizontalPodAutoscaler', 'frontend');
    expect(hpa.x).toBe(pos('Deployment', 'frontend').x);
    expect(hpa.y).toBeGreaterThan(pos('Deployment', 'frontend').y);
    expect(hpa.y).toBeLessThan(pos('Deployment', 'api').y);
  });

  it('exported objects carry no layout or Kubeplan data', () => {
    const yaml = exportManifests(design().resources.map((r) => r.object));
    expect(yaml).not.toMatch(/kubeplan|position|frames|\bid: r\d/i);
  });

  it('is deterministic', () => {
    expect(design().layout).toEqual(design().layout);
    const d = design();
    expect(layoutDesign(d).layout).toEqual(d.layout);
  });

  it('lays out an empty design', () => {
    expect(layoutDesign(emptyDesign()).layout).toEqual({ positions: {}, frames: {} });
  });
});
