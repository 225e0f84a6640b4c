/**
 * Property: whatever document arrives — random text, random JSON, Kubernetes-shaped objects with
 * the wrong value in any field — reading, validating, exporting, importing and saving it either
 * works or ends in a one-line message naming the file; no JavaScript error escapes.
 */
import fc from 'fast-check';
import { dump } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parseDesign, serializeDesign } from '../../../shared/design';
import { importAsDesign } from '../../../shared/design/import';
import { exportManifests, parseManifests } from '../../../shared/manifests';
import { validateObjects } from '../../../shared/validation';

const odd = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, '__proto__', 'constructor', 'prototype', '', '-1', '1e300000000', '9'.repeat(200), 'nginx', -1, 1e308, Number.MAX_SAFE_INTEGER, [null], [[]], { __proto__: null }),
);
const key = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'containers', 'ports', 'selector', 'labels', 'resources', 'items'), fc.string({ maxLength: 8 }));
/** A field path inside a Deployment/Service/Pod where a wrong value is planted. */
const path = fc.array(fc.oneof(key, fc.constantFrom('spec', 'template', 'metadata', 'containers', '0')), { minLength: 1, maxLength: 6 });

const base = fc.constantFrom(
  { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', labels: { app: 'web' } }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80 }], resources: { requests: { cpu: '100m' } } }] } } } },
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80 }] } },
  { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'shop' }, spec: { containers: [{ name: 'c', image: 'nginx' }], volumes: [{ name: 'v', persistentVolumeClaim: { claimName: 'data' } }] } },
  { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'n' }, spec: { podSelector: {}, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }] }] } },
  { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'i' }, spec: { rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] } },
  { apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }] },
);

/** `object` with `value` planted at `at` (creating mappings on the way), as a fresh copy. */
function plant(object: unknown, at: string[], value: unknown): unknown {
  const root = JSON.parse(JSON.stringify(object)) as Record<string, unknown>;
  let node: Record<string, unknown> = root;
  for (const [i, k] of at.entries()) {
    if (i === at.length - 1) Object.defineProperty(node, k, { value, enumerable: true, writable: true, configurable: true });
    else {
      const next = Object.prototype.hasOwnProperty.call(node, k) ? node[k] : undefined;
      if (typeof next !== 'object' || next === null) Object.defineProperty(node, k, { value: {}, enumerable: true, writable: true, configurable: true });
      node = node[k] as Record<string, unknown>;
    }
  }
  return root;
}

const hostileText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? 'null'),
  fc.tuple(base, path, odd).map(([b, at, v]) => dump(plant(b, at, v), { lineWidth: -1 })),
  fc.tuple(base, path, odd).map(([b, at, v]) => JSON.stringify(plant(b, at, v))),
  fc.array(fc.tuple(base, path, odd), { minLength: 2, maxLength: 4 }).map((docs) => docs.map(([b, at, v]) => dump(plant(b, at, v))).join('---\n')),
  // An alias in the document makes the parser copy it apart: the copy must keep every key as a field.
  fc.tuple(base, path, odd).map(([b, at, v]) => `anchor: &a 1\nalias: *a\n${dump(plant(b, at, v), { lineWidth: -1 })}`),
  fc.tuple(base, path, odd).map(([b, at, v]) => `kubeplan: 1\nresources:\n  - id: r1\n    object: ${JSON.stringify(plant(b, at, v))}\n`),
);

const byName = (a: { kind: string; metadata: { name: string } }, b: { kind: string; metadata: { name: string } }) =>
  `${a.kind}/${a.metadata.name}` < `${b.kind}/${b.metadata.name}` ? -1 : 1;

function expectCleanMessages(errors: readonly { file: string; message: string }[]): void {
  for (const e of errors) {
    expect(e.file).toBe('h.yaml');
    expect(e.message).not.toMatch(/\n|TypeError|is not a function|Cannot read properties|undefined/);
  }
}

describe('random hostile documents', () => {
  it('end in a result or a clean message through parse, validate, export, import, save and open', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const parsed = /^kubeplan:/m.test(text) ? undefined : parseManifests(text, 'h.yaml');
        if (parsed) {
          expectCleanMessages(parsed.errors);
          const objects = parsed.objects.map((o) => o.object);
          for (const p of validateObjects(objects)) expect(p.message).not.toMatch(/\n|TypeError|is not a function|Cannot read properties/);
          // What was accepted is what gets written: export and read again gives the same objects.
          const again = parseManifests(exportManifests(objects), 'again.yaml');
          expect(again.errors).toEqual([]);
          expect(JSON.stringify(again.objects.map((o) => o.object).sort(byName))).toBe(JSON.stringify([...objects].sort(byName)));
          const design = importAsDesign(parsed.objects, 'h');
          const reopened = parseDesign(serializeDesign(design), 'h.kubeplan.yaml');
          expect('design' in reopened && reopened.design.resources.length).toBe(objects.length);
        } else {
          const design = parseDesign(text, 'h.yaml');
          if ('error' in design) expectCleanMessages([design.error]);
          else validateObjects(design.design.resources.map((r) => r.object));
        }
      }),
      { numRuns: 300 },
    );
  });
});
