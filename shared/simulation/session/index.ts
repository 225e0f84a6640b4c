/** The steppable simulation session: step, runUntil, snapshotAt over keyframes; see docs/simulator.md. */
export { SimulationSession, DEFAULT_KEYFRAME_EVERY, stepTarget, type SessionOptions, type LiveActionResult, type KubectlSessionResult } from './session';
export { KeyframeIndex, type SessionFrame, type FrameCause, type ClusterView } from './keyframes';
export { recordKey, type PodRecord, type NodeRecord, type QuotaRecord, type ClaimRecord, type ViewRecord } from './records';
export { simulateSession, frameBatches, type SessionRun, type FrameBatch } from './run';
export { startSession } from './run';
export { LiveSessions, LIVE_SESSIONS } from './live';
export { trafficReport, type TrafficReport } from './network';
export { networkAt } from './networkAt';
