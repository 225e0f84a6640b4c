/**
 * The fix hints of problems (Kubeplan's own words, written in English in shared/validation and
 * shared/references) in Simplified Chinese: a pattern table, as for upstream messages
 * (./upstream.ts). A hint no pattern knows is shown in English; test/unit/renderer-shell/
 * i18nCoverage.test.ts validates a corpus of broken objects and fails on such a hint.
 */
export const HINT_PATTERNS: readonly { pattern: RegExp; zh: string }[] = [
  { pattern: /^Give the object a name\.$/, zh: '给对象起一个名字。' },
  { pattern: /^Shorten the name to (\d+) characters or fewer\.$/, zh: '把名称缩短到 $1 个字符以内。' },
  { pattern: /^Give every container of the pod its own name\.$/, zh: '给 Pod 的每个容器起不同的名字。' },
  { pattern: /^Give every port of the Service its own name\.$/, zh: '给 Service 的每个端口起不同的名字。' },
  { pattern: /^Give the container a name, or remove the empty list entry\.$/, zh: '给容器起名字，或删掉空的列表项。' },
  { pattern: /^Name the image to run, e\.g\. (\S+)\.$/, zh: '填写要运行的镜像，例如 $1。' },
  { pattern: /^Label values are at most 63/, zh: '标签值最多 63 个字符：字母、数字、“-”、“_”或“.”（不能有空格或斜杠），以字母或数字开头和结尾。' },
  { pattern: /^Make spec\.selector select the pod template labels\.$/, zh: '让 spec.selector 选中 Pod 模板的标签。' },
  { pattern: /^Select the pod template labels/, zh: '选择 Pod 模板的标签，例如 matchLabels: {app: <name>}。' },
  { pattern: /^Make the claim and the volume agree/, zh: '让 PVC 与 PV 的容量、storageClassName、volumeMode 和 accessModes 一致。' },
  { pattern: /^Add a PersistentVolume that fits \(size/, zh: '添加一个合适的 PersistentVolume（容量、访问模式、storageClassName ""），或指定一个 StorageClass。' },
  { pattern: /^Add a PersistentVolume that fits, or a StorageClass marked default/, zh: '添加一个合适的 PersistentVolume，或一个标记为默认的 StorageClass（目标集群可能已有）。' },
  { pattern: /^Create the PersistentVolume, or clear volumeName/, zh: '创建该 PersistentVolume，或清空 volumeName，让 PVC 绑定任意合适的卷。' },
  { pattern: /^Remove the selector to let the class provision/, zh: '去掉 selector 让 StorageClass 动态供应，或添加标签匹配的 PersistentVolume。' },
  { pattern: /^Use a port name the Service declares, or a port number\.$/, zh: '使用 Service 声明过的端口名，或端口号。' },
  { pattern: /^Use one of the port numbers the Service declares\.$/, zh: '使用 Service 声明过的端口号之一。' },
  { pattern: /^Use lower-case letters, digits and "-" only, at most 63/, zh: '只能用小写字母、数字和“-”，最多 63 个字符（例如 "shop-prod"）。' },
  { pattern: /^Use lower-case letters, digits, "-" and "\." only/, zh: '只能用小写字母、数字、“-”和“.”，以字母或数字开头和结尾（例如 "web-api"）。' },
  { pattern: /^Write a five-field cron schedule/, zh: '写一个五段式 cron 表达式（分 时 日 月 周），例如 "*/5 * * * *"。' },
  { pattern: /^Write a quantity such as/, zh: '写一个 Kubernetes 数量，例如 500m、0.5、128Mi 或 1Gi。' },
  { pattern: /^Write the port number without quotes: (.*)\.$/, zh: '端口号不要加引号：$1。' },
  { pattern: /^A policy only isolates pods of its own namespace/, zh: 'NetworkPolicy 只隔离本命名空间内标签与 podSelector 匹配的 Pod。' },
  { pattern: /^Create the PersistentVolumeClaim in the same namespace/, zh: '在同一命名空间中创建该 PVC，或把工作负载连接到已有的 PVC。' },
  { pattern: /^Create the Service, or connect the Ingress to an existing Service\.$/, zh: '创建该 Service，或把 Ingress 连接到已有的 Service。' },
  { pattern: /^Target a Deployment, StatefulSet or ReplicaSet\.$/, zh: '目标应为 Deployment、StatefulSet 或 ReplicaSet。' },
  { pattern: /^Add a Namespace named "([^"]+)"/, zh: '添加名为 "$1" 的 Namespace（它会最先被应用）。' },
  { pattern: /^Add the key (\S+) to the (\S+), or mark the reference optional: true\.$/, zh: '在 $2 中添加键 $1，或把引用标记为 optional: true。' },
  { pattern: /^Create the (\S+) in namespace "([^"]+)", or mark the reference optional: true\.$/, zh: '在命名空间 "$2" 中创建该 $1，或把引用标记为 optional: true。' },
  { pattern: /^Create the Secret in namespace "([^"]+)" if the images are private\.$/, zh: '如果镜像是私有的，请在命名空间 "$1" 中创建该 Secret。' },
  { pattern: /^Create (.+) in namespace "([^"]+)"/, zh: '在命名空间 "$2" 中创建 $1。' },
  { pattern: /^Give every container of the target a (\S+) request\.$/, zh: '给目标的每个容器设置 $1 的 requests。' },
  { pattern: /^Give the pod template the labels the selector asks for \(([^)]*)\), or change spec\.selector\.$/, zh: '给 Pod 模板加上选择器要求的标签（$1），或修改 spec.selector。' },
  { pattern: /^Change the selector to match a workload's pod template labels, or connect the Service to a workload\.$/, zh: '修改选择器，使其匹配某个工作负载的 Pod 模板标签，或把 Service 连接到工作负载。' },
  { pattern: /^Use one of (.+)\.$/, zh: '使用以下取值之一：$1。' },
  { pattern: /^Use apiVersion: (\S+)\.$/, zh: '使用 apiVersion: $1。' },
  { pattern: /^Add (\S+)\.$/, zh: '添加字段 $1。' },
];

/** The Chinese text of a hint, or undefined when no pattern knows it. */
export function hintInChinese(hint: string): string | undefined {
  for (const h of HINT_PATTERNS) {
    const m = hint.match(h.pattern);
    if (m) return h.zh.replace(/\$(\d)/g, (_, i: string) => m[Number(i)] ?? '');
  }
  return undefined;
}

/** The hint in the interface language (English when Chinese has no pattern for it). */
export function translateHint(hint: string, lang: string): string {
  return lang === 'zh-CN' ? (hintInChinese(hint) ?? hint) : hint;
}
