/**
 * The shared functions the store uses from other modules (connect, validation, auto-layout), behind
 * one seam: the real shared modules by default; unit tests (or a host that runs validation in a
 * worker) replace them with `provideDesignServices`.
 */
import { layoutDesign } from '../../shared/design/layout';
import type { Design } from '../../shared/design/types';
import type { KubeObject } from '../../shared/model/object';
import type { ObjectIndex } from '../../shared/kinds/objectIndex';
import { canConnect, connect, type ConnectResult } from '../../shared/references/connect';
import { exportManifests } from '../../shared/manifests';
import type { Problem } from '../../shared/validation';
import { loadValidateObjects } from '../../shared/validation/lazy';

export type { ConnectResult, Problem };

export interface DesignServices {
  /** shared/references/connect.ts */
  connect(source: KubeObject, target: KubeObject, index: ObjectIndex): ConnectResult;
  /** shared/references/connect.ts */
  canConnect(sourceKind: string, targetKind: string): boolean;
  /** shared/validation/index.ts; by default loaded on first use, so its 0.9 MB of schema validators stay out of the first bundle. */
  validateObjects(objects: readonly KubeObject[] | ObjectIndex): Problem[] | Promise<Problem[]>;
  /** The same validation off the UI thread (the host's worker); absent: validateObjects, deferred. */
  validateInBackground?(objects: KubeObject[]): Promise<Problem[]>;
  /** The YAML preview's export (shared/manifests exportManifests), ideally in the worker. */
  exportYaml(objects: KubeObject[]): Promise<string>;
  /** shared/manifests/index.ts */
  layoutDesign(design: Design): Design;
}

const defaults: DesignServices = {
  connect, canConnect, layoutDesign,
  validateObjects: async (objects) => (await loadValidateObjects())(objects),
  exportYaml: (objects) => Promise.resolve(exportManifests(objects)),
};
let provided: DesignServices = { ...defaults };

/** Replace some services (the app's worker, a test's fakes); the others stay as they are. */
export function provideDesignServices(services: Partial<DesignServices>): void {
  provided = { ...provided, ...services };
}

export function designServices(): DesignServices {
  return provided;
}

/** Back to the shared modules (tests that provided fakes call this when done). */
export function resetDesignServices(): void {
  provided = { ...defaults };
}
