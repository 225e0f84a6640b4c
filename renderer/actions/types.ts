/** An action a user can take from a shortcut, the toolbar or the menu (Excalidraw's action idea). */
export interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export interface CanvasAction {
  name: ActionName;
  /** i18next key of its label (`canvas.actions.undo`). */
  labelKey: string;
  /** What the shortcut looks like in menus and tooltips (`Mod+Z`: Ctrl, or Cmd on macOS). */
  shortcut?: string;
  perform(): void;
  keyTest?(event: KeyLike): boolean;
}

export type ActionName =
  | 'undo' | 'redo' | 'selectAll' | 'copy' | 'paste' | 'duplicate' | 'delete'
  | 'nudgeLeft' | 'nudgeRight' | 'nudgeUp' | 'nudgeDown'
  | 'fit' | 'zoomIn' | 'zoomOut' | 'zoomReset' | 'autoLayout';
