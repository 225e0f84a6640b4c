/**
 * The Console tab (`data-testid="console"`): a terminal (@xterm/xterm) running kubectl against the
 * live simulation (docs/kubectl.md). A line editor of its own: ←/→, Home/End, ↑/↓ history,
 * Tab completion, Ctrl+C, Ctrl+L; YAML pasted over several lines is kept as the input of `-f -`.
 */
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { contextsOf } from '../../shared/simulation/kubectl';
import { bootstrapPolicy } from '../../shared/simulation/rbac';
import { testHooksEnabled } from '../canvas/testHooks';
import { useSimulationStore } from '../simulation/store';
import { useKubeplanStore } from '../store';
import { complete, type CompletionData } from './complete';
import { startFollow, type FollowHandle } from './follow';
import { provideConsoleApiFor, runConsoleLine } from './run';
import { useConsoleStore } from './store';
import './console.css';

const PROMPT = '$ ';
const FONT = 'ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", "Noto Sans Mono CJK SC", monospace';
const FONT_SIZE = 13;

/** Names the completion offers: pods and nodes of the live view, every object of the design. */
function completionData(): CompletionData {
  return {
    names(kind) {
      const view = useSimulationStore.getState().view;
      if (kind === 'Pod' && view) return view.pods.map((p) => p.name);
      if (kind === 'Node') return view ? view.nodes.map((n) => n.name) : useKubeplanStore.getState().design.cluster.nodes.map((n) => n.name);
      const design = useKubeplanStore.getState().design;
      const names = design.resources.filter((r) => r.object.kind === kind).map((r) => r.object.metadata?.name ?? '');
      if (kind === 'Namespace') names.push('default', 'kube-system', ...design.resources.map((r) => r.object.metadata?.namespace ?? ''));
      // The default ClusterRoles and bindings live in the cluster, not the design.
      names.push(...bootstrapPolicy().filter((o) => o.kind === kind).map((o) => o.metadata.name));
      return [...new Set(names.filter(Boolean))];
    },
    contexts: contextsOf(useKubeplanStore.getState().design.cluster.users ?? []).map((c) => c.name),
  };
}

/** The terminal's scrollback as text: a row the terminal wrapped continues the line before it. */
function bufferText(term: Terminal): string {
  const buffer = term.buffer.active;
  const lines: string[] = [];
  for (let i = 0; i < buffer.length; i++) {
    const row = buffer.getLine(i);
    if (!row) continue;
    const text = row.translateToString(true);
    if (row.isWrapped && lines.length) lines[lines.length - 1] += text;
    else lines.push(text);
  }
  return lines.join('\n').trimEnd();
}

/** Text for the terminal: it wants \r\n. */
const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');

