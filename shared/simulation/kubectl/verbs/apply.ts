/**
 * `kubectl apply -f` and `kubectl create -f`: files of the design (or the CLI's disk) by path, or
 * `-f -` for YAML given as standard input (text pasted into the console). apply prints
 * `created`/`configured`/`unchanged` per object; create refuses an object that exists.
 */
import { getKindInfo, resourceOf } from '../../../kinds/registry';
import { sortForApply } from '../../../manifests/order';
import { parseManifests } from '../../../manifests';
import { cloneJson, type KubeObject } from '../../../model/object';
import { isClusterScoped } from '../../store';
import { flagAll } from '../argv';
import { lookupKind, objectName, serverError } from '../resources';
import { KubectlError, registerVerb, type VerbContext } from '../types';
import { send } from './common';
import { createGenerated, expose, runPod } from './generate';

/** Read every `-f` into objects with the file each came from. */
export function readFiles(ctx: VerbContext): { object: KubeObject; source: string }[] {
  const files = flagAll(ctx.args, 'filename');
  if (files.length === 0) throw new KubectlError('error: must specify one of -f and -k');
  const out: { object: KubeObject; source: string }[] = [];
  for (const f of files) {
    if (f === '-') {
      const text = ctx.env.stdin ?? '';
      const parsed = parseManifests(text, 'STDIN');
      const [first] = parsed.errors;
      if (first) throw new KubectlError(`error: error parsing STDIN: ${first.line ? `line ${first.line}: ` : ''}${first.message}`);
      for (const o of parsed.objects) out.push({ object: o.object, source: 'STDIN' });
      continue;
    }
    const read = ctx.env.files?.(f);
    if (!read) throw new KubectlError(`error: the path "${f}" does not exist`);
    if ('error' in read) throw new KubectlError(`error: ${read.error}`);
    read.objects.forEach((object, i) => out.push({ object, source: read.sources?.[i] ?? f }));
  }
  if (out.length === 0) throw new KubectlError('error: no objects passed to apply');
  return out;
}

/** The object with the namespace kubectl gives it (`-n` or the context's), or kubectl's mismatch error. */
export function withNamespace(ctx: VerbContext, o: KubeObject): KubeObject {
  const copy = cloneJson(o);
  if (isClusterScoped(copy.kind)) return copy;
  const own = copy.metadata.namespace;
  if (own && ctx.args.flags.has('namespace') && own !== ctx.namespace) {
    throw new KubectlError(`error: the namespace from the provided object "${own}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${own}' to perform this operation.`);
  }
  copy.metadata.namespace = own || ctx.namespace;
  return copy;
}

function identity(o: KubeObject): string {
  const info = getKindInfo(o.kind);
  const [group, version] = (info?.apiVersion ?? o.apiVersion).includes('/') ? (info?.apiVersion ?? o.apiVersion).split('/') : ['', info?.apiVersion ?? o.apiVersion];
  const gv = group ? `${group}/${version}` : version;
  return `Resource: "${gv}, Resource=${info?.resource ?? `${o.kind.toLowerCase()}s`}", GroupVersionKind: "${gv}, Kind=${o.kind}"\nName: "${o.metadata.name}", Namespace: "${o.metadata.namespace ?? ''}"`;
}

function applyOne(ctx: VerbContext, o: KubeObject, source: string, create: boolean): boolean {
  if (!lookupKind(o.kind)) {
    ctx.err(`error: resource mapping not found for name: "${o.metadata.name}" namespace: "${o.metadata.namespace ?? ''}" from "${source}": no matches for kind "${o.kind}" in version "${o.apiVersion}"\nensure CRDs are installed first\n`);
    return false;
  }
  if (create) {
    const r = send(ctx, { verb: 'create', object: o });
    ctx.cluster.drain();
    if (!r.ok) {
      ctx.err(`${serverError(r.code, `error when creating "${source}": ${r.message}`)}\n`);
      return false;
    }
    ctx.out(`${objectName(o.kind, r.object.metadata.name)} created\n`);
    return true;
  }
  // apply first reads the live object (apply.go: "error when retrieving current configuration of").
  const got = send(ctx, { verb: 'get', object: o });
  if (!got.ok && got.code !== 404) {
    ctx.err(`${serverError(got.code, `error when retrieving current configuration of:\n${identity(o)}\nfrom server for: "${source}": ${got.message}`)}\n`);
    return false;
  }
  const r = send(ctx, { verb: 'apply', object: o });
  ctx.cluster.drain();
  if (!r.ok) {
    const what = got.ok ? `error when applying patch:\nto:\n${identity(o)}\nfor: "${source}": error when patching "${source}": ${r.message}` : `error when creating "${source}": ${r.message}`;
    ctx.err(`${serverError(r.code, what)}\n`);
    return false;
  }
  ctx.out(`${objectName(o.kind, o.metadata.name)} ${r.result ?? 'configured'}\n`);
  return true;
}

function run(create: boolean) {
  return (ctx: VerbContext): number => {
    const items = readFiles(ctx).map((x) => ({ ...x, object: withNamespace(ctx, x.object) }));
    // kubectl applies in file order; the simulator's kind order makes a namespace exist before its contents.
    const order = sortForApply(items.map((x) => x.object));
    const source = new Map(items.map((x) => [x.object, x.source]));
    let ok = true;
    for (const o of order) ok = applyOne(ctx, o, source.get(o) ?? 'STDIN', create) && ok;
    return ok ? 0 : 1;
  };
}

registerVerb({ name: 'apply', summary: 'Apply a configuration to a resource by file name or stdin', mutates: true, run: run(false) });
registerVerb({
  name: 'create',
  summary: 'Create a resource from a file or from stdin',
  mutates: true,
  valueFlags: ['image', 'replicas', 'port', 'from-literal'],
  shortFlags: { r: 'replicas' },
  // `create deployment|namespace|configmap NAME …` (./generate.ts), else `create -f`.
  run: (ctx) => createGenerated(ctx) ?? run(true)(ctx),
});
registerVerb({ name: 'run', summary: 'Run a particular image on the cluster', mutates: true, valueFlags: ['image', 'port', 'labels'], run: runPod });
registerVerb({ name: 'expose', summary: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service', mutates: true, valueFlags: ['port', 'target-port', 'type', 'name', 'protocol'], run: expose });

export { resourceOf };
