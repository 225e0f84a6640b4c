/**
 * `simulate()`: boot a cluster from the design's nodes, apply the objects, play the scenario's
 * steps over simulated time, and return the event log, per-tick state, timeline and final state.
 */
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { defaultCluster, type ClusterSpec } from '../design/types';
import { getKindInfo, getKindModule, resourceOf } from '../kinds/registry';
import { sortForApply } from '../manifests/order';
import { cloneJson, type KubeObject } from '../model/object';
import { Cluster } from './cluster';
import { DeploymentController, rollbackTemplate } from './controllers/deployment';
import { EndpointSliceController } from './controllers/endpointslice';
import { GarbageCollector, NamespaceController } from './controllers/gc';
import { PersistentVolumeBinder } from './controllers/pvbinder';
import { ResourceQuotaController } from './controllers/quota';
import { ReplicaSetController } from './controllers/replicaset';
import { isActive, podTemplateOf } from './controllers/util';
import { registerWorkloadControllers } from './controllers/workloads';
import { timestamp } from './apiserver';
import { withNodeNetwork } from './ipam';
import { fnv1a } from './network/hash';
import { bootstrapPolicy, DEFAULT_USER, identityOf, MASTERS_GROUP, type Identity } from './rbac';
import { cordon, drain, Kubelet, nodeObject } from './kubelet';
import { claimSummaries, deploymentSummaries, replicaSetSummaries, endpointSummaries, nodeSummaries, podSummaries, quotaSummaries, tickState, topOwner, volumeSummaries } from './report';
import { Scheduler } from './scheduler';
import type { SchedulingRecorder } from './scheduling/recorder';
import { clusterProblems, SimulationLimitError } from './limits';
import { kubectlErrorText } from './kubectlError';
import { keyFor, nsOf } from './store';
import { TrafficEngine } from './traffic';
import type { AppliedEntry, ScenarioStep, SimulationInput, SimulationResult, TickState, TimelineFrame } from './types';
import { pushAll } from '../model/arrays';
import { filesReader } from './kubectl/files';
import { runKubectl, usersOf } from './kubectl/run';
import type { KubectlOutput } from './kubectl/types';


/**
 * The default ClusterRoles and bindings (rbac.ts bootstrapPolicy), written at t=0 as the API server's
 * start-up hook writes them. Straight into the store: their uids come from their names, not the
 * seeded generator, so the pod names of a seed stay what they were.
 */
function bootstrapRbac(c: Cluster): void {
  for (const o of bootstrapPolicy()) {
    const h = (fnv1a(`${o.kind}/${o.metadata.name}`) >>> 0).toString(16).padStart(8, '0');
    o.metadata = { ...o.metadata, uid: `${h}-0000-4000-8000-${h}0000`, resourceVersion: c.store.nextRevision(), creationTimestamp: timestamp(0) };
    c.store.put(o);
  }
}

export class Simulation {
  readonly cluster: Cluster;
  readonly applied: AppliedEntry[] = [];
  readonly ticks: TickState[] = [];
  readonly timeline: TimelineFrame[] = [];
  readonly traffic: TrafficEngine;
  private readonly kubelet: Kubelet;
  private messageMark = 0;
  private lastTickKey = '';
  /** The output of the last `kubectl` step (the console shows it). */
  lastKubectl: KubectlOutput | undefined;

  get step(): number {
    return this.cluster.step;
  }

  set step(n: number) {
    this.cluster.step = n;
  }

