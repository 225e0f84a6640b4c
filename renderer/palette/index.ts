export { Palette } from './Palette';
export { addAtCenter, dropOnCanvas } from './dropResource';
export { paletteGroups, PALETTE_GROUPS } from './paletteGroups';
