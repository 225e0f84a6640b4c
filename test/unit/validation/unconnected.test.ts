import { describe, expect, it } from 'vitest';
import { getKindModule } from '../../../shared/kinds/registry';
import type { KubeObject } from '../../../shared/model/object';
import { resolveReferences } from '../../../shared/references';
import { connect } from '../../../shared/references/connect';
import { ObjectIndex } from '../../../shared/kinds/objectIndex';
import { validateObjects } from '../../../shared/validation';

const fresh = (kind: string, name: string) => getKindModule(kind)!.create(name, 'shop');

/** What a freshly dropped object looks like on the canvas (edges) and in Problems. */
function picture(objects: KubeObject[]) {
  const edges = resolveReferences(objects).map((r) => ({ rule: r.rule, broken: r.targets.length === 0 }));
  const problems = validateObjects(objects).map((p) => [p.severity, p.rule, p.kind, p.path, p.message, p.hint]);
  return { edges, problems };
}

describe('a new Ingress or HPA names no placeholder target', () => {
  it('a new Ingress routes to no Service that does not exist: no broken edge, and Problems says to connect it', () => {
    const { edges, problems } = picture([fresh('Ingress', 'web')]);
    expect(edges).toEqual([]);
    expect(problems).toEqual([
      ['error', 'unconnected', 'Ingress', 'spec', 'Invalid value: either `defaultBackend` or `rules` must be specified', 'Connect the Ingress to a Service: drag from its handle onto the Service.'],
    ]);
  });

  it('a new HorizontalPodAutoscaler scales no Deployment that does not exist: no broken edge, and Problems says to connect it', () => {
    const { edges, problems } = picture([fresh('HorizontalPodAutoscaler', 'web')]);
    expect(edges).toEqual([]);
    expect(problems.map((p) => p.slice(0, 5))).toEqual([['error', 'unconnected', 'HorizontalPodAutoscaler', 'spec.scaleTargetRef.name', 'Required value']]);
    expect(problems[0]![5]).toMatch(/Connect the autoscaler to a Deployment/);
  });

  it('once connected, both are valid and their edge reaches the target', () => {
    const svc = fresh('Service', 'web');
    const dep = fresh('Deployment', 'web');
    const objects = [svc, dep];
    for (const [source, target] of [[fresh('Ingress', 'web'), svc], [fresh('HorizontalPodAutoscaler', 'web'), dep]] as const) {
      const result = connect(source, target, new ObjectIndex([source, target]));
      if (!result.ok) throw new Error(result.message);
      objects.push(result.changed[0]!);
    }
    // The Deployment's default containers have cpu requests, so the HPA has nothing to warn about.
    expect(validateObjects(objects).filter((p) => p.kind === 'Ingress' || p.kind === 'HorizontalPodAutoscaler')).toEqual([]);
    expect(resolveReferences(objects).filter((r) => r.rule === 'ingress-backend' || r.rule === 'hpa-target').map((r) => r.targets.length)).toEqual([1, 1]);
  });
});