  /** `recorder`: keep every scheduling attempt's plugin verdicts and scores (see scheduling/recorder.ts). */
  constructor(private readonly input: SimulationInput, recorder?: SchedulingRecorder) {
    const seed = input.seed ?? 1;
    const c = (this.cluster = new Cluster(seed, input.options));
    c.register(new ResourceQuotaController(c));
    c.register(new NamespaceController(c));
    c.register(new GarbageCollector(c));
    c.register(new DeploymentController(c));
    c.register(new ReplicaSetController(c));
    registerWorkloadControllers(c);
    c.register(new PersistentVolumeBinder(c));
    c.register(new Scheduler(c, recorder));
    c.register((this.kubelet = new Kubelet(c)));
    c.register(new EndpointSliceController(c));
    this.traffic = new TrafficEngine(c);
    const cluster: ClusterSpec = input.cluster?.nodes?.length ? input.cluster : defaultCluster();
    for (const n of cluster.nodes) c.api.request({ verb: 'create', user: `system:node:${n.name}`, component: `kubelet/${n.name}`, object: withNodeNetwork(c, nodeObject(n)) });
    for (const ns of ['default', 'kube-system']) c.api.request({ verb: 'create', user: 'system:apiserver', component: 'apiserver', object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } } });
    bootstrapRbac(c);
    if (c.options.defaultStorageClass) {
      // What kind installs: local-path-provisioner as the default class, binding when a pod uses the claim.
      c.api.request({
        verb: 'create', user: 'system:admin', component: 'kubectl',
        object: { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: c.options.defaultStorageClass, annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }, provisioner: 'rancher.io/local-path', reclaimPolicy: 'Delete', volumeBindingMode: 'WaitForFirstConsumer' },
      });
    }
    c.drain();
    this.messageMark = c.messages.length;
  }

  /** Apply `objects` as kubectl apply does; as `identity` (a scenario step's user) when given, so RBAC judges each. */
  apply(objects: KubeObject[], sources?: readonly (string | undefined)[], identity?: Identity): void {
    const c = this.cluster;
    const sourceOf = sources ? new Map(objects.map((o, i) => [o, sources[i]])) : undefined;
    // kubectl applies in the order given; we sort by kind (the kind modules' apply order) so a namespace exists before its contents.
    for (const o of sortForApply(objects)) {
      const namespace = nsOf(o);
      const unmapped = unknownKind(c, o, sourceOf?.get(o));
      if (unmapped) {
        this.applied.push({ step: this.step, time: c.now, kind: o.kind, namespace, name: o.metadata.name, result: 'failed', message: unmapped });
        continue;
      }
      // The API server's apply clones the object itself: no second copy here.
      const r = c.api.request({ verb: 'apply', user: identity?.user ?? 'kubectl', component: 'kubectl', object: o, ...(identity ? { identity } : {}) });
      this.applied.push({
        step: this.step, time: c.now, kind: o.kind, namespace, name: o.metadata.name,
        result: r.ok ? r.result ?? 'configured' : 'failed',
        // kubectl apply creates what is missing: a refusal then reads `error when creating "<file>"`
        // (manifests given inline are kubectl's standard input, "STDIN").
        ...(r.ok ? {} : { message: kubectlErrorText(r, { source: sourceOf?.get(o) ?? 'STDIN', creating: !c.store.getBy(o.kind, namespace, o.metadata.name) }) }),
      });
      c.drain();
    }
  }

  /**
   * The identity a step's requests are sent as (docs/scenarios.md, "Steps as a user"): the step's
   * user, else the scenario's, else the built-in admin; its groups come from the cluster section.
   */
  identityFor(step: ScenarioStep): Identity {
    const name = step.user ?? this.input.scenario?.user ?? DEFAULT_USER.name;
    return identityOf(usersOf(this.input.cluster?.users).find((u) => u.name === name) ?? name);
  }

  /**
   * Run one scenario step; returns an error line for steps that cannot run (kubectl's message).
   * Every request a step makes goes through the API server as the step's user (identityFor), with
   * the verb kubectl would send: scale patches `deployments/scale`, set image and rollback patch
   * the workload, deletes delete; cordon, uncordon and drain as anyone but a cluster admin run as
   * the kubectl commands (`drain --ignore-daemonsets --force`), whose requests RBAC judges one by one.
   */
  run(step: ScenarioStep): string | null {
    const c = this.cluster;
    const identity = this.identityFor(step);
    switch (step.action) {
      case 'apply':
        this.apply(step.objects, step.sources, identity);
        return null;
      case 'applyAgain':
        this.apply(this.input.objects, this.input.sources, identity);
        return null;
      case 'wait':
        if (step.steady) c.runToSteady(() => this.tick());
        else c.runUntil(c.now + (step.seconds ?? 0), () => this.tick());
        return null;
      case 'scale': {
        const o = c.store.getBy(step.kind, step.namespace, step.name);
        if (!o) return this.missing(step.kind, step.namespace, step.name, identity, 'patch', 'scale');
        return this.write({ ...o, spec: { ...(o.spec as object), replicas: step.replicas } }, identity, 'patch', 'scale');
      }
      case 'setImage': {
        const o = c.store.getBy(step.kind, step.namespace, step.name);
        if (!o) return this.missing(step.kind, step.namespace, step.name, identity, 'patch');
        const next = cloneJson(o);
        const template = podTemplateOf(next);
        const containers = template?.spec?.containers ?? [];
        const targets = step.container ? containers.filter((x) => x.name === step.container) : containers;
        if (targets.length === 0) return `error: unable to find container named "${step.container}"`;
        for (const ct of targets) ct.image = step.image;
        return this.write(next, identity, 'patch');
      }
      case 'rollback': {
        const o = c.store.getBy(step.kind, step.namespace, step.name);
        // rollout undo reads the workload (and its history) before it patches it back.
        const unreadable = this.refused(step.kind, step.namespace, step.name, identity, 'get');
        if (unreadable) return unreadable;
        if (!o) return notFound(step.kind, step.name);
        const r = rollbackTemplate(c, o, step.toRevision);
        if (!r.ok) return `error: ${r.message}`;
        return this.write(r.object, identity, 'patch');
      }
      case 'crash': {
        const pod = this.findPod(step.namespace, step.name, step.owner);
        if (!pod) return step.name ? this.missing('Pod', step.namespace, step.name, identity, 'create', 'exec') : notFound('Pod', step.owner ?? '');
        // Ending a container's process is what `kubectl exec POD -- kill 1` does: create on pods/exec.
        const refused = this.refused('Pod', step.namespace, pod.metadata.name, identity, 'create', 'exec');
        if (refused) return refused;
        const err = this.kubelet.crash(keyFor('Pod', step.namespace, pod.metadata.name), step.container);
        c.drain();
        return err ? `error: ${err}` : null;
      }
      case 'deletePod': {
        const pod = this.findPod(step.namespace, step.name, step.owner);
        if (!pod) return step.name ? this.missing('Pod', step.namespace, step.name, identity, 'delete') : notFound('Pod', step.owner ?? '');
        return this.remove(pod, identity);
      }
      case 'delete': {
        const o = c.store.getBy(step.kind, step.namespace, step.name);
        if (!o) return this.missing(step.kind, step.namespace, step.name, identity, 'delete');
        return this.remove(o, identity);
      }
      case 'cordon':
      case 'uncordon':
      case 'drain': {
        if (!identity.groups.includes(MASTERS_GROUP)) {
          return this.asKubectl(identity, step.action === 'drain' ? ['drain', step.node, '--ignore-daemonsets', '--force'] : [step.action, step.node]);
        }
        const err = step.action === 'drain' ? drain(c, step.node) : cordon(c, step.node, step.action === 'cordon');
        c.drain();
        return err;
      }
      case 'addNode':
        c.api.request({ verb: 'create', user: `system:node:${step.node.name}`, component: `kubelet/${step.node.name}`, object: withNodeNetwork(c, nodeObject(step.node)) });
        c.drain();
        return null;
      case 'setLoad':
        c.load.set(keyFor(step.kind, step.namespace, step.name), Number(step.cpu.endsWith('m') ? step.cpu.slice(0, -1) : Number(step.cpu) * 1000));
        c.dispatch({ type: 'MODIFIED', object: { apiVersion: 'v1', kind: 'Load', metadata: { name: step.name, namespace: step.namespace } } });
        c.drain();
        return null;
      case 'startTraffic':
        this.traffic.start(step.flow);
        c.drain();
        return null;
      case 'stopTraffic':
        this.traffic.stop(step.name);
        c.drain();
        return null;
      case 'kubectl': {
        const out = runKubectl({ cluster: c, users: this.input.cluster?.users ?? [], context: step.context ?? step.user ?? this.input.scenario?.user ?? 'admin', files: filesReader(step.files ?? {}), ...(step.stdin !== undefined ? { stdin: step.stdin } : {}) }, step.argv);
        this.lastKubectl = out;
        c.drain();
        return out.exitCode === 0 ? null : out.stderr.trimEnd() || `kubectl exited with ${out.exitCode}`;
      }
    }
  }

  /** A step on a node as the kubectl command it stands for, run as the step's user. */
  private asKubectl(identity: Identity, argv: string[]): string | null {
    const users = usersOf(this.input.cluster?.users);
    const known = users.some((u) => u.name === identity.user);
    const out = runKubectl({ cluster: this.cluster, users: known ? users : [...users, { name: identity.user }], context: identity.user }, argv);
    this.cluster.drain();
    return out.exitCode === 0 ? null : out.stderr.trimEnd() || `kubectl ${argv[0]} exited with ${out.exitCode}`;
  }

  /**
   * Whether the step's user may send this request (the API server's authorisation, through its one
   * entry point): kubectl's Forbidden line, or null.
   */
  private refused(kind: string, namespace: string, name: string, identity: Identity, verb: string, subresource?: string): string | null {
    const info = getKindInfo(kind);
    const object: KubeObject = { apiVersion: info?.apiVersion ?? 'v1', kind, metadata: { name, namespace } };
    const r = this.cluster.api.request({ verb: 'get', authVerb: verb, ...(subresource ? { subresource } : {}), user: identity.user, component: 'kubectl', identity, object });
    return !r.ok && r.code === 403 ? kubectlErrorText(r) : null;
  }

  /** A step's object that is not there: authorised first, so a refused user does not learn whether it exists. */
  private missing(kind: string, namespace: string, name: string, identity: Identity, verb: string, subresource?: string): string {
    return this.refused(kind, namespace, name, identity, verb, subresource) ?? notFound(kind, name);
  }

  private remove(o: KubeObject, identity: Identity): string | null {
    const r = this.cluster.api.request({ verb: 'delete', user: identity.user, component: 'kubectl', identity, object: o });
    this.cluster.drain();
    return r.ok ? null : kubectlErrorText(r);
  }

  /** A pod by name, or the first running pod (by name) of a top owner such as `Deployment/web`. */
  private findPod(namespace: string, name?: string, owner?: string): KubeObject | undefined {
    const c = this.cluster;
    if (name) return c.store.getBy('Pod', namespace, name);
    return c.store.list('Pod', namespace).filter((p) => isActive(p) && topOwner(c, p) === owner).sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))[0];
  }

  private write(o: KubeObject, identity?: Identity, authVerb?: string, subresource?: string): string | null {
    const r = this.cluster.api.request({ verb: 'update', user: identity?.user ?? 'kubectl', component: 'kubectl', object: o, ...(identity ? { identity } : {}), ...(authVerb ? { authVerb } : {}), ...(subresource ? { subresource } : {}) });
    this.cluster.drain();
    return r.ok ? null : kubectlErrorText(r);
  }

  /** Start the design's flows (`input.flows`) in the running cluster; called once, after the initial apply. */
  startDesignFlows(): void {
    for (const flow of this.input.flows ?? []) this.traffic.start(flow);
    this.cluster.drain();
  }

  /** Called after every simulated second that ran: traffic, tick state and the timeline frame. */
  tick(): void {
    const c = this.cluster;
    if (!c.options.record) {
      c.changedPods.clear();
      c.touchedEvents.clear();
      return;
    }
    const messages = c.messages.slice(this.messageMark);
    this.messageMark = c.messages.length;
    const pods: [string, string, string, string][] = [];
    for (const [k, p] of c.changedPods) {
      const [ns, name] = k.split('/');
      if (!p) pods.push([ns, name, 'Deleted', '']);
      else pods.push([ns, name, tickPodStatus(p), (p.spec as Pod['spec'])?.nodeName ?? '']);
    }
    const events = [...c.touchedEvents].sort((a, b) => a - b);
    c.changedPods.clear();
    c.touchedEvents.clear();
    if (messages.length || pods.length || events.length) {
      const last = this.timeline.at(-1);
      if (last && last.time === c.now) {
        pushAll(last.messages, messages);
        pushAll(last.pods, pods);
        last.events = [...new Set([...last.events, ...events])].sort((a, b) => a - b);
      } else this.timeline.push({ time: c.now, messages, events, pods });
      const state = tickState(c);
      const key = JSON.stringify({ ...state, time: 0 });
      if (key !== this.lastTickKey) {
        if (this.ticks.at(-1)?.time === c.now) this.ticks[this.ticks.length - 1] = state;
        else this.ticks.push(state);
        this.lastTickKey = key;
      }
    }
  }

  result(steady: boolean): SimulationResult {
    const c = this.cluster;
    const crashLoops = steady ? this.kubelet.crashLoopNotes() : [];
    return {
      seed: this.input.seed ?? 1,
      endTime: c.now,
      steady,
      applied: this.applied,
      pods: podSummaries(c),
      events: c.events,
      quotas: quotaSummaries(c),
      persistentVolumeClaims: claimSummaries(c),
      persistentVolumes: volumeSummaries(c),
      deployments: deploymentSummaries(c),
      replicaSets: replicaSetSummaries(c),
      endpoints: endpointSummaries(c),
      nodes: nodeSummaries(c),
      traffic: this.traffic.aggregates,
      ticks: this.ticks,
      timeline: this.timeline,
      ...(crashLoops.length ? { crashLoops } : {}),
    };
  }
}

