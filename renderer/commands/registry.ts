/**
 * The command registry: every command of the shared table (shared/ipc/commands.ts) with what it
 * does here. The native menu, toolbar, keys and the shortcuts dialog all read this one list.
 * `perform` returns the change and `execute` (./execute.ts) applies it, so history is captured in
 * one place. A command missing here fails the type-check (the record is keyed by every id).
 */
import i18next from 'i18next';
import type { Point } from '../../shared/design/types';
import { COMMAND_SPECS, type CommandId } from '../../shared/ipc/commands';
import { fitToContent, currentViewport, view, zoomBy } from '../canvas/view';
import { exportManifests, importManifests, newDesign, openDesign, saveDesign } from '../files/actions';
import { notify } from '../files/notices';
import { openShortcuts, togglePanel, useShortcutsDialog } from '../files/panels';
import { closeLesson, currentStepReady, isLessonActive, nextStep, openLessonFile, previousStep, useLessons } from '../lessons/store';
import { exitPresenter, isPresenting, togglePresenter } from '../shell/presenter';
import { pause, stepEvent, toEnd, toStart, togglePlay } from '../simulation/playback';
import { sessionFrames, useSimulationStore } from '../simulation/store';
import { canZoomUiIn, canZoomUiOut, setUiZoom, zoomUi } from '../shell/uiZoom';
import {
  addResourceChange, autoLayoutChange, canRedo, canUndo, commitOrAskMove, copyChange, deleteChange, duplicateChange, moveChange, pasteChange, redo,
  setViewport, undo, type KubeplanState,
} from '../store';
import {
  addNodeChange, applyAgain, canScale, cordonNode, crashContainer, deletePod, drainNode, editNodeChange, liveRunId, podsOf, reapplyDesign, rollbackSelected, scaleBy,
  scaleSelected, selectedObject, setImageSelected, setLoadSelected, IMAGE_KINDS, ROLLOUT_KINDS,
} from '../simulation/actions';
import type { ClusterNode } from '../../shared/design/types';
import { addFlowChange, isFlowDraft, isFlowEdit, removeFlowChange, updateFlowChange } from '../traffic/flowActions';
import { showConnectivity } from '../traffic/store';
import { revealConsole } from '../console/store';
import type { KeyLike } from './keys';
import type { Command, CommandBehaviour } from './types';
import { PICTURE_BEHAVIOUR } from '../pictures/commands';

/** How far the arrow keys move the selection (world units); Shift moves ten times as far. */
export const NUDGE = 1;

const hasSelection = (s: KubeplanState) => s.selection.length > 0;
const hasFrames = () => sessionFrames().length > 0;

/** What `design:addResource` is given: the kind, and where its card's centre goes (world units). */
export interface AddResourceArgs {
  kind: string;
  at: Point;
}

function isAddResourceArgs(a: unknown): a is AddResourceArgs {
  const v = a as Partial<AddResourceArgs> | undefined;
  return typeof v?.kind === 'string' && typeof v.at?.x === 'number' && typeof v.at.y === 'number';
}

function nudge(dx: number, dy: number): CommandBehaviour {
  const step = (e?: KeyLike) => (e?.shiftKey ? NUDGE * 10 : NUDGE);
  // A nudge across a frame's edge asks before the namespace changes, as a drag does.
  return { enabled: hasSelection, perform: (s, e) => void commitOrAskMove(moveChange(s.design, s.selection, dx * step(e), dy * step(e)), () => {}) };
}

/** Whether the user last pressed the pointer on the canvas, palette or toolbar (not on the YAML, inspector…). */
let workingOnCanvas = true;

/** Remember where the user last pressed, so Ctrl+A in the YAML tab selects text, not resources. */
export function trackPointer(e: PointerEvent): void {
  const el = e.target as Element | null;
  workingOnCanvas = !el || typeof el.closest !== 'function' || el.closest('.design-canvas, .palette, .toolbar') !== null || el === document.body;
}

function hasTextSelection(): boolean {
  return typeof window !== 'undefined' && typeof window.getSelection === 'function' && (window.getSelection()?.toString() ?? '') !== '';
}

const isLive = () => liveRunId() !== null;
const liveOn = (kinds: ReadonlySet<string>) => (s: KubeplanState) => {
  const o = selectedObject(s);
  return isLive() && !!o && kinds.has(o.kind);
};
const str = (a: unknown, key: string): string | undefined => {
  const v = (a as Record<string, unknown> | undefined)?.[key];
  return typeof v === 'string' ? v : undefined;
};

