/**
 * The API server's field validation for the catalogue's kinds, as upstream writes it in
 * `k8s.io/kubernetes/pkg/apis/{apps,batch,core}/validation/validation.go` (v1.30), with its
 * messages (`field.Invalid`: `<path>: Invalid value: <v>: <why>`, `field.Required`: `<path>:
 * Required value`, `field.Forbidden`, `field.Duplicate`), plus the Service REST storage's nodePort
 * allocation (`pkg/registry/core/service/portallocator`), which refuses a port outside the
 * `--service-node-port-range` (default 30000-32767).
 *
 * One list of rules, read by `kubeplan validate` (checkFieldRules) and by the simulated API server
 * (apply refuses the object with `<Kind> "<name>" is invalid: …`). Pure and cheap: an object without
 * a fault allocates nothing but the result array.
 */
import type { KubeObject } from '../model/object';
import { canonicalQuantity, compareQuantities, isQuantity, parseQuantity } from '../model/quantity';
import { compileCron } from '../model/cron';
import { getKindInfo } from '../kinds/registry';
import { goValue } from './problem';

/** One field error: the field path and upstream's text after it. */
export interface FieldRuleError {
  path: string;
  /** `Invalid value: -3: must be greater than or equal to 0`, `Required value`, … */
  message: string;
  /**
   * `port-range` for port numbers (validate reports those under that rule); `decode` for a value of
   * the wrong type, which upstream fails to decode (validate leaves it to the schema check);
   * `unconnected` for the target a new HPA card does not name yet (validate says so with its own
   * hint, shared/validation/unconnected.ts); `request-limit` for a request above the container's
   * limit, which validate reports with the namespace's LimitRange defaults; else `field`.
   */
  rule: 'field' | 'port-range' | 'decode' | 'request-limit' | 'unconnected';
}

/** apimachinery validation.IsNegativeErrorMsg. */
export const NON_NEGATIVE = 'must be greater than or equal to 0';
/** apimachinery validation.IsValidPortNum's message (InclusiveRangeError(1, 65535)). */
export const PORT_RANGE = 'must be between 1 and 65535, inclusive';
/** The API server's default `--service-node-port-range`. */
export const NODE_PORT_RANGE = { base: 30000, max: 32767 } as const;

type Spec = Record<string, unknown>;

function rec(v: unknown): Spec | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Spec) : undefined;
}

function badPort(n: unknown): boolean {
  return typeof n === 'number' && Number.isInteger(n) && (n < 1 || n > 65535);
}

/** Where the pod spec sits in each kind that carries one (the kind table's podTemplatePath), and its field path. */
function podSpecOf(o: KubeObject): [string, Spec] | undefined {
  const path = getKindInfo(o.kind)?.podTemplatePath;
  if (path === undefined) return undefined;
  if (path === '') {
    const spec = rec(o.spec);
    return spec ? ['spec', spec] : undefined;
  }
  let at: Spec | undefined = o as unknown as Spec;
  for (const part of path.split('.')) at = rec(at?.[part]);
  const spec = rec(at?.spec);
  return spec ? [`${path}.spec`, spec] : undefined;
}