function tickPodStatus(p: KubeObject): string {
  if (p.metadata.deletionTimestamp) return 'Terminating';
  const s = (p as Pod).status;
  const waiting = s?.containerStatuses?.find((x) => x.state?.waiting)?.state?.waiting?.reason;
  return waiting ?? s?.phase ?? 'Pending';
}

/** API groups the API server serves itself: the core group, the unqualified ones and `*.k8s.io`. */
function builtInGroup(group: string): boolean {
  return group === '' || group === 'apps' || group === 'batch' || group === 'policy' || group === 'autoscaling' || group.endsWith('.k8s.io');
}

/**
 * kubectl's answer for an object of a custom group whose kind no CustomResourceDefinition serves at
 * that version (k8s.io/cli-runtime resource.Builder mappingFor → meta.NoKindMatchError, and
 * kubectl's apply `resource mapping not found … ensure CRDs are installed first`), or null.
 */
function unknownKind(c: Cluster, o: KubeObject, source: string | undefined): string | null {
  const apiVersion = typeof o.apiVersion === 'string' ? o.apiVersion : '';
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  if (builtInGroup(group)) return null;
  // A kind Kubeplan's catalogue serves (a registered kind module) is known at its own version.
  if (getKindModule(o.kind, apiVersion)?.apiVersion === apiVersion) return null;
  const version = apiVersion.slice(slash + 1);
  for (const crd of c.store.list('CustomResourceDefinition')) {
    const spec = crd.spec as { group?: string; names?: { kind?: string }; versions?: { name?: string; served?: boolean }[] } | undefined;
    if (spec?.group === group && spec.names?.kind === o.kind && (spec.versions ?? []).some((v) => v?.name === version && v.served !== false)) return null;
  }
  return `resource mapping not found for name: "${o.metadata.name}" namespace: "${o.metadata.namespace ?? ''}" from "${source ?? 'STDIN'}": no matches for kind "${o.kind}" in version "${apiVersion}"\nensure CRDs are installed first`;
}

