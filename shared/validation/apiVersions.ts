/**
 * Kinds and versions no cluster serves: a removed version (`extensions/v1beta1` Deployments,
 * `batch/v1beta1` CronJobs) or a misspelt kind in a stable built-in version (`kind: Deploymnet`,
 * `kind: deployment`). kubectl answers both with `no matches for kind "X" in version "Y"`.
 */
import { apiGroup } from '../model/object';
import { goValue, problemFor } from './problem';
import { BUILT_IN_GROUPS, SCHEMA_MODELS } from './schemaModels';
import type { Check } from './types';

/** Every kind of the stable built-in versions whose kind list no longer changes (Kubernetes 1.22+). */
const SERVED_KINDS: Record<string, readonly string[]> = {
  v1: [
    'Binding', 'ComponentStatus', 'ConfigMap', 'Endpoints', 'Event', 'LimitRange', 'List', 'Namespace', 'Node',
    'PersistentVolume', 'PersistentVolumeClaim', 'Pod', 'PodTemplate', 'ReplicationController', 'ResourceQuota',
    'Secret', 'Service', 'ServiceAccount',
  ],
  'apps/v1': ['ControllerRevision', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'],
  'batch/v1': ['CronJob', 'Job'],
};

let versionsByKind: Map<string, string[]> | undefined;

/** The versions serving each kind we know, preferred first. */
function servedVersions(): Map<string, string[]> {
  if (!versionsByKind) {
    versionsByKind = new Map();
    for (const [version, kinds] of Object.entries(SERVED_KINDS)) for (const k of kinds) versionsByKind.set(k, [version]);
    for (const m of SCHEMA_MODELS) {
      const list = versionsByKind.get(m.kind) ?? [];
      if (!list.includes(m.apiVersion)) list.push(m.apiVersion);
      versionsByKind.set(m.kind, list);
    }
  }
  return versionsByKind;
}

export const checkApiVersions: Check = (ctx, report) => {
  const served = servedVersions();
  for (const o of ctx.objects) {
    const notText = (['apiVersion', 'kind'] as const).find((f) => typeof o[f] !== 'string' && o[f] != null);
    if (notText) {
      // A number or a list here would be refused when the manifest is decoded; say so rather than skip it.
      report(problemFor(o, 'error', 'api-version', notText, `Invalid value: ${goValue(o[notText])}: must be of type string`));
      continue;
    }
    if (typeof o.apiVersion !== 'string' || typeof o.kind !== 'string') continue;
    const versions = served.get(o.kind);
    if (versions?.includes(o.apiVersion)) continue;
    const message = `no matches for kind "${o.kind}" in version "${o.apiVersion}"`;
    if (versions && BUILT_IN_GROUPS.has(apiGroup(o.apiVersion))) {
      report(problemFor(o, 'error', 'api-version', 'apiVersion', message, `Use apiVersion: ${versions[0]}.`));
      continue;
    }
    const kinds = SERVED_KINDS[o.apiVersion];
    // The extensions group serves nothing since 1.22; the stable versions serve a known, closed list.
    if (!kinds && apiGroup(o.apiVersion) !== 'extensions') continue;
    const guess = closestKind(o.kind, [...served.keys()]);
    const hint = guess ? `Did you mean kind: ${guess} (apiVersion: ${served.get(guess)?.[0]})?` : undefined;
    report(problemFor(o, 'error', 'api-version', kinds ? 'kind' : 'apiVersion', message, hint));
  }
};

/** The known kind a typo most likely meant: same letters in another case, or at most two edits away. */
export function closestKind(kind: string, known: readonly string[]): string | undefined {
  const lower = kind.toLowerCase();
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of [...known].sort()) {
    const d = k.toLowerCase() === lower ? 0 : editDistance(lower, k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}