/** Every field error upstream's validation finds in `o` for the rules listed in docs/simulation-limits.md. */
export function fieldRuleErrors(o: KubeObject): FieldRuleError[] {
  const out: FieldRuleError[] = [];
  const spec = rec(o.spec) ?? {};
  const invalid = (path: string, v: unknown, why: string, rule: FieldRuleError['rule'] = 'field') => out.push({ path, message: `Invalid value: ${goValue(v)}: ${why}`, rule });
  // apivalidation.ValidateNonnegativeField(int64(spec.Replicas), fldPath.Child("replicas")); a
  // non-integer never gets this far upstream (it fails to decode).
  const nonNegative = (path: string, v: unknown) => {
    if (v === undefined || v === null) return;
    if (typeof v !== 'number' || !Number.isInteger(v)) invalid(path, v, 'must be an integer', 'decode');
    else if (v < 0) invalid(path, v, NON_NEGATIVE);
  };
  switch (o.kind) {
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'ReplicationController':
      // apps/validation ValidateDeploymentSpec, ValidateReplicaSetSpec, ValidateStatefulSetSpec;
      // core/validation ValidateReplicationControllerSpec.
      nonNegative('spec.replicas', spec.replicas);
      nonNegative('spec.minReadySeconds', spec.minReadySeconds);
      break;
    case 'Job':
      // batch/validation validateJobSpec.
      for (const f of ['parallelism', 'completions', 'backoffLimit', 'activeDeadlineSeconds']) nonNegative(`spec.${f}`, spec[f]);
      break;
    case 'CronJob': {
      // batch/validation validateScheduleFormat: `field.Invalid(fldPath, schedule, err.Error())`
      // with robfig/cron's ParseStandard error; an empty schedule is `field.Required`.
      const schedule = spec.schedule;
      if (typeof schedule !== 'string' || schedule === '') out.push({ path: 'spec.schedule', message: 'Required value', rule: 'field' });
      else {
        const r = compileCron(schedule);
        if ('error' in r) invalid('spec.schedule', schedule, r.error);
      }
      const job = rec(rec(spec.jobTemplate)?.spec) ?? {};
      for (const f of ['parallelism', 'completions', 'backoffLimit', 'activeDeadlineSeconds']) nonNegative(`spec.jobTemplate.spec.${f}`, job[f]);
      break;
    }
    case 'Service':
      serviceErrors(spec, out);
      break;
    case 'HorizontalPodAutoscaler': {
      // autoscaling/validation ValidateCrossVersionObjectReference(spec.ScaleTargetRef,
      // fldPath.Child("scaleTargetRef")): `if len(ref.Kind) == 0 { field.Required(fldPath.Child("kind"), "") }`
      // and `if len(ref.Name) == 0 { field.Required(fldPath.Child("name"), "") }`.
      const ref = rec(spec.scaleTargetRef);
      if (!ref) break;
      if (ref.kind === '' || ref.kind === undefined) out.push({ path: 'spec.scaleTargetRef.kind', message: 'Required value', rule: 'field' });
      if (ref.name === '' || ref.name === undefined) out.push({ path: 'spec.scaleTargetRef.name', message: 'Required value', rule: 'unconnected' });
      break;
    }
    case 'Role':
    case 'ClusterRole':
      if (o.apiVersion === 'rbac.authorization.k8s.io/v1') policyRuleErrors((o as unknown as Spec).rules, o.kind === 'Role', out);
      break;
  }
  const pod = podSpecOf(o);
  if (pod) podSpecErrors(pod[0], pod[1], out);
  return out;
}

