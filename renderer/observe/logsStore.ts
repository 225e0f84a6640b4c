/** Which pod's logs are open (from a pod chip's pinned tooltip): one at a time. */
import { create } from 'zustand';

export interface LogsTarget {
  namespace: string;
  name: string;
}

export const usePodLogs = create<{ pod: LogsTarget | null }>()(() => ({ pod: null }));

export function openPodLogs(pod: LogsTarget): void {
  usePodLogs.setState({ pod: { namespace: pod.namespace, name: pod.name } });
}

export function closePodLogs(): void {
  usePodLogs.setState({ pod: null });
}
