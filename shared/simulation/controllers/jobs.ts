/**
 * Job controller (runs pods to `completions`, `parallelism` at a time) and CronJob controller
 * (creates `<cronjob>-<minutes since epoch>` Jobs on the schedule, keeps the history limits).
 */
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../model/object';
import { EPOCH_MS, timestamp } from '../apiserver';
import type { Cluster, Controller } from '../cluster';
import { nsOf, storeKey, type WatchEvent } from '../store';
import { compileCron } from '../../model/cron';
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
    if (!done && (failed > (job.spec.backoffLimit ?? 6) || pastBackoffLimitOnFailure(job, pods))) {
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

/**
 * restartPolicy OnFailure restarts a failing container in its pod rather than failing the pod: the
 * Job controller counts those restarts against backoffLimit instead (pkg/controller/job/job_controller.go,
 * pastBackoffLimitOnFailure: the restart counts of the running and pending pods).
 */
function pastBackoffLimitOnFailure(job: JobObj, pods: KubeObject[]): boolean {
  if (job.spec?.template?.spec?.restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const p of pods) {
    const status = (p as Pod).status;
    if (status?.phase !== 'Running' && status?.phase !== 'Pending') continue;
    for (const cs of [...(status.initContainerStatuses ?? []), ...(status.containerStatuses ?? [])]) restarts += cs.restartCount ?? 0;
  }
  const limit = job.spec.backoffLimit ?? 6;
  return limit === 0 ? restarts > 0 : restarts >= limit;
}
