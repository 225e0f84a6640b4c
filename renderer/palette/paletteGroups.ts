/** The palette's groups, in order, with the kinds of each, from the kind registry. */
import { allKindModules } from '../../shared/kinds/registry';
import type { AnyKindModule, PaletteGroup } from '../../shared/kinds/types';

export const PALETTE_GROUPS: readonly PaletteGroup[] = ['Workloads', 'Networking', 'Storage', 'Config', 'Policy', 'Access', 'Cluster'];

export function paletteGroups(modules: readonly AnyKindModule[] = allKindModules()): Array<{ group: PaletteGroup; kinds: AnyKindModule[] }> {
  return PALETTE_GROUPS.map((group) => ({ group, kinds: modules.filter((m) => m.display.group === group) })).filter((g) => g.kinds.length > 0);
}
