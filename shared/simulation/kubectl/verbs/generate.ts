/**
 * kubectl's generators, the imperative way the course and the hello-minikube tutorial create
 * objects (https://kubernetes.io/docs/tutorials/hello-minikube/):
 *
 * - `kubectl create deployment NAME --image=IMAGE [--replicas=N] [--port=P]`
 *   (staging/src/k8s.io/kubectl/pkg/cmd/create/create_deployment.go: labels `app: NAME`, the
 *   container named after the image's last path segment without tag or digest);
 * - `kubectl create namespace NAME`, `kubectl create configmap NAME --from-literal=k=v…`,
 *   `kubectl create secret generic NAME --from-literal=k=v…`;
 * - `kubectl run NAME --image=IMAGE [--port=P] [--labels=k=v,…]` (cmd/run/run.go: a Pod labelled
 *   `run: NAME`, its container named NAME);
 * - `kubectl expose (deployment|replicaset|pod|service) NAME --port=P [--target-port=T]
 *   [--type=T] [--name=N] [--protocol=TCP]` (cmd/expose/expose.go: the Service selects what the
 *   object selects — a workload's `spec.selector.matchLabels`, a pod's labels).
 *
 * Each sends one create to the API server as the user, so RBAC and admission judge it like any
 * other create.
 */
import type { KubeObject } from '../../../model/object';
import { flag, flagAll } from '../argv';
import { objectName, resolveKind, serverError, stub } from '../resources';
import { KubectlError, type VerbContext } from '../types';
import { send } from './common';
import { toBase64 } from '../../containerEnv';

/** `registry.k8s.io/e2e-test-images/agnhost:2.39` → `agnhost` (create_deployment.go buildPodSpec). */
export function containerNameOf(image: string): string {
  const last = image.split('/').at(-1) ?? image;
  return last.split('@')[0]!.split(':')[0]!.toLowerCase().replace(/[^a-z0-9-]/g, '-');
}

function port(ctx: VerbContext, name = 'port'): number | undefined {
  const text = flag(ctx.args, name);
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n)) throw new KubectlError(`error: invalid argument "${text}" for "--${name}" flag: strconv.ParseInt: parsing "${text}": invalid syntax`);
  return n;
}

function create(ctx: VerbContext, object: KubeObject, said = 'created'): number {
  const r = send(ctx, { verb: 'create', object });
  ctx.cluster.drain();
  if (!r.ok) throw new KubectlError(serverError(r.code, r.message));
  ctx.out(`${objectName(object.kind, object.metadata.name)} ${said}\n`);
  return 0;
}

/** The generators `create` knows, by kubectl's names and aliases. */
const CREATE: Record<string, (ctx: VerbContext, name: string) => number> = {
  deployment(ctx, name) {
    const image = flagAll(ctx.args, 'image');
    if (image.length === 0) throw new KubectlError('error: required flag(s) "image" not set');
    const replicasText = flag(ctx.args, 'replicas') ?? '1';
    const replicas = Number(replicasText);
    if (!Number.isInteger(replicas)) throw new KubectlError(`error: invalid argument "${replicasText}" for "-r, --replicas" flag: strconv.ParseInt: parsing "${replicasText}": invalid syntax`);
    const p = port(ctx);
    const labels = { app: name };
    // `-- COMMAND ARGS…` becomes the (single) container's command, as create_deployment.go does.
    const command = ctx.args.rest.length > 0 && image.length === 1 ? { command: [...ctx.args.rest] } : {};
    const containers = image.map((img) => ({ name: containerNameOf(img), image: img, ...command, resources: {}, ...(p !== undefined ? { ports: [{ containerPort: p }] } : {}) }));
    return create(ctx, {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: ctx.namespace, labels },
      spec: { replicas, selector: { matchLabels: labels }, strategy: {}, template: { metadata: { labels }, spec: { containers } } },
    });
  },
  namespace(ctx, name) {
    return create(ctx, { apiVersion: 'v1', kind: 'Namespace', metadata: { name }, spec: {} });
  },
  configmap(ctx, name) {
    return create(ctx, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ctx.namespace }, data: literals(ctx) });
  },
  /**
   * `kubectl create secret generic NAME --from-literal=k=v… [--type=T]` (create_secret.go): the
   * values base64-encoded in `data`, type Opaque unless given. Only `generic` is built.
   */
  secret(ctx, sub) {
    const name = ctx.args.positional[2];
    if (sub !== 'generic') throw new KubectlError(`error: unknown command "${sub}" for "kubectl create secret"`);
    if (!name) throw new KubectlError('error: exactly one NAME is required, got 0');
    const data = Object.fromEntries(Object.entries(literals(ctx)).map(([k, v]) => [k, toBase64(v)]));
    return create(ctx, { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: ctx.namespace }, type: flag(ctx.args, 'type') ?? 'Opaque', data });
  },
};
const CREATE_ALIASES: Record<string, string> = { deploy: 'deployment', deployments: 'deployment', ns: 'namespace', namespaces: 'namespace', cm: 'configmap', configmaps: 'configmap' };

