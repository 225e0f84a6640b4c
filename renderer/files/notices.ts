/** Toasts and banners: what the file actions tell the user (errors with file and line, saves). */
import { create } from 'zustand';

export interface Notice {
  id: number;
  tone: 'info' | 'success' | 'error';
  text: string;
  /** An optional action button (e.g. Restore on the backup banner). */
  action?: { label: string; run: () => void };
  /** Sticky notices stay until dismissed; others fade after a few seconds. */
  sticky?: boolean;
  /** Called when the user closes the notice with its × button. */
  onDismiss?: () => void;
}

interface NoticeState {
  notices: Notice[];
}

export const useNotices = create<NoticeState>()(() => ({ notices: [] }));

let nextId = 1;

export function notify(n: Omit<Notice, 'id'>): number {
  const id = nextId++;
  useNotices.setState((s) => ({ notices: [...s.notices.slice(-3), { ...n, id }] }));
  if (!n.sticky) setTimeout(() => dismiss(id), n.tone === 'error' ? 9000 : 3500);
  return id;
}

export function dismiss(id: number): void {
  useNotices.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
}

/** `file:line: message` — the one-line form every error takes. */
export function errorLine(e: { message: string; file?: string; line?: number }): string {
  const where = e.file ? `${e.file}${e.line ? `:${e.line}` : ''}: ` : '';
  return `${where}${e.message}`;
}
