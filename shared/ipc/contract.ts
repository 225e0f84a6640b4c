/**
 * The typed channel table shared by main and preload: for each invoke channel, its request
 * payload and the value its Result carries. ./schemas.ts checks the same shapes at runtime.
 */
import type { Design } from '../design/types';
import type { ExampleInfo, ExportOptions, OpenedDesign, RecentFile, SimulationSummary, ValidationProblem } from './api';
import type { INVOKE, SEND } from './channels';

export interface InvokeContract {
  [INVOKE.openDesign]: { request: { path?: string }; value: OpenedDesign | undefined };
  [INVOKE.saveDesign]: { request: { design: Design; path?: string; saveAs?: boolean }; value: string | undefined };
  [INVOKE.validateDesign]: { request: { design: Design }; value: ValidationProblem[] };
  [INVOKE.importManifests]: { request: { paths?: string[]; folder?: boolean }; value: OpenedDesign | undefined };
  [INVOKE.exportManifests]: { request: { design: Design } & ExportOptions; value: string | undefined };
  [INVOKE.listExamples]: { request: Record<string, never>; value: ExampleInfo[] };
  [INVOKE.openExample]: { request: { id: string }; value: OpenedDesign };
  [INVOKE.listRecent]: { request: Record<string, never>; value: RecentFile[] };
  [INVOKE.backup]: { request: { snapshot?: { design: Design; path?: string } }; value: undefined };
  [INVOKE.takeBackup]: { request: Record<string, never>; value: { design: Design; path?: string; savedAt: string } | undefined };
  [INVOKE.settleBackup]: { request: Record<string, never>; value: undefined };
  [INVOKE.runSimulation]: { request: { runId: string; design: Design; scenario?: unknown; seed?: number }; value: SimulationSummary };
  [INVOKE.cancelSimulation]: { request: { runId: string }; value: boolean };
}

export type InvokePayloads = { [C in keyof InvokeContract]: InvokeContract[C]['request'] };
export type InvokeValues = { [C in keyof InvokeContract]: InvokeContract[C]['value'] };

export interface SendContract {
  [SEND.setDirty]: { dirty: boolean; title: string };
}
