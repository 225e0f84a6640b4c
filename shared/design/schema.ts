/**
 * The structure of a design file (format 2), checked with zod. Only the envelope is checked
 * here; Kubernetes objects are checked by shared/manifests (and fully by shared/validation).
 * The parsed output is never used in place of the input, so nothing is reordered or dropped.
 */
import { z } from 'zod';

const point = z.object({ x: z.number(), y: z.number() });
const box = z.object({ x: z.number(), y: z.number(), width: z.number().nonnegative(), height: z.number().nonnegative() });
const quantity = z.union([z.string().min(1), z.number().nonnegative()]);

const clusterNode = z.object({
  name: z.string().min(1),
  cpu: quantity,
  memory: quantity,
  pods: z.number().int().positive(),
  zone: z.string().optional(),
  labels: z.record(z.string(), z.string()).optional(),
  taints: z.array(z.object({ key: z.string().min(1), value: z.string().optional(), effect: z.enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute']) })).optional(),
  unschedulable: z.boolean().optional(),
});

/** A kubectl user (docs/kubectl.md): a name as RBAC subjects name it, its groups, its context's namespace. */
const clusterUser = z.object({
  name: z.string().min(1),
  groups: z.array(z.string().min(1)).optional(),
  namespace: z.string().min(1).optional(),
});

const flow = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  from: z.string().min(1),
  to: z.string().min(1),
  rate: z.number().positive().max(1_000_000),
  protocol: z.enum(['TCP', 'UDP', 'SCTP']).optional(),
});

export const designFileSchema = z.object({
  kubeplan: z.number().int(),
  name: z.string().optional(),
  cluster: z.object({ nodes: z.array(clusterNode), users: z.array(clusterUser).optional() }).optional(),
  layout: z.object({ frames: z.record(z.string(), box).optional() }).optional(),
  resources: z.array(z.object({ id: z.string().min(1), position: point.optional(), object: z.unknown() })).optional(),
  flows: z.array(flow).optional(),
});

/** Top-level keys of format 2; anything else is reported and dropped. */
export const DESIGN_FILE_KEYS = ['kubeplan', 'name', 'cluster', 'layout', 'resources', 'flows'];

/** One zod issue as a short sentence: `resources[2].id is missing`. */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const path = formatPath(issue.path);
  if (issue.code === 'invalid_type') {
    const actual = valueAt(input, issue.path);
    if (actual === undefined) return `${path} is missing`;
    return `${path} must be ${article(issue.expected)}, not ${typeName(actual)}`;
  }
  return `${path}: ${issue.message}`;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : `${out ? '.' : ''}${String(seg)}`;
  return out || 'the design';
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v} ${JSON.stringify(v)}`;
}
