/**
 * The palette: every kind Kubeplan knows, grouped as Workloads, Networking, Storage, Config,
 * Policy and Cluster. Drag an entry onto the canvas (pointer events, so a mouse, pen or touch
 * drag all work), or click it / press Enter to add it at the centre of the view.
 */
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addAtCenter, dropOnCanvas } from './dropResource';
import { KindIcon } from './KindIcon';
import { paletteGroups } from './paletteGroups';
import type { AnyKindModule } from '../../shared/kinds/types';

const DRAG_THRESHOLD = 4;

interface Ghost {
  kind: AnyKindModule;
  x: number;
  y: number;
}

export function Palette() {
  const { t } = useTranslation();
  const groups = useMemo(() => paletteGroups(), []);
  const [ghost, setGhost] = useState<Ghost | null>(null);
  const dragged = useRef(false);
  const ghostRef = useRef<HTMLDivElement>(null);

  const onPointerDown = (kind: AnyKindModule) => (e: React.PointerEvent<HTMLButtonElement>) => {
    if (e.button !== 0) return;
    const start = { x: e.clientX, y: e.clientY };
    dragged.current = false;
    const move = (ev: PointerEvent) => {
      if (!dragged.current && Math.hypot(ev.clientX - start.x, ev.clientY - start.y) < DRAG_THRESHOLD) return;
      if (!dragged.current) {
        dragged.current = true;
        setGhost({ kind, x: ev.clientX, y: ev.clientY });
      }
      // The ghost follows the pointer through its DOM node, not React state.
      const g = ghostRef.current;
      if (g) g.style.transform = `translate(${ev.clientX + 8}px, ${ev.clientY + 8}px)`;
    };
    const up = (ev: PointerEvent) => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', up);
      if (dragged.current) {
        setGhost(null);
        if (ev.type === 'pointerup') dropOnCanvas(kind.kind, ev.clientX, ev.clientY);
        // Forget the drag after the click that may follow this pointerup on the same entry.
        setTimeout(() => (dragged.current = false), 0);
      }
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    window.addEventListener('pointercancel', up);
  };

  const onClick = (kind: AnyKindModule) => () => {
    // A drag ends with a click on the entry too; only a real click (or Enter / Space) adds.
    if (dragged.current) {
      dragged.current = false;
      return;
    }
    addAtCenter(kind.kind);
  };

  // Up/Down (and Home/End) move between entries, so the palette works from the keyboard alone;
  // handled here, the arrows do not also nudge the canvas selection.
  const onKeyDown = (e: React.KeyboardEvent<HTMLElement>) => {
    const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
    if (!keys.includes(e.key)) return;
    const entries = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button[data-kind]')];
    const i = entries.indexOf(document.activeElement as HTMLButtonElement);
    if (i < 0) return;
    e.preventDefault();
    const next = e.key === 'Home' ? 0 : e.key === 'End' ? entries.length - 1 : Math.min(entries.length - 1, Math.max(0, i + (e.key === 'ArrowDown' ? 1 : -1)));
    entries[next]?.focus();
  };

  return (
    <nav className="palette" aria-label={t('canvas.palette.title')} data-testid="palette" style={paletteStyle} onKeyDown={onKeyDown}>
      <div style={{ fontSize: 11, color: '#6b7280', padding: '4px 10px 8px' }}>{t('canvas.palette.hint')}</div>
      {groups.map(({ group, kinds }) => (
        <section key={group} aria-labelledby={`palette-group-${group}`} style={{ marginBottom: 10 }}>
          <h3 id={`palette-group-${group}`} style={groupStyle}>
            {t(`canvas.palette.groups.${group}`)}
          </h3>
          {kinds.map((m) => (
            <button
              key={m.kind}
              type="button"
              className="palette-entry"
              data-kind={m.kind}
              title={t('canvas.palette.add', { kind: m.kind })}
              aria-label={t('canvas.palette.add', { kind: m.kind })}
              onPointerDown={onPointerDown(m)}
              onClick={onClick(m)}
              style={entryStyle}
            >
              <KindIcon display={m.display} />
              <span>{m.kind}</span>
            </button>
          ))}
        </section>
      ))}
      {ghost && (
        <div
          ref={ghostRef}
          aria-hidden="true"
          style={{ ...ghostStyle, transform: `translate(${ghost.x + 8}px, ${ghost.y + 8}px)` }}
        >
          <KindIcon display={ghost.kind.display} />
          <span>{ghost.kind.kind}</span>
        </div>
      )}
    </nav>
  );
}

const paletteStyle: React.CSSProperties = { display: 'flex', flexDirection: 'column', padding: '8px 6px', overflowY: 'auto', userSelect: 'none' };
const groupStyle: React.CSSProperties = {
  fontSize: 11, fontWeight: 600, textTransform: 'uppercase', letterSpacing: '0.06em', color: '#6b7280', margin: '4px 10px 4px',
};
const entryStyle: React.CSSProperties = {
  display: 'flex', alignItems: 'center', gap: 10, width: '100%', padding: '5px 10px', border: '1px solid transparent',
  borderRadius: 6, background: 'transparent', font: 'inherit', fontSize: 13, color: '#1f2937', cursor: 'grab', textAlign: 'left',
  touchAction: 'none',
};
const ghostStyle: React.CSSProperties = {
  position: 'fixed', left: 0, top: 0, zIndex: 1000, display: 'flex', alignItems: 'center', gap: 8, padding: '6px 10px',
  background: '#fff', border: '1px solid #c9cfdb', borderRadius: 8, boxShadow: '0 4px 14px rgba(0,0,0,0.15)',
  pointerEvents: 'none', fontSize: 13, opacity: 0.92,
};
