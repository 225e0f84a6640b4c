/** What the e2e suites read of the simulation hooks the app exposes in tests (`window.__kubeplanSimulation`). */
export interface ChipSummary {
  type: string;
  pod?: { namespace: string; name: string };
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SimHooks {
  store: { getState(): { status: string; cursor: number; frameCount: number; runSimulation(): Promise<void>; seek(seq: number): void } };
  overlay(): { chips: ChipSummary[] };
}
