/**
 * Kubernetes' own messages (events, FailedScheduling, API errors, problems quoted from the API
 * server) stay verbatim in English — they are what `kubectl` prints and what a search engine finds.
 * In Simplified Chinese the UI shows an explanation beside them, chosen by pattern from this table.
 *
 * The messages follow upstream: the scheduler's `0/N nodes are available: …` is built by
 * pkg/scheduler/framework/types.go (FitError.Error), the per-plugin reasons come from
 * pkg/scheduler/framework/plugins/* (noderesources/fit.go `Insufficient cpu`, tainttoleration
 * `node(s) had untolerated taint {…}`, nodeaffinity `node(s) didn't match Pod's node
 * affinity/selector`, volumebinding `pod has unbound immediate PersistentVolumeClaims`), the event
 * texts from pkg/controller/* and pkg/kubelet/events (see kubernetes.io/docs/reference/kubernetes-api/cluster-resources/event-v1/).
 * Order matters: the first pattern that matches explains the whole message (specific refusals
 * before the controllers' `Error creating: …` wrappers); reasons inside a
 * FailedScheduling message are explained one by one after it.
 */
export interface UpstreamPattern {
  /** Matched against the English message. */
  pattern: RegExp;
  /** The explanation in Simplified Chinese; `$1`… are the pattern's groups (names stay verbatim). */
  zh: string;
}

export const UPSTREAM_PATTERNS: readonly UpstreamPattern[] = [
  { pattern: /^0\/(\d+) nodes are available/, zh: '调度失败：$1 个节点中没有一个能放下这个 Pod。' },
  { pattern: /^Successfully assigned (\S+) to (\S+)/, zh: '调度器已把 Pod $1 绑定到节点 $2。' },
  { pattern: /^Created pod: (\S+)/, zh: '控制器创建了 Pod $1。' },
  { pattern: /^Deleted pod: (\S+)/, zh: '控制器删除了 Pod $1。' },
  { pattern: /^Created job (\S+)/, zh: 'CronJob 创建了 Job $1。' },
  { pattern: /^Deleted job (\S+)/, zh: 'CronJob 删除了 Job $1。' },
  { pattern: /^Scaled up replica set (\S+) from (\d+) to (\d+)/, zh: 'Deployment 把 ReplicaSet $1 从 $2 个副本扩容到 $3 个。' },
  { pattern: /^Scaled down replica set (\S+) from (\d+) to (\d+)/, zh: 'Deployment 把 ReplicaSet $1 从 $2 个副本缩容到 $3 个。' },
  { pattern: /^create Pod (\S+) in StatefulSet (\S+) successful/, zh: 'StatefulSet $2 按序号创建了 Pod $1。' },
  { pattern: /^delete Pod (\S+) in StatefulSet (\S+) successful/, zh: 'StatefulSet $2 删除了 Pod $1。' },
  { pattern: /^create Claim (\S+) Pod (\S+) in StatefulSet (\S+) success/, zh: 'StatefulSet $3 为 Pod $2 创建了 PVC $1。' },
  { pattern: /^Container image "([^"]*)" already present on machine/, zh: '节点上已有镜像 $1，无需拉取。' },
  { pattern: /^Pulling image "([^"]*)"/, zh: '正在拉取镜像 $1。' },
  { pattern: /^Successfully pulled image "([^"]*)"/, zh: '镜像 $1 拉取成功。' },
  { pattern: /^Created container:? (\S+)/, zh: 'kubelet 通过容器运行时创建了容器 $1。' },
  { pattern: /^Started container (\S+)/, zh: 'kubelet 启动了容器 $1。' },
  { pattern: /^Stopping container (\S+)/, zh: 'kubelet 正在停止容器 $1（优雅终止）。' },
  { pattern: /^Back-off restarting failed container (\S+)/, zh: '容器 $1 反复退出，kubelet 以指数退避的间隔重启它（CrashLoopBackOff）。' },
  { pattern: /^back-off (\d+)s restarting failed container/, zh: '容器反复退出，kubelet 等待 $1 秒后再重启。' },
  { pattern: /^Successfully provisioned volume (\S+)/, zh: '存储供应者为 PVC 动态创建了卷 $1。' },
  { pattern: /^Waiting for a volume to be created/, zh: '正在等待外部供应者或管理员创建卷；PVC 保持 Pending。' },
  { pattern: /^no persistent volumes available for this claim and no storage class is set/, zh: '没有可用的 PV 能满足这个 PVC，而且它没有指定 StorageClass，无法动态供应。' },
  { pattern: /^New size: (\d+)/, zh: 'HPA 把副本数调整为 $1。' },
  { pattern: /^Reached expected number of succeeded pods/, zh: 'Job 的成功 Pod 数已达到 completions。' },
  { pattern: /^Job has reached the specified backoff limit/, zh: 'Job 失败次数达到 backoffLimit，不再重试。' },
  { pattern: /is forbidden: exceeded quota: (\S+)/, zh: '超出了 ResourceQuota $1 的配额，API 服务器拒绝创建。' },
  { pattern: /is forbidden: failed quota: (\S+): must specify/, zh: 'ResourceQuota $1 限制了这类资源，Pod 必须声明对应的 requests/limits。' },
  { pattern: /is forbidden: unable to create new content in namespace (\S+) because it is being terminated/, zh: '命名空间 $1 正在删除，不能再创建对象。' },
  { pattern: /is forbidden: (?:minimum|maximum) (\S+) usage per (Container|Pod)/, zh: '违反了 LimitRange 对 $1 的最小/最大限制。' },
  { pattern: /is forbidden/, zh: '准入控制拒绝了这个请求。' },
  { pattern: /^(\S+) "([^"]+)" already exists/, zh: '同名对象 $2 已存在。' },
  { pattern: /^(\S+) "([^"]+)" not found/, zh: '找不到对象 $2。' },
  { pattern: /^namespaces "([^"]+)" not found/, zh: '命名空间 $1 不存在。' },
  { pattern: /^containers with unready status/, zh: '还有容器未就绪，Pod 的 Ready 条件为 False。' },
  { pattern: /Invalid value: .*: a lowercase RFC 1123/, zh: '名称不合法：只能用小写字母、数字和“-”，并以字母或数字开头和结尾。' },
  { pattern: /^Required value/, zh: '缺少必填字段。' },
  { pattern: /Unsupported value: "([^"]*)"/, zh: '不支持的取值 $1。' },
  { pattern: /Invalid value/, zh: '字段取值不合法。' },
  // A controller's wrapper around a refusal: the refusal's own pattern above explains it first.
  { pattern: /^Error creating(?: job)?: (.*)/, zh: '控制器创建对象时被 API 服务器拒绝，原因见英文原文。' },
  { pattern: /^create (?:Pod|Claim) (\S+).* failed error: (.*)/, zh: 'StatefulSet 创建 $1 失败，原因见英文原文。' },
];

