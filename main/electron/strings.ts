/**
 * The host's own words (menu, dialogs) in English and Simplified Chinese, chosen from the system
 * locale. The renderer has its own i18next bundles; these few strings live with the menu.
 */
export interface HostStrings {
  file: string; edit: string; view: string; help: string;
  new: string; open: string; openExample: string; openRecent: string; noRecent: string; noExamples: string; clearRecent: string;
  save: string; saveAs: string; importYaml: string; importFolder: string; exportYaml: string; exportFolder: string; quit: string;
  undo: string; redo: string; cut: string; copy: string; paste: string; duplicate: string; delete: string; selectAll: string;
  zoomIn: string; zoomOut: string; fit: string; autoLayout: string; togglePalette: string; toggleInspector: string; toggleDock: string;
  uiZoomIn: string; uiZoomOut: string; uiZoomReset: string; presenter: string;
  shortcuts: string; about: string;
  unsavedQuestion: string; unsavedDetail: string; saveButton: string; dontSaveButton: string; cancelButton: string;
  exportPng: string; exportSvg: string; copyPicture: string;
  openLesson: string;
}

const en: HostStrings = {
  file: '&File', edit: '&Edit', view: '&View', help: '&Help',
  new: 'New', open: 'Open…', openExample: 'Open Example', openRecent: 'Open Recent', noRecent: 'No Recent Files', noExamples: 'No Examples', clearRecent: 'Clear Recent',
  save: 'Save', saveAs: 'Save As…', importYaml: 'Import YAML…', importFolder: 'Import Folder…', exportYaml: 'Export YAML…', exportFolder: 'Export Folder…', quit: 'Quit',
  undo: 'Undo', redo: 'Redo', cut: 'Cut', copy: 'Copy', paste: 'Paste', duplicate: 'Duplicate', delete: 'Delete', selectAll: 'Select All',
  zoomIn: 'Zoom In', zoomOut: 'Zoom Out', fit: 'Fit to Window', autoLayout: 'Auto-layout', togglePalette: 'Toggle Palette', toggleInspector: 'Toggle Inspector', toggleDock: 'Toggle Bottom Dock',
  uiZoomIn: 'Larger Interface', uiZoomOut: 'Smaller Interface', uiZoomReset: 'Actual Interface Size', presenter: 'Presenter Mode',
  shortcuts: 'Keyboard Shortcuts', about: 'About {name}',
  unsavedQuestion: 'Do you want to save the changes you made to {name}?', unsavedDetail: "Your changes will be lost if you don't save them.",
  saveButton: 'Save', dontSaveButton: "Don't Save", cancelButton: 'Cancel',
  exportPng: 'Export Picture as PNG…', exportSvg: 'Export Picture as SVG…', copyPicture: 'Copy Picture',
  openLesson: 'Open Lesson…',
};

const zhCN: HostStrings = {
  file: '文件(&F)', edit: '编辑(&E)', view: '视图(&V)', help: '帮助(&H)',
  new: '新建', open: '打开…', openExample: '打开示例', openRecent: '最近打开', noRecent: '没有最近打开的文件', noExamples: '没有示例', clearRecent: '清除最近打开',
  save: '保存', saveAs: '另存为…', importYaml: '导入 YAML…', importFolder: '导入文件夹…', exportYaml: '导出 YAML…', exportFolder: '导出到文件夹…', quit: '退出',
  undo: '撤销', redo: '重做', cut: '剪切', copy: '复制', paste: '粘贴', duplicate: '创建副本', delete: '删除', selectAll: '全选',
  zoomIn: '放大', zoomOut: '缩小', fit: '适应窗口', autoLayout: '自动布局', togglePalette: '显示/隐藏组件面板', toggleInspector: '显示/隐藏属性面板', toggleDock: '显示/隐藏底部面板',
  uiZoomIn: '放大界面', uiZoomOut: '缩小界面', uiZoomReset: '界面实际大小', presenter: '演示模式',
  shortcuts: '键盘快捷键', about: '关于 {name}',
  unsavedQuestion: '是否保存对 {name} 所做的更改？', unsavedDetail: '如果不保存，你的更改将会丢失。',
  saveButton: '保存', dontSaveButton: '不保存', cancelButton: '取消',
  exportPng: '导出为 PNG 图片…', exportSvg: '导出为 SVG 图片…', copyPicture: '复制图片',
  openLesson: '打开课程…',
};

/** `zh`, `zh-CN`, `zh-Hans…` → Chinese; everything else English. */
export function hostStrings(locale: string): HostStrings {
  return /^zh(-|_|$)/i.test(locale) && !/^zh[-_](TW|HK|MO|Hant)/i.test(locale) ? zhCN : en;
}

export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
