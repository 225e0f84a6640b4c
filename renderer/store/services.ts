/**
 * The shared functions the store uses from other modules (connect, validation, auto-layout), behind
 * one seam: the real shared modules by default; unit tests (or a host that runs validation in a
 * worker) replace them with `provideDesignServices`.
 */
import { layoutDesign } from '../../shared/design/layout';
import type { Design } from '../../shared/design/types';
import type { KubeObject } from '../../shared/model/object';
import type { ObjectIndex } from '../../shared/model/objectIndex';
import { canConnect, connect, type ConnectResult } from '../../shared/references/connect';
import { validateObjects } from '../../shared/validation';
import type { Problem } from '../../shared/validation';

export type { ConnectResult, Problem };

export interface DesignServices {
  /** shared/references/connect.ts */
  connect(source: KubeObject, target: KubeObject, index: ObjectIndex): ConnectResult;
  /** shared/references/connect.ts */
  canConnect(sourceKind: string, targetKind: string): boolean;
  /** shared/validation/index.ts */
  validateObjects(objects: readonly KubeObject[] | ObjectIndex): Problem[];
  /** shared/manifests/index.ts */
  layoutDesign(design: Design): Design;
}

const defaults: DesignServices = { connect, canConnect, validateObjects, layoutDesign };
let provided: Partial<DesignServices> = { ...defaults };

export function provideDesignServices(services: Partial<DesignServices>): void {
  provided = { ...provided, ...services };
}

export function designServices(): Partial<DesignServices> {
  return provided;
}

/** Back to the shared modules (tests that provided fakes call this when done). */
export function resetDesignServices(): void {
  provided = { ...defaults };
}
