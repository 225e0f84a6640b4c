/**
 * `kubectl apply -f` and `kubectl create -f`: files of the design (or the CLI's disk) by path, or
 * `-f -` for YAML given as standard input (text pasted into the console). apply prints
 * `created`/`configured`/`unchanged` per object; create refuses an object that exists.
 */
import { getKindInfo, resourceOf } from '../../../kinds/registry';
import { sortForApply } from '../../../manifests/order';
import { parseManifests } from '../../../manifests';
import { cloneJson, type KubeObject } from '../../../model/object';
import { kubectlErrorText, standardErrorText } from '../../kubectlError';
import { isClusterScoped } from '../../store';
import { flagAll } from '../argv';
import { lookupKind, objectName } from '../resources';
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

/**
 * One object's refusal, as kubectl holds it until the end (apply.go and create.go collect every
 * object's error): `alone` is how `cmdutil.CheckErr` prints it when it is the only one (an Invalid
 * error from its details: `The Deployment "web" is invalid: …`), `listed` how it prints each of
 * several (`MultipleErrors`: StandardErrorMessage, `Error from server (Invalid): error when
 * creating "app.yaml": Deployment.apps "web" is invalid: …`).
 */
interface ObjectError {
  alone: string;
  listed: string;
}

/** A refused request with kubectl's `cmdutil.AddSourceToErr(verb, source, err)` context (`error when creating "app.yaml": …`). */
function refused(r: Refusal, source: string, verb: string): ObjectError {
  const context = `error when ${verb} "${source}": `;
  return { alone: r.code === 422 ? kubectlErrorText(r) : standardErrorText(r, context), listed: standardErrorText(r, context) };
}

type Refusal = Extract<ReturnType<typeof send>, { ok: false }>;

function applyOne(ctx: VerbContext, o: KubeObject, source: string, create: boolean): ObjectError | null {
  if (!lookupKind(o.kind)) {
    const text = `error: resource mapping not found for name: "${o.metadata.name}" namespace: "${o.metadata.namespace ?? ''}" from "${source}": no matches for kind "${o.kind}" in version "${o.apiVersion}"\nensure CRDs are installed first`;
    return { alone: text, listed: text };
  }
  if (create) {
    const r = send(ctx, { verb: 'create', object: o });
    ctx.cluster.drain();
    if (!r.ok) return refused(r, source, 'creating');
    ctx.out(`${objectName(o.kind, r.object.metadata.name)} created\n`);
    return null;
  }
  // apply first reads the live object (apply.go: "error when retrieving current configuration of").
  const got = send(ctx, { verb: 'get', object: o });
  if (!got.ok && got.code !== 404) return refused(got, source, `retrieving current configuration of:\n${identity(o)}\nfrom server for:`);
  const r = send(ctx, { verb: 'apply', object: o });
  ctx.cluster.drain();
  if (!r.ok) return got.ok ? refused(r, source, `applying patch:\nto:\n${identity(o)}\nfor: "${source}": error when patching`) : refused(r, source, 'creating');
  ctx.out(`${objectName(o.kind, o.metadata.name)} ${r.result ?? 'configured'}\n`);
  return null;
}

function run(create: boolean) {
  return (ctx: VerbContext): number => {
    const items = readFiles(ctx).map((x) => ({ ...x, object: withNamespace(ctx, x.object) }));
    // kubectl applies in file order; the simulator's kind order makes a namespace exist before its contents.
    const order = sortForApply(items.map((x) => x.object));
    const source = new Map(items.map((x) => [x.object, x.source]));
    const errors: ObjectError[] = [];
    for (const o of order) {
      const e = applyOne(ctx, o, source.get(o) ?? 'STDIN', create);
      if (e) errors.push(e);
    }
    // The errors come after every object was tried: one as CheckErr prints it, several one per line.
    if (errors.length === 1) ctx.err(`${errors[0].alone}\n`);
    else for (const e of errors) ctx.err(`${e.listed}\n`);
    return errors.length ? 1 : 0;
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