function notFound(kind: string, name: string): string {
  return `Error from server (NotFound): ${resourceOf(kind)} "${name}" not found`;
}

/** Run a simulation to the end: inputs applied at t=0, then the scenario's steps, then to steady state. */
export function simulate(input: SimulationInput, recorder?: SchedulingRecorder): SimulationResult & { stepErrors: { step: number; line?: number; message: string }[] } {
  const stepErrors: { step: number; line?: number; message: string }[] = [];
  const cluster = clusterProblems(input.cluster);
  if (cluster.length) throw new Error(cluster.join('; '));
  const sim = new Simulation(input, recorder);
  const scenario = input.scenario;
  let at = 'the inputs';
  try {
    if (!scenario || scenario.applyInputs !== false) sim.apply(input.objects, input.sources);
    sim.startDesignFlows();
    for (const [i, step] of (scenario?.steps ?? []).entries()) {
      sim.step = i + 1;
      at = `scenario step ${i + 1}${step.line ? ` (line ${step.line})` : ''}`;
      const err = sim.run(step);
      if (err) stepErrors.push({ step: i + 1, ...(step.line ? { line: step.line } : {}), message: err });
    }
    at = 'the run to steady state';
    const steady = sim.cluster.runToSteady(() => sim.tick());
    return { ...sim.result(steady), stepErrors };
  } catch (err) {
    if (!(err instanceof SimulationLimitError)) throw err;
    // What happened up to the limit still belongs in the result (the last tick's changes too).
    sim.tick();
    const stopped = { limit: err.limit, object: err.object, time: sim.cluster.now, message: `${at}: ${err.message}` };
    return { ...sim.result(false), stopped, stepErrors };
  }
}

export type { Deployment };
