/** Every kind module, in palette order within each group. Add a new kind here. */
import { deploymentKind } from './deployment';
import { namespaceKind } from './namespace';
import { serviceKind } from './service';

export const ALL_KINDS = [namespaceKind, deploymentKind, serviceKind] as const;
