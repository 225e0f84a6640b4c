/**
 * The renderer store: state (`useKubeplanStore`), the actions that change it, and selectors for
 * derived data. Components read with atomic selectors (`useKubeplanStore(selectSelection)`) or
 * `useShallow` when a selector builds an object; everything else calls the action functions.
 */
export { useKubeplanStore, HISTORY_LIMIT } from './store';
export type { KubeplanState, Viewport, FileState, ClipboardEntry, KubeplanStore, ProblemsState, ToolId, StoreChange, EdgeViewState } from './store';
export { setEdgeKindVisible, showAllEdgeKinds, setEdgeLegendOpen, selectEdgeView } from './edgeView';
export {
  addResource, addResourceChange, updateObject, moveResources, moveFrame, resizeFrame, deleteResources, copy, paste,
  duplicate, connect, canConnectKinds, autoLayout, namespaceAt, PASTE_OFFSET,
  moveChange, deleteChange, copyChange, pasteChange, duplicateChange, autoLayoutChange,
} from './designActions';
export { select, toggleSelected, selectAll, clearSelection, setViewport, replaceDesign, markSaved, setMode, setTool, MIN_SCALE, MAX_SCALE } from './appActions';
export { commitOrAskMove, confirmNamespaceMove, cancelNamespaceMove, namespaceMoveQuestion, useNamespaceMove } from './namespaceMove';
export type { NamespaceMoveQuestion, MovedObject, BrokenLink } from './namespaceMove';
export { undo, redo, canUndo, canRedo, commit, beginGesture, endGesture, cancelGesture, clearHistory } from './history';
export {
  designIndex, selectDesign, selectEdges, selectSelection, selectViewport,
  selectDirty, selectFilePath, selectResourceCount, selectResource, resourceIdForKey,
} from './derived';
export type { DesignEdge, DesignIndex } from './derived';
export { selectProblems, selectProblemsStale, flushProblems, VALIDATE_DEBOUNCE_MS } from './analysis';
export { watchYamlPreview, previewHead, YAML_DEBOUNCE_MS, type YamlPreview, type YamlScope } from './yamlPreview';
export { provideDesignServices, designServices, resetDesignServices } from './services';
export type { DesignServices, ConnectResult, Problem } from './services';
export * from './geometry';
export { uniqueName, baseNameForKind, isDns1123Label, toDns1123Label } from './names';
