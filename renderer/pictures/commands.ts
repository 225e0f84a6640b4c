/** The picture commands' behaviour (ids, keys and menu place in shared/ipc/commands.ts). */
import type { CommandId } from '../../shared/ipc/commands';
import type { CommandBehaviour } from '../commands/types';
import { copyPicture, exportPicture } from './picture';

const hasCards = (s: { design: { resources: readonly { object: { kind: string } }[] } }) => s.design.resources.some((r) => r.object.kind !== 'Namespace');

export const PICTURE_BEHAVIOUR = {
  'picture:png': { enabled: hasCards, perform: () => exportPicture('png'), whileTyping: true },
  'picture:svg': { enabled: hasCards, perform: () => exportPicture('svg'), whileTyping: true },
  'picture:copy': { enabled: hasCards, perform: () => copyPicture(), keyApplies: () => !window.getSelection()?.toString() },
} satisfies Record<Extract<CommandId, `picture:${string}`>, CommandBehaviour>;
