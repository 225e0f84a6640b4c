/** The picture entries of the toolbar's Export menu (and its section of the "⋯" menu). */
import type { TFunction } from 'i18next';
import { execute, getCommand, isEnabled, keyCaps } from '../commands';
import type { MenuItem } from '../panels/Menu';
import { useKubeplanStore } from '../store';
import { usePictureOptions } from './picture';

function item(id: string, label: string, command: 'picture:png' | 'picture:svg' | 'picture:copy'): MenuItem {
  const key = getCommand(command).keys?.[0];
  return { id, label, shortcut: key && keyCaps(key).join('+'), disabled: !isEnabled(getCommand(command)), run: () => void execute(command) };
}

export function pictureItems(t: TFunction): MenuItem[] {
  const { selectionOnly, overlay } = usePictureOptions.getState();
  const { selection, mode } = useKubeplanStore.getState();
  return [
    { ...item('picture-png', t('pictures.png'), 'picture:png'), section: t('pictures.menu') },
    { ...item('picture-svg', t('pictures.svg'), 'picture:svg'), section: t('pictures.menu') },
    { ...item('picture-copy', t('pictures.copy'), 'picture:copy'), section: t('pictures.menu') },
    {
      id: 'picture-selection', label: t('pictures.selectionOnly'), checked: selectionOnly && selection.length > 0, disabled: selection.length === 0, section: t('pictures.menu'),
      run: () => usePictureOptions.setState({ selectionOnly: !selectionOnly }),
    },
    {
      id: 'picture-overlay', label: t('pictures.overlay'), checked: overlay && mode === 'simulate', disabled: mode !== 'simulate', section: t('pictures.menu'),
      run: () => usePictureOptions.setState({ overlay: !overlay }),
    },
  ];
}
