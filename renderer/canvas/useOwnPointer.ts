import { useEffect, useRef, type RefObject } from 'react';

/**
 * The canvas reads pointer and wheel input natively on its container: a panel drawn over it (the
 * simulation HUD, the edge legend, a pod's logs) keeps its own clicks and scrolls from starting a
 * pan or a rubber band there (React's handlers run too late). Put the returned ref on the panel.
 */
export function useOwnPointer<T extends HTMLElement>(): RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const stop = (e: Event) => e.stopPropagation();
    const events = ['pointerdown', 'pointermove', 'pointerup', 'wheel'] as const;
    for (const type of events) el.addEventListener(type, stop);
    return () => {
      for (const type of events) el.removeEventListener(type, stop);
    };
  }, []);
  return ref;
}
