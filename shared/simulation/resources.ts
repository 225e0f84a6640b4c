/**
 * Resource arithmetic for pods and claims: exact quantities where a message prints them
 * (quota, LimitRange), plain numbers (millicores, bytes) where the scheduler adds them up.
 */
import type { Container, Pod, PodSpec } from 'kubernetes-types/core/v1';
import { addQuantities, formatQuantity, parseQuantity, quantityFromNano, type Quantity } from '../model/quantity';

export type QuantityMap = Map<string, Quantity>;

const ZERO_DEC: Quantity = quantityFromNano(0n, 'DecimalSI');

export function q(v: string | number | undefined): Quantity {
  return v === undefined ? ZERO_DEC : parseQuantity(v);
}

export function fmt(v: Quantity): string {
  return formatQuantity(v);
}

export function addTo(m: QuantityMap, key: string, v: Quantity): void {
  const cur = m.get(key);
  m.set(key, cur ? addQuantities(cur, v) : v);
}

function containers(spec: PodSpec | undefined): Container[] {
  return spec?.containers ?? [];
}

/** Sum of container values of one kind (`requests` or `limits`), the max with any init container (upstream PodRequests). */
export function podResourceList(spec: PodSpec | undefined, which: 'requests' | 'limits'): QuantityMap {
  const sum: QuantityMap = new Map();
  for (const c of containers(spec)) {
    for (const [k, v] of Object.entries(c.resources?.[which] ?? {})) addTo(sum, k, q(v as string));
  }
  for (const c of spec?.initContainers ?? []) {
    for (const [k, v] of Object.entries(c.resources?.[which] ?? {})) {
      const iv = q(v as string);
      const cur = sum.get(k);
      if (!cur || cur.nano < iv.nano) sum.set(k, iv);
    }
  }
  return sum;
}

/** The scheduler's view of a pod: requests in millicores and bytes, parsed once. */
export interface PodRequests {
  cpu: number;
  memory: number;
  /** Requests with the scoring defaults for unset values (100m / 200Mi, upstream non-zero requests). */
  scoreCpu: number;
  scoreMemory: number;
}

const DEFAULT_SCORE_CPU = 100;
const DEFAULT_SCORE_MEMORY = 200 * 1024 * 1024;

export function podRequests(pod: Pod): PodRequests {
  let cpu = 0;
  let memory = 0;
  let scoreCpu = 0;
  let scoreMemory = 0;
  for (const c of containers(pod.spec)) {
    const r = c.resources?.requests ?? {};
    const cc = r.cpu !== undefined ? milli(r.cpu) : 0;
    const cm = r.memory !== undefined ? units(r.memory) : 0;
    cpu += cc;
    memory += cm;
    scoreCpu += r.cpu !== undefined ? cc : DEFAULT_SCORE_CPU;
    scoreMemory += r.memory !== undefined ? cm : DEFAULT_SCORE_MEMORY;
  }
  for (const c of pod.spec?.initContainers ?? []) {
    const r = c.resources?.requests ?? {};
    if (r.cpu !== undefined) cpu = Math.max(cpu, milli(r.cpu));
    if (r.memory !== undefined) memory = Math.max(memory, units(r.memory));
  }
  return { cpu, memory, scoreCpu, scoreMemory };
}

export function milli(v: string | number): number {
  const n = parseQuantity(v).nano;
  return Number((n + 999_999n) / 1_000_000n);
}

export function units(v: string | number): number {
  const n = parseQuantity(v).nano;
  return Number((n + 999_999_999n) / 1_000_000_000n);
}

export function formatMilli(m: number): string {
  return formatQuantity(quantityFromNano(BigInt(m) * 1_000_000n, 'DecimalSI'));
}

export function formatBytes(b: number): string {
  return formatQuantity(quantityFromNano(BigInt(b) * 1_000_000_000n, 'BinarySI'));
}
