/** 简体中文界面文字. Kubernetes kind and field names stay in English, as kubernetes.io's zh-cn pages keep them. */
import type { Strings } from './en';

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

export const zhCN: DeepStrings<Strings> = {
  app: { name: 'Kubeplan', untitled: '未命名', unsaved: '有未保存的更改' },
  toolbar: {
    new: '新建', open: '打开', save: '保存', saveAs: '另存为…', import: '导入 YAML', importFiles: 'YAML 或 JSON 文件…', importFolder: '包含清单的文件夹…', export: '导出 YAML',
    exportFile: '导出为单个文件', exportFolder: '按命名空间导出多个文件',
    rename: '重命名设计', examples: '示例', openExample: '打开示例', language: '语言', file: '文件',
    more: '更多', interfaceSize: '界面大小', history: '历史', view: '画布视图', help: '帮助',
  },
  presenter: {
    bar: '演示模式', exit: '退出', exitHint: '按 Esc 退出演示模式',
  },
  language: { en: 'English', 'zh-CN': '简体中文' },
  dock: { yaml: 'YAML', problems: '问题', collapse: '收起面板', expand: '展开面板' },
  yaml: {
    whole: '整个设计', selection: '所选对象', copy: '复制', copied: '已复制',
    empty: '# 还没有可导出的内容：从左侧资源面板拖一个资源到画布上。',
    emptySelection: '# 未选择任何对象。',
    updating: '正在更新…', truncated: '仅显示前 {{shown}} 行（共 {{total}} 行）；“复制”会复制全部内容',
  },
  problems: {
    more: '…… 还有 {{count}} 个', none: '没有发现问题', errors: '错误', warnings: '警告',
    count_one: '{{count}} 个问题', count_other: '{{count}} 个问题',
    updating: '正在检查设计…',
  },
  inspector: {
    title: '属性', nothing: '在画布上选择一个资源以编辑它。',
    nothingHint: '从资源面板拖入资源，从连接点拖动即可建立连接。',
    summaryResources_one: '{{count}} 个资源', summaryResources_other: '{{count}} 个资源', summaryNamespaces_one: '{{count}} 个命名空间', summaryNamespaces_other: '{{count}} 个命名空间', selectKind: '选择所有 {{kind}}', startFromExample: '或者从示例开始', multi: '已选择 {{count}} 个资源', byKind: '按类型', form: '属性', yaml: 'YAML',
    apply: '应用', revert: '还原', yamlHint: '可以编辑任何字段；YAML 有效时更改才会生效。',
    name: '名称', namespace: '命名空间', labels: '标签', annotations: '注解', key: '键', value: '值',
    addLabel: '添加标签', add: '添加', remove: '删除', podLabels: 'Pod 标签', pods: 'Pod', replicas: '副本数', containers: '容器',
    container: '容器', image: '镜像', ports: '端口', containerPort: '容器端口', portName: '名称',
    protocol: '协议', requests: '资源请求 (requests)', limits: '资源限制 (limits)', cpu: 'CPU', memory: '内存',
    serviceType: '类型', port: '端口', targetPort: '目标端口', nodePort: '节点端口', selector: '选择器',
    rules: '规则', host: '主机', path: '路径', pathType: '路径类型', backendService: '服务', backendPort: '端口',
    addRule: '添加规则', addPort: '添加端口', addPath: '添加路径', ingressClass: 'Ingress 类',
    storage: '存储', storageSize: '容量', storageClass: '存储类', accessModes: '访问模式',
    capacity: '容量', reclaimPolicy: '回收策略', volumeName: '卷名称',
    policyTypes: '策略类型', podSelector: 'Pod 选择器', ingressRules: '入站规则', egressRules: '出站规则',
    peers: '来源 / 目标', peerPods: '带这些标签的 Pod', peerNamespaces: '带这些标签的命名空间', peerCidr: 'IP 段 (CIDR)',
    addPeer: '添加对端', allowAll: '空列表：不允许任何流量', anyPeer: '任意来源',
    hard: '硬性限制', resource: '资源', amount: '数量', addLimit: '添加限制',
    limitItems: '限制项', limitType: '类型', default: '默认限制', defaultRequest: '默认请求', max: '最大值', min: '最小值',
    addItem: '添加限制项', data: '数据', addData: '添加条目', schedule: '调度计划', minReplicas: '最小副本数', maxReplicas: '最大副本数',
    unknownKind: 'Kubeplan 没有 {{kind}} 的表单，请以 YAML 编辑。',
  },
  errors: {
    quantity: '"{{value}}" 不是合法的 Kubernetes 数量（例如 250m、1、512Mi、2Gi）',
    dns1123: '"{{value}}" 只能包含小写字母、数字和 "-"，以字母或数字开头和结尾，最多 {{max}} 个字符',
    required: '必填', integer: '必须是 ≥ {{min}} 的整数', port: '端口必须在 1 到 65535 之间',
    labelKey: '"{{value}}" 不是合法的标签键', labelValue: '"{{value}}" 不是合法的标签值',
    duplicateKey: '键 "{{value}}" 重复', cidr: '"{{value}}" 不是 CIDR（例如 10.0.0.0/16）',
    yamlLine: 'YAML 第 {{line}} 行有错误：{{message}}', yamlShape: 'YAML 必须是一个包含 apiVersion、kind 和 metadata.name 的对象',
    kindChange: '这里不能修改 kind 和 apiVersion；请添加一个新资源。',
    duplicateName: '命名空间 {{namespace}} 中已存在名为 "{{name}}" 的 {{kind}}',
  },
  commands: { cut: '剪切', addResource: '从组件面板添加', togglePalette: '显示/隐藏组件面板', toggleInspector: '显示/隐藏属性面板', toggleDock: '显示/隐藏底部面板', about: '关于 Kubeplan',
    uiZoomIn: '放大界面', uiZoomOut: '缩小界面', uiZoomReset: '实际大小', presenter: '演示模式', exitPresenter: '退出演示模式',
  },
  move: {
    title: '移动到命名空间 "{{namespace}}"？', titleMany_one: '移动到 {{count}} 个命名空间？', titleMany_other: '移动到 {{count}} 个命名空间？',
    object: '{{kind}} "{{name}}" 将从命名空间 "{{from}}" 移到 "{{to}}"。',
    breaks_one: '以下引用将会断开：', breaks_other: '以下 {{count}} 个引用将会断开：',
    link: '{{source}} {{relation}} {{target}}',
    nothingBreaks: '没有引用会断开。',
    cancel: '保留命名空间', confirm_one: '移动', confirm_other: '移动 {{count}} 个',
    relation: {
      selects: '选择', routes: '路由到', mounts: '挂载', config: '读取', binds: '绑定', 'policy-target': '作用于',
      'policy-peer': '允许', scales: '扩缩', constrains: '约束',
    },
  },
  help: { shortcuts: '键盘快捷键', pan: '平移画布', zoomWheel: '缩放', about: 'Kubeplan 0.1 —— 离线设计、模拟和讲解 Kubernetes 集群。' },
  files: {
    discard: '放弃对 "{{name}}" 的未保存更改？', restore: 'Kubeplan 发现了 {{when}} 未保存的工作。',
    restoreAction: '恢复', dismiss: '忽略', saved: '已保存 {{path}}', exported: '已导出 {{path}}',
    openFailed: '无法打开：{{message}}', saveFailed: '无法保存：{{message}}',
    exportFailed: '无法导出：{{message}}', importFailed: '无法导入：{{message}}',
    warnings: '已打开，有 {{count}} 条警告：{{first}}', imported: '已导入 {{count}} 个对象',
    close: '关闭', nothingImported: '所选文件中没有 Kubernetes 对象。',
  },
  exportCheck: {
    confirm: '该设计有集群会拒绝的问题（错误：{{count}} 个）。第一个：{{first}}\n\n仍要导出吗？',
  },
};