/** Live actions (renderer/simulation/actions.ts): `args` carry what the inspector or Nodes panel chose. */
const LIVE_BEHAVIOUR = {
  'simulate:scaleUp': { enabled: canScale, perform: () => scaleBy(1) },
  'simulate:scaleDown': { enabled: canScale, perform: () => scaleBy(-1) },
  'simulate:scale': {
    enabled: canScale,
    perform: (_s, _e, args) => {
      const n = (args as { replicas?: unknown } | undefined)?.replicas;
      return typeof n === 'number' ? scaleSelected(n) : undefined;
    },
  },
  'simulate:setImage': { enabled: liveOn(IMAGE_KINDS), perform: (_s, _e, args) => setImageSelected(str(args, 'image') ?? '', str(args, 'container')) },
  'simulate:rollback': { enabled: liveOn(ROLLOUT_KINDS), perform: () => rollbackSelected() },
  'simulate:deletePod': {
    enabled: (s) => isLive() && (s.selection.length === 1 && !!selectedObject(s) && podsOf(selectedObject(s)!).length > 0),
    perform: (_s, _e, args) => deletePod(str(args, 'name'), str(args, 'namespace')),
  },
  'simulate:cordon': { enabled: isLive, perform: (_s, _e, args) => (str(args, 'node') ? cordonNode(str(args, 'node')!, true) : undefined) },
  'simulate:uncordon': { enabled: isLive, perform: (_s, _e, args) => (str(args, 'node') ? cordonNode(str(args, 'node')!, false) : undefined) },
  'simulate:drain': { enabled: isLive, perform: (_s, _e, args) => (str(args, 'node') ? drainNode(str(args, 'node')!) : undefined) },
  'simulate:applyAgain': { enabled: isLive, perform: () => applyAgain(), whileTyping: true },
  'simulate:reapply': { enabled: isLive, perform: (s) => reapplyDesign(s.design), whileTyping: true },
  'cluster:addNode': { perform: (s, _e, args) => addNodeChange(s, (args as { node?: ClusterNode } | undefined)?.node) },
  'cluster:editNode': {
    perform: (s, _e, args) => {
      const a = args as { name?: unknown; node?: ClusterNode } | undefined;
      return typeof a?.name === 'string' && a.node ? editNodeChange(s, a.name, a.node) : undefined;
    },
  },
  'simulate:setLoad': { enabled: canScale, perform: (_s, _e, args) => setLoadSelected(str(args, 'cpu') ?? '') },
  // Enabled whenever the run is live: a pod chip names its pod; without one, perform picks the selected workload's.
  'simulate:crashContainer': {
    enabled: isLive,
    perform: (_s, _e, args) => crashContainer(str(args, 'name'), str(args, 'namespace'), str(args, 'container')),
  },
} satisfies Record<Extract<CommandId, `simulate:${string}` | `cluster:${string}`>, CommandBehaviour>;

