/**
 * `kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]`: the simulated containers' logs
 * (docs/observability.md), read from the session's observation with kubectl's formats and errors
 * (../../observe/kubectl.ts). Authorised as upstream: `get` on the `pods/log` subresource.
 * `TYPE/NAME` of a workload picks its first pod, as kubectl's LogsForObject does
 * (staging/src/k8s.io/kubectl/pkg/polymorphichelpers/logsforobject.go). A simulated run has
 * ended, so `-f` prints what the container has written and returns instead of waiting.
 */
import { kubectlLogs } from '../../observe/kubectl';
import { boolFlag, flag } from '../argv';
import { parseTargets, serverError, stub } from '../resources';
import { KubectlError, registerVerb } from '../types';
import { send } from './common';

registerVerb({
  name: 'logs',
  summary: 'Print the logs for a container in a pod',
  mutates: false,
  boolFlags: ['previous', 'timestamps', 'all-containers', 'prefix', 'follow'],
  valueFlags: ['container', 'tail'],
  shortFlags: { c: 'container', p: 'previous', f: 'follow' },
  run(ctx) {
    const words = ctx.args.positional;
    if (words.length === 0) throw new KubectlError("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples");
    const observation = ctx.env.observation?.();
    if (!observation) throw new KubectlError('error: logs are kept by a live simulation: run kubectl in the console or with kubeplan kubectl');
    const ns = ctx.namespace;
    let pod = words[0];
    if (pod.includes('/')) {
      const [target] = parseTargets([pod]);
      const name = target?.names[0] ?? '';
      if (target?.kind === 'Pod') pod = name;
      else {
        const owner = `${target?.kind}/${name}`;
        const r = send(ctx, { verb: 'get', object: stub(target?.kind ?? '', ns, name) });
        if (!r.ok) throw new KubectlError(serverError(r.code, r.message));
        const pods = observation.pods.filter((p) => p.namespace === ns && p.owner === owner && p.deletedAt === undefined).sort((a, b) => a.created - b.created || a.name.localeCompare(b.name));
        if (pods.length === 0) throw new KubectlError(`error: timed out waiting for the condition`);
        if (pods.length > 1) ctx.err(`Found ${pods.length} pods, using pod/${pods[0].name}\n`);
        pod = pods[0].name;
      }
    }
    const container = flag(ctx.args, 'container') ?? words[1];
    const auth = send(ctx, { verb: 'get', subresource: 'log', object: stub('Pod', ns, pod) });
    if (!auth.ok) throw new KubectlError(serverError(auth.code, auth.message));
    const tailText = flag(ctx.args, 'tail');
    const tail = tailText === undefined ? undefined : Number(tailText);
    if (tail !== undefined && !Number.isInteger(tail)) throw new KubectlError(`error: invalid argument "${tailText}" for "--tail" flag: strconv.ParseInt: parsing "${tailText}": invalid syntax`);
    const out = kubectlLogs(observation, {
      pod,
      namespace: ns,
      ...(container !== undefined ? { container } : {}),
      previous: boolFlag(ctx.args, 'previous'),
      timestamps: boolFlag(ctx.args, 'timestamps'),
      allContainers: boolFlag(ctx.args, 'all-containers'),
      prefix: boolFlag(ctx.args, 'prefix'),
      ...(tail !== undefined ? { tail } : {}),
    });
    ctx.out(out.stdout);
    if (out.stderr) ctx.err(out.stderr);
    return out.exitCode;
  },
});
