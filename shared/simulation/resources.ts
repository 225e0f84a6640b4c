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

/** Restartable init containers (sidecars, `restartPolicy: Always`, on by default since 1.29). */
function isSidecar(c: Container): boolean {
  return (c as { restartPolicy?: string }).restartPolicy === 'Always';
}

function maxInto(m: QuantityMap, key: string, v: Quantity): void {
  const cur = m.get(key);
  if (!cur || cur.nano < v.nano) m.set(key, v);
}

/**
 * Sum of container values of one kind (`requests` or `limits`), as upstream PodRequests / PodLimits
 * (k8s.io/component-helpers/resource/helpers.go, v1.30) add them up: app containers and sidecars
 * (init containers with `restartPolicy: Always`) are summed; each other init container counts with
 * the sidecars started before it, and the pod needs the max of that and the sum.
 */
export function podResourceList(spec: PodSpec | undefined, which: 'requests' | 'limits'): QuantityMap {
  const sum: QuantityMap = new Map();
  for (const c of containers(spec)) {
    for (const [k, v] of Object.entries(c.resources?.[which] ?? {})) addTo(sum, k, q(v as string));
  }
  const inits = spec?.initContainers;
  if (!inits?.length) return sum;
  // helpers.go: `if container.RestartPolicy != nil && *container.RestartPolicy == v1.ContainerRestartPolicyAlways
  // { addResourceList(reqs, containerReqs); addResourceList(restartableInitContainerReqs, containerReqs);
  // containerReqs = restartableInitContainerReqs } else { tmp := …containerReqs + restartableInitContainerReqs }`,
  // then `maxResourceList(initContainerReqs, containerReqs)` and at the end `maxResourceList(reqs, initContainerReqs)`.
  const sidecars: QuantityMap = new Map();
  const initMax: QuantityMap = new Map();
  for (const c of inits) {
    const own = Object.entries(c.resources?.[which] ?? {}).map(([k, v]) => [k, q(v as string)] as const);
    let counted: QuantityMap;
    if (isSidecar(c)) {
      for (const [k, v] of own) {
        addTo(sum, k, v);
        addTo(sidecars, k, v);
      }
      counted = sidecars;
    } else {
      counted = new Map(own);
      for (const [k, v] of sidecars) addTo(counted, k, v);
    }
    for (const [k, v] of counted) maxInto(initMax, k, v);
  }
  for (const [k, v] of initMax) maxInto(sum, k, v);
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
  const inits = pod.spec?.initContainers;
  if (inits?.length) {
    // Upstream PodRequests (see podResourceList): sidecars add to the sum; other init containers
    // count with the sidecars before them, against the max.
    let sideCpu = 0;
    let sideMemory = 0;
    let initCpu = 0;
    let initMemory = 0;
    for (const c of inits) {
      const r = c.resources?.requests ?? {};
      const cc = r.cpu !== undefined ? milli(r.cpu) : 0;
      const cm = r.memory !== undefined ? units(r.memory) : 0;
      if (isSidecar(c)) {
        sideCpu += cc;
        sideMemory += cm;
        cpu += cc;
        memory += cm;
        scoreCpu += r.cpu !== undefined ? cc : DEFAULT_SCORE_CPU;
        scoreMemory += r.memory !== undefined ? cm : DEFAULT_SCORE_MEMORY;
        initCpu = Math.max(initCpu, sideCpu);
        initMemory = Math.max(initMemory, sideMemory);
      } else {
        initCpu = Math.max(initCpu, cc + sideCpu);
        initMemory = Math.max(initMemory, cm + sideMemory);
      }
    }
    cpu = Math.max(cpu, initCpu);
    memory = Math.max(memory, initMemory);
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