/** Reasons inside a FailedScheduling message (`3 Insufficient cpu, 1 node(s) had untolerated taint …`). */
export const SCHEDULING_REASONS: readonly UpstreamPattern[] = [
  { pattern: /Insufficient (cpu|memory|pods|ephemeral-storage|[\w./-]+)/, zh: '节点剩余的 $1 不够（按 requests 计算，而不是实际用量）' },
  { pattern: /node\(s\) had untolerated taint \{([^}]*)\}/, zh: '节点有污点 $1，而 Pod 没有对应的容忍' },
  { pattern: /node\(s\) didn't match Pod's node affinity\/selector/, zh: '节点不满足 Pod 的 nodeSelector 或节点亲和性' },
  { pattern: /node\(s\) didn't match pod (anti-)?affinity rules/, zh: '不满足 Pod 间亲和性/反亲和性规则' },
  { pattern: /node\(s\) didn't match pod topology spread constraints/, zh: '违反拓扑分布约束' },
  { pattern: /node\(s\) were unschedulable/, zh: '节点被 cordon，标记为不可调度' },
  { pattern: /node\(s\) had volume node affinity conflict/, zh: '卷只能在别的节点（或可用区）挂载' },
  { pattern: /node\(s\) didn't find available persistent volumes to bind/, zh: '没有可绑定的 PV' },
  { pattern: /pod has unbound immediate PersistentVolumeClaims/, zh: 'Pod 使用的 PVC 还没有绑定到 PV' },
  { pattern: /node\(s\) didn't have free ports for the requested pod ports/, zh: '节点上 hostPort 已被占用' },
  { pattern: /Too many pods/, zh: '节点上的 Pod 数已达上限' },
  { pattern: /No preemption victims found for incoming pod/, zh: '抢占也腾不出位置' },
  { pattern: /Preemption is not helpful for scheduling/, zh: '抢占对调度没有帮助' },
];

function fill(template: string, m: RegExpMatchArray): string {
  return template.replace(/\$(\d)/g, (_, i: string) => m[Number(i)] ?? '');
}

/** The Chinese explanation of an upstream message, or undefined when no pattern knows it. */
export function explainUpstream(message: string): string | undefined {
  for (const p of UPSTREAM_PATTERNS) {
    const m = message.match(p.pattern);
    if (!m) continue;
    let out = fill(p.zh, m);
    if (/nodes are available/.test(message)) {
      const reasons: string[] = [];
      const head = message.split('. preemption:')[0] ?? message;
      for (const part of head.replace(/^0\/\d+ nodes are available:\s*/, '').split(/,\s*(?=\d+ )/)) {
        const count = part.match(/^(\d+) /)?.[1];
        for (const r of SCHEDULING_REASONS) {
          const rm = part.match(r.pattern);
          if (rm) {
            reasons.push(`${count ? `${count} 个节点：` : ''}${fill(r.zh, rm)}`);
            break;
          }
        }
      }
      if (reasons.length) out += ` ${reasons.join('；')}。`;
    }
    return out;
  }
  for (const r of SCHEDULING_REASONS) {
    const rm = message.match(r.pattern);
    if (rm) return `${fill(r.zh, rm)}。`;
  }
  return undefined;
}