function podSpecErrors(base: string, spec: Spec, out: FieldRuleError[]): void {
  // core/validation validateContainers: `if len(containers) == 0 { allErrs = append(allErrs,
  // field.Required(fldPath, "")) }` (an absent list is the same empty slice to the API server).
  const containers = spec.containers;
  if (containers === undefined || containers === null || (Array.isArray(containers) && containers.length === 0)) {
    out.push({ path: `${base}.containers`, message: 'Required value', rule: 'field' });
  }
  // validatePodSpec: `validateContainers(spec.Containers, …)` then `validateInitContainers(spec.InitContainers, …)`:
  // app containers are reported before init containers.
  for (const field of ['containers', 'initContainers']) {
    const list = spec[field];
    if (!Array.isArray(list)) continue;
    list.forEach((raw, i) => {
      const ct = rec(raw);
      if (!ct) return;
      const at = `${base}.${field}[${i}]`;
      const resources = rec(ct.resources);
      if (resources) {
        for (const part of ['requests', 'limits']) {
          for (const [name, v] of Object.entries(rec(resources[part]) ?? {})) {
            // core/validation ValidateResourceQuantityValue: ValidateNonnegativeQuantity.
            if (isQuantity(v) && parseQuantity(v as string).nano < 0n) {
              out.push({ path: `${at}.resources.${part}[${name}]`, message: `Invalid value: "${String(v)}": ${NON_NEGATIVE}`, rule: 'field' });
            }
          }
        }
        requestOverLimit(`${at}.resources`, resources, out);
      }
      const ports = ct.ports;
      if (!Array.isArray(ports)) return;
      ports.forEach((rp, j) => {
        const p = rec(rp);
        if (!p) return;
        // core/validation validateContainerPorts: `if port.ContainerPort == 0 { field.Required(
        // idxPath.Child("containerPort"), "") } else { for _, msg := range validation.IsValidPortNum(
        // int(port.ContainerPort)) { field.Invalid(idxPath.Child("containerPort"), port.ContainerPort, msg) } }`
        // and the same for a non-zero hostPort.
        if (p.containerPort === 0) out.push({ path: `${at}.ports[${j}].containerPort`, message: 'Required value', rule: 'port-range' });
        else if (badPort(p.containerPort)) out.push({ path: `${at}.ports[${j}].containerPort`, message: `Invalid value: ${p.containerPort}: ${PORT_RANGE}`, rule: 'port-range' });
        if (p.hostPort !== 0 && badPort(p.hostPort)) out.push({ path: `${at}.ports[${j}].hostPort`, message: `Invalid value: ${p.hostPort}: ${PORT_RANGE}`, rule: 'port-range' });
      });
    });
  }
}

/**
 * core/validation ValidateResourceRequirements (v1.30): `if quantity.Cmp(limitQuantity) > 0 {
 * allErrs = append(allErrs, field.Invalid(reqPath, quantity.String(), fmt.Sprintf("must be less than
 * or equal to %s limit of %s", resourceName, limitQuantity.String()))) }` — the path is
 * `resources.requests` itself (reqPath), as kubernetes.io's Limit Ranges page shows:
 * `spec.containers[0].resources.requests: Invalid value: "700m": must be less than or equal to cpu limit`.
 */
function requestOverLimit(at: string, resources: Spec, out: FieldRuleError[]): void {
  const requests = rec(resources.requests);
  const limits = rec(resources.limits);
  if (!requests || !limits) return;
  for (const name of Object.keys(requests).sort()) {
    const req = requests[name];
    const lim = limits[name];
    if (!isQuantity(req) || !isQuantity(lim)) continue;
    if (compareQuantities(req as string, lim as string) <= 0) continue;
    out.push({
      path: `${at}.requests`,
      message: `Invalid value: ${JSON.stringify(canonicalQuantity(req as string))}: must be less than or equal to ${name} limit of ${canonicalQuantity(lim as string)}`,
      rule: 'request-limit',
    });
  }
}

/**
 * rbac/validation ValidatePolicyRule (pkg/apis/rbac/validation/validation.go): `if len(rule.Verbs) == 0
 * { field.Required(fldPath.Child("verbs"), "verbs must contain at least one value") }`; a rule with
 * nonResourceURLs may not be namespaced nor name resources; otherwise apiGroups and resources are
 * required ("resource rules must supply at least one api group" / "… resource").
 */
