export { DesignCanvas } from './DesignCanvas';
export { fitToContent, zoomBy, viewportCenter, centerOn, screenToWorld, view } from './view';
export { canvasStrings } from './strings';