/** `--from-literal=key=value`, repeated: the data of a ConfigMap or Secret. */
function literals(ctx: VerbContext): Record<string, string> {
  const data: Record<string, string> = {};
  for (const literal of flagAll(ctx.args, 'from-literal')) {
    const i = literal.indexOf('=');
    if (i <= 0) throw new KubectlError(`error: invalid literal source ${literal}, expected key=value`);
    data[literal.slice(0, i)] = literal.slice(i + 1);
  }
  return data;
}

/** `kubectl create <generator> NAME …`, or undefined when the first word names no generator (then `create -f`). */
export function createGenerated(ctx: VerbContext): number | undefined {
  const [what, name] = ctx.args.positional;
  if (what === undefined) return undefined;
  const generator = CREATE[CREATE_ALIASES[what] ?? what];
  if (!generator) throw new KubectlError(`error: unknown command "${what}" for "kubectl create"\nDid you mean this?\n\tdeployment\n\tnamespace\n\tconfigmap\n\tsecret`);
  if (!name) throw new KubectlError(`error: exactly one NAME is required, got 0`);
  return generator(ctx, name);
}

/** `kubectl run NAME --image=IMAGE`. */
export function runPod(ctx: VerbContext): number {
  const [name] = ctx.args.positional;
  if (!name) throw new KubectlError('error: NAME is required for run');
  const image = flag(ctx.args, 'image');
  if (!image) throw new KubectlError('error: required flag(s) "image" not set');
  const labels: Record<string, string> = { run: name };
  const given = flag(ctx.args, 'labels');
  if (given) {
    for (const kv of given.split(',')) {
      const i = kv.indexOf('=');
      if (i <= 0) throw new KubectlError(`error: invalid label spec: ${kv}`);
      labels[kv.slice(0, i)] = kv.slice(i + 1);
    }
    delete labels.run;
  }
  const p = port(ctx);
  return create(ctx, {
    apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ctx.namespace, labels },
    spec: { containers: [{ name, image, resources: {}, ...(p !== undefined ? { ports: [{ containerPort: p }] } : {}) }], restartPolicy: 'Always' },
  });
}

/** `kubectl expose TYPE NAME --port=P`: a Service selecting what the object selects. */
export function expose(ctx: VerbContext): number {
  let [what, name] = ctx.args.positional;
  if (what?.includes('/')) [what, name] = [what.slice(0, what.indexOf('/')), what.slice(what.indexOf('/') + 1)];
  if (!what || !name) throw new KubectlError("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'");
  const kind = resolveKind(what);
  const got = send(ctx, { verb: 'get', object: stub(kind, ctx.namespace, name) });
  if (!got.ok) throw new KubectlError(serverError(got.code, got.message));
  const o = got.object;
  const spec = (o.spec ?? {}) as Record<string, unknown>;
  const selector: Record<string, string> | undefined = kind === 'Pod'
    ? o.metadata.labels
    : kind === 'Service'
      ? (spec.selector as Record<string, string> | undefined)
      : ((spec.selector as { matchLabels?: Record<string, string> } | undefined)?.matchLabels);
  if (!selector || Object.keys(selector).length === 0) throw new KubectlError(`error: couldn't retrieve selectors via --selector flag or introspection: the ${kind} has no selector`);
  const containerPort = (() => {
    const podSpec = (kind === 'Pod' ? spec : ((spec.template as { spec?: Record<string, unknown> } | undefined)?.spec ?? {})) as { containers?: { ports?: { containerPort?: number }[] }[] };
    return podSpec.containers?.flatMap((c) => c.ports ?? [])[0]?.containerPort;
  })();
  const p = port(ctx) ?? containerPort;
  if (p === undefined) throw new KubectlError(`error: couldn't find port via --port flag or introspection`);
  const targetText = flag(ctx.args, 'target-port');
  const targetPort = targetText === undefined ? p : /^\d+$/.test(targetText) ? Number(targetText) : targetText;
  const type = flag(ctx.args, 'type');
  const service: KubeObject = {
    apiVersion: 'v1', kind: 'Service',
    metadata: { name: flag(ctx.args, 'name') ?? name, namespace: ctx.namespace, ...(o.metadata.labels ? { labels: { ...o.metadata.labels } } : {}) },
    spec: { ports: [{ port: p, protocol: flag(ctx.args, 'protocol') ?? 'TCP', targetPort }], selector: { ...selector }, ...(type ? { type } : {}) },
  };
  return create(ctx, service, 'exposed');
}
