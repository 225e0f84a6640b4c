import { afterAll, describe, expect, it } from 'vitest';
import { defaultCluster } from '../../../shared/design/types';
import { importAsDesign } from '../../../shared/design/import';
import { APPLY_ORDER, appLabels, defaultContainer, objectAt, objectMeta, podTemplate } from '../../../shared/kinds/defaults';
import { podSpecReferences } from '../../../shared/kinds/references';
import { register, resourceOf, unregister } from '../../../shared/kinds/registry';
import type { KindModule } from '../../../shared/kinds/types';
import { exportManifests, parseManifests } from '../../../shared/manifests';
import type { KubeObject } from '../../../shared/model/object';
import { canConnect } from '../../../shared/references/connect';
import { resolveReferences } from '../../../shared/references';
import { parseTarget } from '../../../shared/simulation/scenario';
import { Simulation } from '../../../shared/simulation/simulate';
import { paletteGroups } from '../../../renderer/palette/paletteGroups';
import { inspectorForm } from '../../../renderer/kinds/registry';
import { WorkloadFields } from '../../../renderer/panels/inspector/WorkloadFields';
import { baseNameForKind } from '../../../renderer/store/names';

// docs/architecture.md "How to add a kind": one module, registered once, and every part of
// Kubeplan knows the kind. A made-up pod-running kind in its own API group proves it.
const gadgetKind: KindModule = {
  kind: 'Gadget',
  apiVersion: 'gadgets.example.com/v1',
  resource: 'gadgets',
  shortName: 'gdg',
  namespaced: true,
  display: { glyph: 'gdg', color: '#123456', shape: 'rounded', group: 'Workloads' },
  applyOrder: APPLY_ORDER.Workload + 5,
  watchers: ['controller-manager'],
  layoutColumn: 2,
  podTemplatePath: 'spec.template',
  baseName: 'gizmo',
  create: (name, namespace) => ({
    apiVersion: 'gadgets.example.com/v1',
    kind: 'Gadget',
    metadata: objectMeta(name, namespace, appLabels(name)),
    spec: { template: podTemplate(name, { containers: [defaultContainer(name)] }) },
  }),
  podTemplate: (o) => objectAt(o, 'spec', 'template'),
  references: podSpecReferences('Gadget'),
};
register(gadgetKind);
afterAll(() => unregister('Gadget'));

const gadget = gadgetKind.create('g', 'shop');
const service: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'g', namespace: 'shop' }, spec: { selector: { app: 'g' }, ports: [{ port: 80 }] } };
const namespace: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } };

describe('a kind added by registering one module', () => {
  it('is in the palette, in its group', () => {
    expect(paletteGroups().find((g) => g.group === 'Workloads')?.kinds.map((k) => k.kind)).toContain('Gadget');
    expect(baseNameForKind('Gadget')).toBe('gizmo');
  });

  it('exports in its apply rank: after Deployments, before Ingress', () => {
    const deployment: KubeObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', namespace: 'shop' } };
    const ingress: KubeObject = { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'i', namespace: 'shop' } };
    const kinds = parseManifests(exportManifests([ingress, service, gadget, deployment, namespace]), 'x.yaml').objects.map((l) => l.object.kind);
    expect(kinds).toEqual(['Namespace', 'Service', 'Deployment', 'Gadget', 'Ingress']);
  });

  it('gets the workload form in the inspector', () => {
    expect(inspectorForm('Gadget')).toBe(WorkloadFields);
  });

  it('is selected by a Service and can be connected to one, through its pod template', () => {
    const refs = resolveReferences([namespace, gadget, service]);
    expect(refs.find((r) => r.rule === 'service-selector')?.targets).toEqual(['gadgets.example.com/Gadget/shop/g']);
    expect(canConnect('Service', 'Gadget')).toBe(true);
  });

  it('is laid out in the workload column, beside its Service', () => {
    const d = importAsDesign([namespace, gadget, service].map((object) => ({ object, source: { file: 'x.yaml', line: 1 } })) as never, 'x');
    const [g, s] = ['r2', 'r3'].map((id) => d.layout.positions[id]!);
    expect(g.x).toBeGreaterThan(s.x);
  });

  it('has its resource name in the simulated API server and in kubectl names', () => {
    expect(resourceOf('Gadget')).toBe('gadgets.gadgets.example.com');
    expect(parseTarget('gdg/g')).toEqual({ kind: 'Gadget', name: 'g' });
    const sim = new Simulation({ objects: [], cluster: defaultCluster(), seed: 1 });
    sim.apply([namespace, gadget]);
    const again = sim.cluster.api.request({ verb: 'create', user: 'kubectl', component: 'kubectl', object: gadget });
    expect(again).toMatchObject({ ok: false, code: 409, message: 'gadgets.gadgets.example.com "g" already exists' });
  });
});
