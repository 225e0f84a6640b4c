/**
 * Write a design as readable YAML (docs/design-format.md). Objects are written exactly as held;
 * Kubeplan's own data (id, position, frames, cluster) sits beside them, never inside.
 */
import { COLLECTION_STYLE, dump, type Document, type Node } from 'js-yaml';
import { DESIGN_FORMAT_VERSION, type Design } from './types';

const HEADER = '# Kubeplan design file (format described in docs/design-format.md).\n# resources[].object are plain Kubernetes objects; `kubeplan export` writes them for kubectl.\n';

export function serializeDesign(design: Design): string {
  const doc = {
    kubeplan: DESIGN_FORMAT_VERSION,
    name: design.name,
    cluster: design.cluster,
    layout: { frames: design.layout.frames },
    resources: design.resources.map((r) => {
      const p = design.layout.positions[r.id];
      return p ? { id: r.id, position: { x: p.x, y: p.y }, object: r.object } : { id: r.id, object: r.object };
    }),
  };
  return HEADER + dump(doc, { lineWidth: -1, noRefs: true, flowBracketPadding: true, transform: compactLayout });
}

/** Positions and frame boxes on one line each (`{ x: 80, y: 120 }`), as in the format docs. */
function compactLayout(documents: Document[]): void {
  const root = documents[0]?.contents;
  const frames = child(child(root, 'layout'), 'frames');
  if (frames?.kind === 'mapping') for (const item of frames.items) flow(item.value);
  const resources = child(root, 'resources');
  if (resources?.kind === 'sequence') for (const r of resources.items) flow(child(r, 'position'));
}

function child(node: Node | null | undefined, key: string): Node | undefined {
  if (node?.kind !== 'mapping') return undefined;
  return node.items.find((i) => i.key.kind === 'scalar' && i.key.value === key)?.value;
}

function flow(node: Node | undefined): void {
  if (node?.kind === 'mapping') node.style = COLLECTION_STYLE.FLOW;
}