const BEHAVIOUR: Record<CommandId, CommandBehaviour> = {
  'file:new': { perform: () => newDesign() },
  'file:open': { perform: () => openDesign(), whileTyping: true },
  'file:save': { perform: () => saveDesign(false), whileTyping: true },
  'file:saveAs': { perform: () => saveDesign(true), whileTyping: true },
  'file:import': { perform: () => importManifests(false), whileTyping: true },
  'file:importFolder': { perform: () => importManifests(true) },
  'file:export': { perform: () => exportManifests('file'), whileTyping: true },
  'file:exportFolder': { perform: () => exportManifests('folder') },
  // Undo and redo move through history rather than adding to it.
  'design:addResource': { perform: (s, _event, args) => (isAddResourceArgs(args) ? addResourceChange(s.design, args.kind, args.at) : undefined) },
  'edit:undo': { enabled: () => canUndo(), perform: () => undo() },
  'edit:redo': { enabled: () => canRedo(), perform: () => redo() },
  'edit:cut': {
    enabled: hasSelection,
    perform: (s) => ({ ...copyChange(s.design, s.selection), ...deleteChange(s, s.selection) }),
  },
  'edit:copy': { enabled: hasSelection, perform: (s) => copyChange(s.design, s.selection), keyApplies: () => !hasTextSelection() },
  'edit:paste': { enabled: (s) => s.clipboard.length > 0, perform: (s) => pasteChange(s) },
  'edit:duplicate': { enabled: hasSelection, perform: (s) => duplicateChange(s.design, s.selection) },
  'edit:delete': { enabled: hasSelection, perform: (s) => deleteChange(s, s.selection) },
  'edit:selectAll': { perform: (s) => ({ selection: s.design.resources.map((r) => r.id) }), keyApplies: () => workingOnCanvas },
  'edit:nudgeLeft': nudge(-1, 0),
  'edit:nudgeRight': nudge(1, 0),
  'edit:nudgeUp': nudge(0, -1),
  'edit:nudgeDown': nudge(0, 1),
  'view:fit': { perform: () => fitToContent() },
  'view:zoomIn': { perform: () => zoomBy(1.25) },
  'view:zoomOut': { perform: () => zoomBy(0.8) },
  'view:zoomReset': {
    perform: () => {
      const v = currentViewport();
      const cx = view.width / 2;
      const cy = view.height / 2;
      setViewport({ scale: 1, x: cx - ((cx - v.x) / v.scale), y: cy - ((cy - v.y) / v.scale) });
    },
  },
  'view:autoLayout': { perform: (s) => autoLayoutChange(s.design) },
  'view:uiZoomIn': { enabled: canZoomUiIn, perform: () => zoomUi(1), whileTyping: true },
  'view:uiZoomOut': { enabled: canZoomUiOut, perform: () => zoomUi(-1), whileTyping: true },
  'view:uiZoomReset': { perform: () => setUiZoom(1), whileTyping: true },
  'view:presenter': { perform: () => togglePresenter(), whileTyping: true },
  // Escape first closes an open dialog; it leaves presenter mode only when nothing else wants it.
  'view:exitPresenter': { enabled: isPresenting, perform: () => exitPresenter(), keyApplies: () => isPresenting() && !useShortcutsDialog.getState().open },
  'view:togglePalette': { perform: () => togglePanel('palette') },
  'view:toggleInspector': { perform: () => togglePanel('inspector') },
  'view:toggleDock': { perform: () => togglePanel('dock') },
  'help:shortcuts': { perform: () => openShortcuts() },
  'help:about': { perform: () => void notify({ tone: 'info', text: i18next.t('help.about') }) },
  'sim:run': { perform: () => void useSimulationStore.getState().runSimulation() },
  'sim:stop': {
    perform: () => {
      pause();
      useSimulationStore.getState().stopSimulation();
    },
  },
  'sim:playPause': { enabled: hasFrames, perform: () => togglePlay() },
  // The arrows step the timeline unless a lesson is open: then they page the lesson (lesson:*Arrow).
  'sim:stepBack': { enabled: hasFrames, perform: () => stepEvent(-1), keyApplies: () => !isLessonActive() },
  'sim:stepForward': { enabled: hasFrames, perform: () => stepEvent(1), keyApplies: () => !isLessonActive() },
  'sim:toStart': { enabled: hasFrames, perform: () => toStart() },
  'sim:toEnd': { enabled: hasFrames, perform: () => toEnd() },
  ...LIVE_BEHAVIOUR,
  'traffic:addFlow': { perform: (s, _e, args) => (isFlowDraft(args) ? addFlowChange(s.design, args) : undefined) },
  'traffic:editFlow': { perform: (s, _e, args) => (isFlowEdit(args) ? updateFlowChange(s.design, args.id, args.flow) : undefined) },
  'traffic:removeFlow': { perform: (s, _e, args) => (typeof args === 'string' ? removeFlowChange(s.design, args) : undefined) },
  'view:connectivity': { perform: () => showConnectivity() },
  'lesson:open': { perform: () => openLessonFile() },
  // Lesson keys act only while a lesson runs (in simulate mode without one, the keys stay free).
  'lesson:next': { enabled: () => isLessonActive() && currentStepReady(), perform: () => void nextStep(), keyApplies: isLessonActive },
  'lesson:previous': { enabled: () => (useLessons.getState().active?.step ?? 0) > 0, perform: () => void previousStep(), keyApplies: isLessonActive },
  'lesson:nextArrow': { enabled: () => isLessonActive() && currentStepReady(), perform: () => void nextStep(), keyApplies: isLessonActive },
  'lesson:previousArrow': { enabled: () => (useLessons.getState().active?.step ?? 0) > 0, perform: () => void previousStep(), keyApplies: isLessonActive },
  'lesson:close': { enabled: isLessonActive, perform: () => closeLesson() },
  'console:focus': { perform: () => revealConsole(), whileTyping: true },
  ...PICTURE_BEHAVIOUR,
};

/** Every command, in the table's order (the order the shortcuts dialog lists them in). */
export const COMMAND_REGISTRY: readonly Command[] = COMMAND_SPECS.map((spec) => ({ ...spec, ...BEHAVIOUR[spec.id] }));

const BY_ID = new Map<string, Command>(COMMAND_REGISTRY.map((c) => [c.id, c]));

export function getCommand(id: CommandId): Command {
  return BY_ID.get(id)!;
}

export function findCommand(id: string): Command | undefined {
  return BY_ID.get(id);
}