export function ConsoleTab() {
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const context = useConsoleStore((s) => s.context);
  const users = useKubeplanStore((s) => s.design.cluster.users);
  const contexts = contextsOf(users ?? []);
  const reveal = useConsoleStore((s) => s.reveal);
  const termRef = useRef<Terminal | null>(null);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const style = getComputedStyle(el);
    const term = new Terminal({
      convertEol: false,
      cursorBlink: true,
      fontFamily: FONT,
      fontSize: FONT_SIZE,
      scrollback: 5000,
      theme: { background: style.getPropertyValue('--console-bg').trim() || '#1e1f24', foreground: style.getPropertyValue('--console-fg').trim() || '#e6e6e6' },
    });
    termRef.current = term;
    term.open(el);
    let line = '';
    let cursor = 0;
    let browsing = -1;
    let running = false;
    /** `logs -f` streaming into the terminal: only Ctrl+C is read until it ends. */
    let follow: FollowHandle | null = null;
    const redraw = () => {
      term.write(`\r\x1b[2K${PROMPT}${line}`);
      const back = line.length - cursor;
      if (back > 0) term.write(`\x1b[${back}D`);
    };
    // The cell size of the terminal's font, measured once (xterm's own fit addon is not installed).
    const probe = document.createElement('span');
    probe.textContent = 'W'.repeat(50);
    probe.style.cssText = `position:absolute;visibility:hidden;white-space:pre;font-family:${FONT};font-size:${FONT_SIZE}px;line-height:normal`;
    el.appendChild(probe);
    const cell = { width: probe.getBoundingClientRect().width / 50 || 8, height: Math.ceil(FONT_SIZE * 1.2) };
    probe.remove();
    const fit = () => {
      // Leave room for the padding and the scrollbar; the terminal fills the rest of its box.
      const cols = Math.max(20, Math.floor((el.clientWidth - 12 - 16) / cell.width));
      const rows = Math.max(4, Math.floor((el.clientHeight - 8) / cell.height));
      if (cols !== term.cols || rows !== term.rows) term.resize(cols, rows);
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    term.writeln(`\x1b[2m${crlf(t('console.welcome'))}\x1b[0m`);
    term.write(PROMPT);
    const submit = async () => {
      const text = line;
      line = '';
      cursor = 0;
      browsing = -1;
      term.write('\r\n');
      if (text.trim() === 'clear') {
        term.clear();
        term.write(PROMPT);
        return;
      }
      running = true;
      const out = await runConsoleLine(text);
      if (out.stdout) term.write(crlf(out.stdout));
      if (out.stderr) term.write(`\x1b[31m${crlf(out.stderr)}\x1b[0m`);
      if (out.follow) {
        follow = startFollow({
          ...out.follow,
          api: provideConsoleApiFor(),
          write: (o) => {
            if (o.stdout) term.write(crlf(o.stdout));
            if (o.stderr) term.write(`\x1b[31m${crlf(o.stderr)}\x1b[0m`);
          },
          ended: () => {
            follow = null;
            running = false;
            term.write(PROMPT);
          },
        });
        return;
      }
      running = false;
      term.write(PROMPT);
    };
    const onData = term.onData((data) => {
      if (follow) {
        // kubectl logs -f runs until Ctrl+C.
        if (data === '\x03') {
          follow.stop();
          follow = null;
          running = false;
          term.write(`^C\r\n${PROMPT}`);
        }
        return;
      }
      if (running) return;
      // A paste of several lines: YAML becomes the input of `-f -`; other text runs line by line is not supported.
      if (data.length > 1 && /\r|\n/.test(data.replace(/[\r\n]+$/, '')) && !data.startsWith('\x1b')) {
        const text = data.replace(/\r\n?/g, '\n');
        useConsoleStore.setState({ pasted: text.endsWith('\n') ? text : `${text}\n` });
        term.write(`\r\n\x1b[2m${crlf(t('console.pasted', { count: text.split('\n').filter((l) => l.trim()).length }))}\x1b[0m\r\n`);
        redraw();
        return;
      }
      switch (data) {
        case '\r':
          void submit();
          return;
        case '\x7f':
        case '\b':
          if (cursor > 0) {
            line = line.slice(0, cursor - 1) + line.slice(cursor);
            cursor--;
            redraw();
          }
          return;
        case '\x1b[3~':
          if (cursor < line.length) {
            line = line.slice(0, cursor) + line.slice(cursor + 1);
            redraw();
          }
          return;
        case '\x1b[D':
          if (cursor > 0) {
            cursor--;
            term.write(data);
          }
          return;
        case '\x1b[C':
          if (cursor < line.length) {
            cursor++;
            term.write(data);
          }
          return;
        case '\x1b[H':
        case '\x01':
          cursor = 0;
          redraw();
          return;
        case '\x1b[F':
        case '\x05':
          cursor = line.length;
          redraw();
          return;
        case '\x1b[A':
        case '\x1b[B': {
          const { history } = useConsoleStore.getState();
          if (history.length === 0) return;
          if (data === '\x1b[A') browsing = browsing < 0 ? history.length - 1 : Math.max(0, browsing - 1);
          else browsing = browsing < 0 ? -1 : browsing + 1;
          if (browsing >= history.length) browsing = -1;
          line = browsing < 0 ? '' : history[browsing];
          cursor = line.length;
          redraw();
          return;
        }
        case '\t': {
          const r = complete(line.slice(0, cursor), completionData());
          if (r.candidates.length > 1) term.write(`\r\n${r.candidates.join('  ')}\r\n`);
          line = r.line + line.slice(cursor);
          cursor = r.line.length;
          redraw();
          return;
        }
        case '\x03':
          term.write('^C\r\n');
          line = '';
          cursor = 0;
          term.write(PROMPT);
          return;
        case '\x0c':
          term.clear();
          redraw();
          return;
        default:
          if (data.startsWith('\x1b')) return;
          {
            const text = data.replace(/[\r\n]+$/, '');
            line = line.slice(0, cursor) + text + line.slice(cursor);
            cursor += text.length;
            redraw();
            if (data.endsWith('\r') || data.endsWith('\n')) void submit();
          }
      }
    });
    term.focus();
    // End-to-end tests read the whole scrollback, wrapped rows joined (as canvas/testHooks.ts exposes the canvas).
    if (testHooksEnabled()) (window as unknown as { __kubeplanConsole?: unknown }).__kubeplanConsole = { text: () => bufferText(term) };
    return () => {
      follow?.stop();
      onData.dispose();
      observer.disconnect();
      term.dispose();
      termRef.current = null;
    };
    // The terminal lives as long as the tab; strings are read when written.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (reveal > 0) termRef.current?.focus();
  }, [reveal]);

  return (
    <div className="console" data-testid="console">
      <div className="console-bar">
        <label>
          {t('console.user')}
          <select data-testid="console-user" value={context} onChange={(e) => useConsoleStore.setState({ context: e.target.value })}>
            {contexts.map((c) => (
              <option key={c.name} value={c.name}>{c.name === 'admin' ? t('console.admin') : t('console.userIn', { user: c.user, namespace: c.namespace })}</option>
            ))}
          </select>
        </label>
        <span className="console-hint">{t('console.hint')}</span>
      </div>
      <div className="console-term" ref={host} data-testid="console-terminal" />
    </div>
  );
}
