/** `kubectl rollout status|history|undo|restart` for Deployments (and the other rollout kinds' status). */
import { cloneJson, type KubeObject } from '../../../model/object';
import { REVISION, rollbackTemplate } from '../../controllers/deployment';
import { controllerRef } from '../../controllers/util';
import { timestamp } from '../../apiserver';
import { flag } from '../argv';
import { objectName, parseTargets, serverError } from '../resources';
import { tabwrite } from '../tabwriter';
import { KubectlError, registerVerb, type VerbContext } from '../types';
import { getObject, listObjects, write } from './common';

type Spec = Record<string, number | undefined>;

/** rollout status's line for a Deployment (kubectl polymorphichelpers/rollout_status.go). */
function deploymentStatus(d: KubeObject): { done: boolean; text: string } {
  const spec = (d.spec ?? {}) as Spec;
  const st = (d.status ?? {}) as Spec & { conditions?: { type: string; reason?: string }[] };
  const name = d.metadata.name;
  const want = spec.replicas ?? 1;
  if ((d.metadata.generation ?? 0) > (st.observedGeneration ?? 0)) return { done: false, text: `Waiting for deployment spec update to be observed...\n` };
  if (st.conditions?.some((c) => c.type === 'Progressing' && c.reason === 'ProgressDeadlineExceeded')) throw new KubectlError(`error: deployment "${name}" exceeded its progress deadline`);
  const updated = st.updatedReplicas ?? 0;
  if (updated < want) return { done: false, text: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${want} new replicas have been updated...\n` };
  if ((st.replicas ?? 0) > updated) return { done: false, text: `Waiting for deployment "${name}" rollout to finish: ${(st.replicas ?? 0) - updated} old replicas are pending termination...\n` };
  if ((st.availableReplicas ?? 0) < updated) return { done: false, text: `Waiting for deployment "${name}" rollout to finish: ${st.availableReplicas ?? 0} of ${updated} updated replicas are available...\n` };
  return { done: true, text: `deployment "${name}" successfully rolled out\n` };
}

function otherStatus(o: KubeObject): { done: boolean; text: string } {
  const spec = (o.spec ?? {}) as Spec;
  const st = (o.status ?? {}) as Spec;
  if (o.kind === 'DaemonSet') {
    const want = st.desiredNumberScheduled ?? 0;
    if ((st.numberAvailable ?? 0) < want) return { done: false, text: `Waiting for daemon set "${o.metadata.name}" rollout to finish: ${st.numberAvailable ?? 0} of ${want} updated pods are available...\n` };
    return { done: true, text: `daemon set "${o.metadata.name}" successfully rolled out\n` };
  }
  const want = spec.replicas ?? 1;
  if ((st.readyReplicas ?? 0) < want) return { done: false, text: `Waiting for ${want - (st.readyReplicas ?? 0)} pods to be ready...\n` };
  return { done: true, text: `statefulset rolling update complete ${want} pods at revision ${String((o.status as { updateRevision?: string } | undefined)?.updateRevision ?? o.metadata.name)}...\n` };
}

function history(ctx: VerbContext, d: KubeObject): void {
  const rss = listObjects(ctx, 'ReplicaSet', { namespace: d.metadata.namespace }).filter((rs) => controllerRef(rs)?.uid === d.metadata.uid);
  const revs = rss.map((rs) => ({ rev: Number(rs.metadata.annotations?.[REVISION] ?? 0), cause: rs.metadata.annotations?.['kubernetes.io/change-cause'] ?? '<none>' })).sort((a, b) => a.rev - b.rev);
  const want = flag(ctx.args, 'revision');
  if (want !== undefined && want !== '0') {
    const rs = rss.find((x) => x.metadata.annotations?.[REVISION] === want);
    if (!rs) throw new KubectlError(`error: unable to find the specified revision`);
    ctx.out(`${objectName(d.kind, d.metadata.name)} with revision #${want}\nPod Template:\n  Labels:\t${Object.entries((rs.spec as { template?: { metadata?: { labels?: Record<string, string> } } }).template?.metadata?.labels ?? {}).map(([k, v]) => `${k}=${v}`).join('\n\t')}\n  Containers:\n${((rs.spec as { template?: { spec?: { containers?: { name: string; image?: string }[] } } }).template?.spec?.containers ?? []).map((c) => `   ${c.name}:\n    Image:\t${c.image ?? ''}`).join('\n')}\n\n`.split('\n').map((l) => l).join('\n'));
    return;
  }
  ctx.out(`${objectName(d.kind, d.metadata.name)} \n${tabwrite(['REVISION\tCHANGE-CAUSE', ...revs.map((r) => `${r.rev}\t${r.cause}`)].join('\n'))}\n\n`);
}

registerVerb({
  name: 'rollout',
  summary: 'Manage the rollout of a resource (status, history, undo, restart)',
  mutates: (args) => args.positional[0] === 'undo' || args.positional[0] === 'restart',
  valueFlags: ['to-revision', 'revision', 'timeout'],
  run(ctx) {
    const [sub, ...refs] = ctx.args.positional;
    if (!['status', 'history', 'undo', 'restart'].includes(sub ?? '')) throw new KubectlError(sub ? `error: unknown command "${sub}" for "kubectl rollout"` : 'error: you must specify a subcommand: status, history, undo or restart');
    const targets = parseTargets(refs);
    if (targets.length === 0 || targets.some((t) => t.names.length === 0)) throw new KubectlError(`error: required resource not specified`);
    for (const t of targets) {
      if (!['Deployment', 'StatefulSet', 'DaemonSet'].includes(t.kind)) throw new KubectlError(`error: no rollout ${sub === 'undo' ? 'rollbacker' : sub === 'history' ? 'history viewer' : 'status viewer'} has been implemented for "${t.kind}"`);
      for (const name of t.names) {
        const o = getObject(ctx, t.kind, name);
        if (sub === 'status') {
          const s = t.kind === 'Deployment' ? deploymentStatus(o) : otherStatus(o);
          ctx.out(s.text);
          // The console runs to steady state before it answers: a rollout still waiting here is stuck.
          if (!s.done) throw new KubectlError(`error: timed out waiting for the condition`);
        } else if (sub === 'history') {
          if (t.kind !== 'Deployment') throw new KubectlError(`error: no history viewer has been implemented for "${t.kind}"`);
          history(ctx, o);
        } else if (sub === 'undo') {
          if (t.kind !== 'Deployment') throw new KubectlError(`error: no rollbacker has been implemented for "${t.kind}"`);
          const to = flag(ctx.args, 'to-revision');
          const r = rollbackTemplate(ctx.cluster, o, to !== undefined ? Number(to) || undefined : undefined);
          if (!r.ok) throw new KubectlError(`error: ${r.message}`);
          const w = write(ctx, { verb: 'update', authVerb: 'patch', object: r.object });
          if (!w.ok) throw new KubectlError(serverError(w.code, w.message));
          ctx.out(`${objectName(t.kind, name)} rolled back\n`);
        } else {
          const next = cloneJson(o);
          const tpl = (next.spec as { template?: { metadata?: { annotations?: Record<string, string> } } }).template ?? {};
          tpl.metadata = { ...(tpl.metadata ?? {}), annotations: { ...(tpl.metadata?.annotations ?? {}), 'kubectl.kubernetes.io/restartedAt': timestamp(ctx.cluster.now) } };
          const w = write(ctx, { verb: 'update', authVerb: 'patch', object: next });
          if (!w.ok) throw new KubectlError(serverError(w.code, w.message));
          ctx.out(`${objectName(t.kind, name)} restarted\n`);
        }
      }
    }
    return 0;
  },
});
