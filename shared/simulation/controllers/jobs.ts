/**
 * Job controller (runs pods to `completions`, `parallelism` at a time) and CronJob controller
 * (creates `<cronjob>-<minutes since epoch>` Jobs on the schedule, keeps the history limits).
 */
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import type { KubeObject } from '../../model/object';
import { EPOCH_MS, timestamp } from '../apiserver';
import type { Cluster, Controller } from '../cluster';
import { nsOf, storeKey, type WatchEvent } from '../store';
import { isActive, owned, ownedPods, ownerRefTo, podFromTemplate, podPhase, remove, setCondition, writeStatus, type Condition, eventOwner } from './util';

type JobObj = Job & KubeObject;

export class JobController implements Controller {
  readonly name = 'job-controller';
  readonly component = 'controller-manager' as const;

  constructor(private readonly c: Cluster) {}

  handle(ev: WatchEvent): void {
    const o = ev.object;
    if (o.kind === 'Job' && ev.type !== 'DELETED') this.c.enqueue(this, storeKey(o));
    else if (o.kind === 'Pod') {
      const k = eventOwner(ev);
      if (k?.startsWith('Job/')) this.c.enqueue(this, k);
    }
  }

  sync(key: string): void {
    const c = this.c;
    const job = c.store.get(key) as JobObj | undefined;
    if (!job || job.metadata.deletionTimestamp || !job.spec?.template) return;
    const done = (job.status?.conditions ?? []).some((x) => (x.type === 'Complete' || x.type === 'Failed') && x.status === 'True');
    const pods = ownedPods(c, job);
    const succeeded = pods.filter((p) => podPhase(p) === 'Succeeded').length;
    const failed = pods.filter((p) => podPhase(p) === 'Failed').length;
    const active = pods.filter(isActive);
    const completions = job.spec.completions ?? 1;
    const parallelism = job.spec.parallelism ?? 1;
    let conditions = job.status?.conditions as Condition[] | undefined;
    const t = timestamp(c.now);
    if (!done && failed > (job.spec.backoffLimit ?? 6)) {
      for (const p of active) remove(c, 'job-controller', 'controller-manager', p);
      conditions = setCondition(conditions, { type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit', lastTransitionTime: t });
      c.event(job, 'Warning', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', this.name);
    } else if (!done && succeeded >= completions) {
      conditions = setCondition(conditions, { type: 'SuccessCriteriaMet', status: 'True', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods', lastTransitionTime: t });
      conditions = setCondition(conditions, { type: 'Complete', status: 'True', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods', lastTransitionTime: t });
      c.event(job, 'Normal', 'Completed', 'Job completed', this.name);
    } else if (!done) {
      const want = Math.min(parallelism, completions - succeeded) - active.length;
      const uid = job.metadata.uid ?? '';
      for (let i = 0; i < want; i++) {
        const labels = { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': job.metadata.name, 'controller-uid': uid, 'job-name': job.metadata.name };
        const r = c.api.request({ verb: 'create', user: 'system:serviceaccount:kube-system:job-controller', component: 'controller-manager', object: podFromTemplate(job, job.spec.template, { generateName: `${job.metadata.name}-` }, labels) });
        if (!r.ok) {
          c.event(job, 'Warning', 'FailedCreate', `Error creating: ${r.message}`, this.name);
          break;
        }
        c.event(job, 'Normal', 'SuccessfulCreate', `Created pod: ${r.object.metadata.name}`, this.name);
      }
    }
    const cur = c.store.get(key) as JobObj;
    const nowActive = ownedPods(c, cur).filter(isActive).length;
    const complete = (conditions ?? []).some((x) => x.type === 'Complete');
    writeStatus(c, 'job-controller', 'controller-manager', cur, {
      ...(cur.status?.startTime ? { startTime: cur.status.startTime } : { startTime: t }),
      ...(complete ? { completionTime: cur.status?.completionTime ?? t } : {}),
      active: nowActive, succeeded, failed, ready: 0,
      ...(conditions && conditions.length ? { conditions } : {}),
    });
  }
}

const CRON_MACROS: Record<string, string> = { '@yearly': '0 0 1 1 *', '@annually': '0 0 1 1 *', '@monthly': '0 0 1 * *', '@weekly': '0 0 * * 0', '@daily': '0 0 * * *', '@midnight': '0 0 * * *', '@hourly': '0 * * * *' };
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
/** Field bounds and names as robfig/cron v3's standard parser (the one the API server validates with) has them. */
const CRON_FIELDS: { min: number; max: number; names?: string[]; first?: number }[] = [
  { min: 0, max: 59 }, { min: 0, max: 23 }, { min: 1, max: 31 }, { min: 1, max: 12, names: MONTHS, first: 1 }, { min: 0, max: 6, names: DAYS, first: 0 },
];

/**
 * Compile a cron schedule (minute hour day-of-month month day-of-week, or an @-macro), or say why
 * not in robfig/cron v3's words (parser.go getRange), which the API server quotes:
 * `spec.schedule: Invalid value: "*\/0 * * * *": step of range should be a positive number: *\/0`.
 */
export function compileCron(schedule: string): { match: (d: Date) => boolean } | { error: string } {
  let r = compiled.get(schedule);
  if (!r) {
    if (compiled.size > 1000) compiled.clear();
    compiled.set(schedule, (r = compileUncached(schedule)));
  }
  return r;
}

const compiled = new Map<string, ReturnType<typeof compileCron>>();

function compileUncached(schedule: string): ReturnType<typeof compileCron> {
  const trimmed = schedule.trim();
  if (trimmed.startsWith('@') && !CRON_MACROS[trimmed]) return { error: `unrecognized descriptor: ${trimmed}` };
  const parts = (CRON_MACROS[trimmed] ?? trimmed).split(/\s+/).filter(Boolean);
  if (parts.length !== 5) return { error: `expected exactly 5 fields, found ${parts.length}: [${parts.join(' ')}]` };
  const sets: Set<number>[] = [];
  for (let i = 0; i < 5; i++) {
    const set = new Set<number>();
    for (const item of parts[i].split(',')) {
      const r = cronRange(item, CRON_FIELDS[i]);
      if (typeof r === 'string') return { error: r };
      for (let v = r.start; v <= r.end; v += r.step) set.add(v);
    }
    sets.push(set);
  }
  return { match: (d) => sets[0].has(d.getUTCMinutes()) && sets[1].has(d.getUTCHours()) && sets[2].has(d.getUTCDate()) && sets[3].has(d.getUTCMonth() + 1) && sets[4].has(d.getUTCDay()) };
}

/** One comma-separated item of a field: `*`, `?`, `5`, `1-5`, `*\/15`, `10/5`, `mon-fri`. */
function cronRange(expr: string, field: (typeof CRON_FIELDS)[number]): { start: number; end: number; step: number } | string {
  const [range, ...steps] = expr.split('/');
  const bounds = range.split('-');
  let start: number;
  let end: number;
  if (bounds[0] === '*' || bounds[0] === '?') [start, end] = [field.min, field.max];
  else {
    if (bounds.length > 2) return `too many hyphens: ${expr}`;
    const lo = cronInt(bounds[0], field);
    if (typeof lo === 'string') return lo;
    const hi = bounds.length === 2 ? cronInt(bounds[1], field) : lo;
    if (typeof hi === 'string') return hi;
    [start, end] = [lo, hi];
  }
  let step = 1;
  if (steps.length > 1) return `too many slashes: ${expr}`;
  if (steps.length === 1) {
    const n = cronInt(steps[0]);
    if (typeof n === 'string') return n;
    step = n;
    if (bounds.length === 1 && bounds[0] !== '*' && bounds[0] !== '?') end = field.max;
  }
  if (start < field.min) return `beginning of range (${start}) below minimum (${field.min}): ${expr}`;
  if (end > field.max) return `end of range (${end}) above maximum (${field.max}): ${expr}`;
  if (start > end) return `beginning of range (${start}) beyond end of range (${end}): ${expr}`;
  if (step === 0) return `step of range should be a positive number: ${expr}`;
  return { start, end, step };
}

function cronInt(text: string, field?: (typeof CRON_FIELDS)[number]): number | string {
  const named = field?.names?.indexOf(text.toLowerCase()) ?? -1;
  if (named >= 0) return named + (field?.first ?? 0);
  if (!/^[+-]?\d+$/.test(text) || text.replace(/^[+-]?0*/, '').length > 9) return `failed to parse int from ${text}: strconv.Atoi: parsing "${text}": ${/^[+-]?\d+$/.test(text) ? 'value out of range' : 'invalid syntax'}`;
  const n = Number(text);
  if (n < 0) return `negative number (${n}) not allowed: ${text}`;
  return n;
}

/** A cron schedule's matcher, or undefined when the schedule does not parse (see compileCron). */
export function parseCron(schedule: string): ((d: Date) => boolean) | undefined {
  const r = compileCron(schedule);
  return 'match' in r ? r.match : undefined;
}

/** Seconds (simulated) of the next schedule strictly after `now`, within a year. */
export function nextRun(match: (d: Date) => boolean, now: number): number | undefined {
  let minute = Math.floor(now / 60) + 1;
  for (let i = 0; i < 366 * 24 * 60; i++, minute++) if (match(new Date(EPOCH_MS + minute * 60_000))) return minute * 60;
  return undefined;
}

export class CronJobController implements Controller {
  readonly name = 'cronjob-controller';
  readonly component = 'controller-manager' as const;
  private readonly scheduled = new Map<string, string>();

  constructor(private readonly c: Cluster) {}

  handle(ev: WatchEvent): void {
    const o = ev.object;
    if (o.kind === 'CronJob' && ev.type !== 'DELETED') this.c.enqueue(this, storeKey(o));
    else if (o.kind === 'Job') {
      const k = eventOwner(ev);
      if (k?.startsWith('CronJob/')) this.c.enqueue(this, k);
    }
  }

  sync(key: string): void {
    const c = this.c;
    const cj = c.store.get(key) as (CronJob & KubeObject) | undefined;
    if (!cj || cj.metadata.deletionTimestamp || !cj.spec) return;
    const compiled = compileCron(String(cj.spec.schedule ?? ''));
    if ('error' in compiled) {
      // cronjob_controllerv2.go: the event upstream records for a schedule it cannot parse.
      c.event(cj, 'Warning', 'UnparseableSchedule', `unparseable schedule: "${cj.spec.schedule}" : ${compiled.error}`, this.name);
      return;
    }
    const match = compiled.match;
    this.cleanup(cj);
    const signature = `${cj.metadata.uid}/${cj.spec.schedule}`;
    if (this.scheduled.get(key) === signature || cj.spec.suspend) return;
    this.scheduled.set(key, signature);
    const at = nextRun(match, c.now);
    if (at === undefined) return;
    c.after(at - c.now, 'periodic', () => {
      this.scheduled.delete(key);
      this.fire(key, signature, at);
      c.enqueue(this, key);
    });
  }

  private fire(key: string, signature: string, at: number): void {
    const c = this.c;
    const cj = c.store.get(key) as (CronJob & KubeObject) | undefined;
    if (!cj?.spec || `${cj.metadata.uid}/${cj.spec.schedule}` !== signature || cj.spec.suspend) return;
    const jobs = owned(c, cj, 'Job');
    const running = jobs.filter((j) => !((j.status as Job['status'])?.conditions ?? []).some((x) => x.type === 'Complete' || x.type === 'Failed'));
    const policy = cj.spec.concurrencyPolicy ?? 'Allow';
    if (policy === 'Forbid' && running.length) return;
    if (policy === 'Replace') for (const j of running) remove(c, 'cronjob-controller', 'controller-manager', j);
    const name = `${cj.metadata.name}-${Math.floor((EPOCH_MS / 1000 + at) / 60)}`;
    const tmpl = cj.spec.jobTemplate;
    const job: KubeObject = {
      apiVersion: 'batch/v1', kind: 'Job',
      metadata: { name, namespace: nsOf(cj), labels: { ...(tmpl.metadata?.labels ?? {}) }, annotations: { 'batch.kubernetes.io/cronjob-scheduled-timestamp': timestamp(at) }, ownerReferences: [ownerRefTo(cj)] },
      spec: JSON.parse(JSON.stringify(tmpl.spec ?? {})),
    };
    const r = c.api.request({ verb: 'create', user: 'system:serviceaccount:kube-system:cronjob-controller', component: 'controller-manager', object: job });
    if (r.ok) c.event(cj, 'Normal', 'SuccessfulCreate', `Created job ${name}`, this.name);
    else c.event(cj, 'Warning', 'FailedCreate', `Error creating job: ${r.message}`, this.name);
    writeStatus(c, 'cronjob-controller', 'controller-manager', c.store.get(key) as KubeObject, { ...(cj.status ?? {}), lastScheduleTime: timestamp(at) });
  }

  private cleanup(cj: CronJob & KubeObject): void {
    const c = this.c;
    const jobs = owned(c, cj, 'Job');
    const finished = (type: string) => jobs.filter((j) => ((j.status as Job['status'])?.conditions ?? []).some((x) => x.type === type && x.status === 'True'));
    for (const [type, limit] of [['Complete', cj.spec?.successfulJobsHistoryLimit ?? 3], ['Failed', cj.spec?.failedJobsHistoryLimit ?? 1]] as const) {
      const list = finished(type);
      for (const j of list.slice(0, Math.max(0, list.length - limit))) {
        remove(c, 'cronjob-controller', 'controller-manager', j);
        c.event(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${j.metadata.name}`, this.name);
      }
    }
  }
}
