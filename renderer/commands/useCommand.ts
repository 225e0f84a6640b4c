/** A command for a button: its label, its key (for `aria-keyshortcuts`), whether it is enabled now, and how to run it. */
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { CommandId } from '../../shared/ipc/commands';
import { useKubeplanStore } from '../store';
import { execute, isEnabled } from './execute';
import { ariaKey } from './keys';
import { getCommand } from './registry';

export function useCommand(id: CommandId): { label: string; keyShortcut?: string; enabled: boolean; run: () => void } {
  const { t } = useTranslation();
  const command = getCommand(id);
  // History is a store of its own: re-render when it moves so undo and redo grey out in time.
  useStore(useKubeplanStore.temporal, (s) => (s.pastStates.length > 0 ? 1 : 0) + (s.futureStates.length > 0 ? 2 : 0));
  const enabled = useKubeplanStore((s) => isEnabled(command, s));
  const key = command.keys?.[0];
  return { label: t(command.labelKey), keyShortcut: key && ariaKey(key), enabled, run: () => void execute(id) };
}
