/**
 * Write a design as readable YAML (docs/design-format.md). Objects are written exactly as held;
 * Kubeplan's own data (id, position, frames, cluster) sits beside them, never inside.
 */
import { COLLECTION_STYLE, DEFAULT_SCALAR_STYLE_RULES, SCALAR_STYLE, dump, type Document, type Node, type ScalarLayout } from 'js-yaml';
import type { Design } from './types';

const HEADER = '# Kubeplan design file (format described in docs/design-format.md).\n# resources[].object are plain Kubernetes objects; `kubeplan export` writes them for kubectl.\n';

/**
 * The format version a design is written as: the oldest that holds it. Format 2 only adds
 * `flows:`, so a design without flows is written as format 1 and older Kubeplan versions still
 * open it.
 */
export function writtenFormatVersion(design: Design): number {
  return design.flows && design.flows.length > 0 ? 2 : 1;
}

export function serializeDesign(design: Design): string {
  const flows = design.flows ?? [];
  const doc = {
    kubeplan: writtenFormatVersion(design),
    name: design.name,
    cluster: design.cluster,
    layout: { frames: design.layout.frames },
    resources: design.resources.map((r) => {
      const p = design.layout.positions[r.id];
      return p ? { id: r.id, position: { x: p.x, y: p.y }, object: r.object } : { id: r.id, object: r.object };
    }),
    ...(flows.length > 0 ? { flows: flows.map((f) => ({ id: f.id, name: f.name, from: f.from, to: f.to, rate: f.rate, ...(f.protocol ? { protocol: f.protocol } : {}) })) } : {}),
  };
  const plainKeys = new WeakSet<Node>();
  return (
    HEADER +
    dump(doc, {
      lineWidth: -1,
      noRefs: true,
      flowBracketPadding: true,
      transform: (documents) => compactLayout(documents, plainKeys),
      scalarStyleRules: [(l: ScalarLayout) => allowPlain(l, plainKeys), ...STYLE_RULES],
    })
  );
}

const STYLE_RULES = Object.values(DEFAULT_SCALAR_STYLE_RULES) as ((l: ScalarLayout) => void)[];

function allowPlain(layout: ScalarLayout, plainKeys: WeakSet<Node>): void {
  if (plainKeys.has(layout.node as Node)) layout.allowedStylesMask |= 1 << SCALAR_STYLE.PLAIN;
}

/**
 * Positions and frame boxes on one line each (`{ x: 80, y: 120 }`), as in the format docs. Their
 * key `y` stays unquoted: the dumper quotes it for YAML 1.1 readers (a boolean there), but design
 * files are read as YAML 1.2. Only these keys are marked; Kubernetes objects keep safe quoting.
 */
function compactLayout(documents: Document[], plainKeys: WeakSet<Node>): void {
  const root = documents[0]?.contents;
  const frames = child(child(root, 'layout'), 'frames');
  if (frames?.kind === 'mapping') for (const item of frames.items) flow(item.value, plainKeys);
  const resources = child(root, 'resources');
  if (resources?.kind === 'sequence') for (const r of resources.items) flow(child(r, 'position'), plainKeys);
}

function child(node: Node | null | undefined, key: string): Node | undefined {
  if (node?.kind !== 'mapping') return undefined;
  return node.items.find((i) => i.key.kind === 'scalar' && i.key.value === key)?.value;
}

function flow(node: Node | undefined, plainKeys: WeakSet<Node>): void {
  if (node?.kind !== 'mapping') return;
  node.style = COLLECTION_STYLE.FLOW;
  for (const { key } of node.items) if (key.kind === 'scalar' && key.value === 'y') plainKeys.add(key);
}
