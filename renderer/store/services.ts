/**
 * The shared functions the store needs from other layers' modules (connect, validation,
 * auto-layout), behind one seam. The app wires the real modules at start-up with
 * `provideDesignServices`; unit tests wire small fakes. Until a service is provided the store
 * reports it as unavailable instead of guessing.
 */
import type { Design } from '../../shared/design/types';
import type { KubeObject } from '../../shared/model/object';
import type { ObjectIndex } from '../../shared/model/objectIndex';

export type ConnectResult = { ok: true; changed: KubeObject[] } | { ok: false; message: string };

/** Problem as shared/validation reports it. */
export interface Problem {
  severity: 'error' | 'warning';
  rule: string;
  objectKey: string;
  kind: string;
  namespace?: string;
  name: string;
  path: string;
  message: string;
  hint?: string;
}

export interface DesignServices {
  /** shared/references/connect.ts */
  connect(source: KubeObject, target: KubeObject, index: ObjectIndex): ConnectResult;
  /** shared/references/connect.ts */
  canConnect(sourceKind: string, targetKind: string): boolean;
  /** shared/validation/index.ts */
  validateObjects(objects: KubeObject[] | ObjectIndex): Problem[];
  /** shared/manifests/index.ts */
  layoutDesign(design: Design): Design;
}

let provided: Partial<DesignServices> = {};

export function provideDesignServices(services: Partial<DesignServices>): void {
  provided = { ...provided, ...services };
}

export function designServices(): Partial<DesignServices> {
  return provided;
}
