/**
 * The design document: Kubernetes objects plus layout plus the simulated cluster, its file
 * format (load, check, migrate, save) and its automatic layout.
 */
export * from './types';
export { serializeDesign } from './serialize';
export { parseDesign, isDesignText, designNameFromFile } from './parse';
export { designObjects, newResourceId, highestResourceNumber } from './ids';
export { layoutDesign, fillMissingLayout, namespaceFrameOf, NODE_SIZE } from './layout';
export { importAsDesign } from './import';
export { MIGRATIONS } from './migrate';
export { renderDesignPicture, defaultSubtitle, PICTURE_RELATION_COLORS, PICTURE_FONT_FAMILY, type Picture, type PictureBadge, type PictureOptions } from './picture';
