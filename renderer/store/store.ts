/**
 * The one renderer store, built from slices (design, selection, viewport, file, clipboard, mode, edge view).
 * Only the design enters undo history (zundo `temporal` with `partialize`): selecting, panning,
 * zooming and saving never create or wipe an undo step.
 */
import { temporal } from 'zundo';
import { create } from 'zustand';
import type { StateCreator } from 'zustand';
import { emptyDesign, type Design, type Point } from '../../shared/design/types';
import type { Mode } from '../../shared/ipc/commands';
import type { KubeObject } from '../../shared/model/object';
import type { EdgeKind } from '../../shared/references';
import type { Problem } from '../../shared/validation';

export interface DesignSlice {
  design: Design;
}

export interface SelectionSlice {
  /** Selected resource ids, in the order they were selected. */
  selection: string[];
}

export interface Viewport {
  /** Screen position of the world origin, in CSS pixels. */
  x: number;
  y: number;
  scale: number;
}

export interface ViewportSlice {
  viewport: Viewport;
}

export interface FileState {
  /** Where the design was last opened from or saved to; undefined for a new design. */
  path?: string;
  /** True when the design differs from what was last opened or saved. */
  dirty: boolean;
  /** The design as last opened or saved (compared by identity: designs are immutable). */
  savedDesign: Design;
}

export interface FileSlice {
  file: FileState;
}

/** Copied resources, kept in the store (not the OS clipboard) so paste works offline and in tests. */
export interface ClipboardEntry {
  object: KubeObject;
  position: Point;
}

export interface ClipboardSlice {
  clipboard: ClipboardEntry[];
  /** How many times the current clipboard was pasted, so each paste lands a step further away. */
  pasteCount: number;
}

/** The last validation result and the objects it was computed from (see analysis.ts). */
export interface ProblemsState {
  list: Problem[];
  /** The design's resources array that `list` belongs to; undefined before the first run. */
  of?: Design['resources'];
}

export interface ProblemsSlice {
  problems: ProblemsState;
}

/** How the canvas shows edges: a view setting, neither saved in the design nor undone. */
export interface EdgeViewState {
  /** Edge kinds the user filtered out (legend checkboxes). */
  hidden: EdgeKind[];
  legendOpen: boolean;
}

export interface EdgeViewSlice {
  edgeView: EdgeViewState;
}

/** The canvas tools (renderer/canvas/tools): one is active at a time; a scrub tool joins with the simulation. */
export type ToolId = 'select' | 'connect' | 'pan';

export interface ModeSlice {
  /** What the user is doing; commands declare the modes they are available in. */
  mode: Mode;
  /** The canvas tool handling pointer input. */
  tool: ToolId;
}

export type KubeplanState = DesignSlice & SelectionSlice & ViewportSlice & FileSlice & ClipboardSlice & ProblemsSlice & ModeSlice & EdgeViewSlice;

/**
 * What a command or design action changes, applied in one store update (`commit`): one undo step
 * when it touches the design (only the design enters history), none otherwise.
 */
export type StoreChange = Partial<Pick<KubeplanState, 'design' | 'selection' | 'clipboard' | 'pasteCount'>>;

type Slice<T> = StateCreator<KubeplanState, [['temporal', unknown]], [], T>;

const designSlice: Slice<DesignSlice> = () => ({ design: emptyDesign() });
const selectionSlice: Slice<SelectionSlice> = () => ({ selection: [] });
const viewportSlice: Slice<ViewportSlice> = () => ({ viewport: { x: 0, y: 0, scale: 1 } });
// The file slice starts out "saved" as the initial design.
const fileSlice = (design: Design): FileSlice => ({ file: { dirty: false, savedDesign: design } });
const clipboardSlice: Slice<ClipboardSlice> = () => ({ clipboard: [], pasteCount: 0 });
const problemsSlice: Slice<ProblemsSlice> = () => ({ problems: { list: [] } });
const modeSlice: Slice<ModeSlice> = () => ({ mode: 'design', tool: 'select' });
const edgeViewSlice: Slice<EdgeViewSlice> = () => ({ edgeView: { hidden: [], legendOpen: false } });

export interface HistoryEntry {
  design: Design;
}

/** Undo steps kept; older ones are dropped. */
export const HISTORY_LIMIT = 500;

export const useKubeplanStore = create<KubeplanState>()(
  temporal(
    (...a) => {
      const design = designSlice(...a);
      return {
        ...design,
        ...selectionSlice(...a),
        ...viewportSlice(...a),
        ...clipboardSlice(...a),
        ...problemsSlice(...a),
        ...modeSlice(...a),
        ...edgeViewSlice(...a),
        ...fileSlice(design.design),
      };
    },
    {
      partialize: (s): HistoryEntry => ({ design: s.design }),
      equality: (past, current) => past.design === current.design,
      limit: HISTORY_LIMIT,
    },
  ),
);

// The file slice's dirty flag follows the design, whichever way it changed (edit, undo, redo).
useKubeplanStore.subscribe((s, prev) => {
  if (s.design === prev.design) return;
  const dirty = s.design !== s.file.savedDesign;
  if (dirty !== s.file.dirty) useKubeplanStore.setState({ file: { ...s.file, dirty } });
});

export type KubeplanStore = typeof useKubeplanStore;
