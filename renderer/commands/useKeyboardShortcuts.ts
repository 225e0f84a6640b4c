/** Install the window's key handler (commands by key) and the pointer tracking it needs. */
import { useEffect } from 'react';
import { kubeplanApi } from '../api';
import { setKeyClaims } from '../canvas/keyClaims';
import { commandForKey, handleShortcut } from './execute';
import { trackPointer } from './registry';

export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const nativeMenu = kubeplanApi().platform === 'electron';
    const onKey = (e: KeyboardEvent) => void handleShortcut(e, nativeMenu);
    // Space pans the canvas unless a command of this mode that applies now is bound to it.
    setKeyClaims((e) => {
      const command = commandForKey(e);
      return command !== undefined && (command.keyApplies?.() ?? true);
    });
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', trackPointer, true);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', trackPointer, true);
    };
  }, []);
}