function policyRuleErrors(rules: unknown, namespaced: boolean, out: FieldRuleError[]): void {
  if (!Array.isArray(rules)) return;
  const empty = (v: unknown) => v === undefined || v === null || (Array.isArray(v) && v.length === 0);
  rules.forEach((raw, i) => {
    const rule = rec(raw);
    if (!rule) return;
    const at = `rules[${i}]`;
    const required = (field: string, detail: string) => out.push({ path: `${at}.${field}`, message: `Required value: ${detail}`, rule: 'field' });
    if (empty(rule.verbs)) required('verbs', 'verbs must contain at least one value');
    if (!empty(rule.nonResourceURLs)) {
      // field.Error.ErrorBody prints a []string bad value with %#v: `[]string{"/healthz"}`.
      const urls = Array.isArray(rule.nonResourceURLs) ? `[]string{${rule.nonResourceURLs.map((u) => JSON.stringify(String(u))).join(', ')}}` : goValue(rule.nonResourceURLs);
      if (namespaced) out.push({ path: `${at}.nonResourceURLs`, message: `Invalid value: ${urls}: namespaced rules cannot apply to non-resource URLs`, rule: 'field' });
      if (!empty(rule.apiGroups) || !empty(rule.resources) || !empty(rule.resourceNames)) {
        out.push({ path: `${at}.nonResourceURLs`, message: `Invalid value: ${urls}: rules cannot apply to both regular resources and non-resource URLs`, rule: 'field' });
      }
      return;
    }
    if (empty(rule.apiGroups)) required('apiGroups', 'resource rules must supply at least one api group');
    if (empty(rule.resources)) required('resources', 'resource rules must supply at least one resource');
  });
}

function serviceErrors(spec: Spec, out: FieldRuleError[]): void {
  const ports = spec.ports;
  if (!Array.isArray(ports)) return;
  const type = typeof spec.type === 'string' ? spec.type : 'ClusterIP';
  const seen = new Set<string>();
  ports.forEach((rp, i) => {
    const p = rec(rp);
    if (!p) return;
    const at = `spec.ports[${i}]`;
    // core/validation validateServicePort: `for _, msg := range validation.IsValidPortNum(int(sp.Port))
    // { allErrs = append(allErrs, field.Invalid(fldPath.Child("port"), sp.Port, msg)) }`.
    if (badPort(p.port)) out.push({ path: `${at}.port`, message: `Invalid value: ${p.port}: ${PORT_RANGE}`, rule: 'port-range' });
    const nodePort = p.nodePort;
    if (typeof nodePort !== 'number' || nodePort === 0) return;
    // core/validation ValidateService: `if service.Spec.Type == core.ServiceTypeClusterIP { … if
    // service.Spec.Ports[i].NodePort != 0 { field.Forbidden(portPath.Child("nodePort"), "may not be
    // used when `type` is 'ClusterIP'") } }`.
    if (type === 'ClusterIP') {
      out.push({ path: `${at}.nodePort`, message: "Forbidden: may not be used when `type` is 'ClusterIP'", rule: 'field' });
      return;
    }
    if (badPort(nodePort)) {
      out.push({ path: `${at}.nodePort`, message: `Invalid value: ${nodePort}: ${PORT_RANGE}`, rule: 'port-range' });
      return;
    }
    // ValidateService: the same (protocol, nodePort) twice is `field.Duplicate(portPath.Child("nodePort"), port.NodePort)`.
    const key = `${typeof p.protocol === 'string' ? p.protocol : 'TCP'}/${nodePort}`;
    if (seen.has(key)) out.push({ path: `${at}.nodePort`, message: `Duplicate value: ${nodePort}`, rule: 'field' });
    seen.add(key);
    // pkg/registry/core/service/storage/alloc.go allocNodePort: `field.Invalid(fldPath, servicePort.NodePort,
    // err.Error())` with portallocator.ErrNotInRange: "provided port is not in the valid range. The
    // range of valid ports is %s" (PortRange.String(): "30000-32767").
    if (type === 'NodePort' || type === 'LoadBalancer') {
      if (Number.isInteger(nodePort) && (nodePort < NODE_PORT_RANGE.base || nodePort > NODE_PORT_RANGE.max)) {
        out.push({ path: `${at}.nodePort`, message: `Invalid value: ${nodePort}: provided port is not in the valid range. The range of valid ports is ${NODE_PORT_RANGE.base}-${NODE_PORT_RANGE.max}`, rule: 'field' });
      }
    }
  });
}
