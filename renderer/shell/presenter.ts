/**
 * Presenter mode (View → Presenter mode, F5; Escape leaves): the panels step aside, the canvas
 * fills the window and fits the design, and a large caption slot waits for lessons to fill it.
 */
import { create } from 'zustand';
import { currentViewport, fitToContent, view } from '../canvas/view';
import { setViewport, type Viewport } from '../store';

interface PresenterState {
  on: boolean;
  /** The caption shown large at the bottom while presenting; lessons set it, nothing else does. */
  caption: string | null;
}

export const usePresenter = create<PresenterState>()(() => ({ on: false, caption: null }));

export const isPresenting = () => usePresenter.getState().on;

/** The view before presenting, given back on leaving. */
let before: Viewport | undefined;

/** Fit once the canvas has grown into the freed space (its resize observer runs the pending fit). */
function fitWhenResized(): void {
  view.pendingFit = true;
  // When the size did not change no resize arrives: fit after the layout settles anyway.
  const nextFrame = globalThis.requestAnimationFrame ?? ((f: () => void) => setTimeout(f, 16));
  nextFrame(() => nextFrame(() => {
    if (!view.pendingFit) return;
    view.pendingFit = false;
    fitToContent();
  }));
}

export function enterPresenter(): void {
  if (isPresenting()) return;
  before = currentViewport();
  usePresenter.setState({ on: true });
  fitWhenResized();
}

export function exitPresenter(): void {
  if (!isPresenting()) return;
  usePresenter.setState({ on: false });
  if (before) setViewport(before);
  before = undefined;
}

export const togglePresenter = () => (isPresenting() ? exitPresenter() : enterPresenter());

/** Lessons show their step's caption here (null hides the caption area). */
export function setPresenterCaption(caption: string | null): void {
  usePresenter.setState({ caption });
}
