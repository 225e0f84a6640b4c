/**
 * A small dropdown menu for the toolbar: a button that opens a list of commands. Keyboard: the
 * list takes focus on opening, ↑/↓/Home/End move, Enter runs, Escape closes and focus returns
 * (WAI-ARIA menu button pattern, https://www.w3.org/WAI/ARIA/apg/patterns/menu-button/).
 */
import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';

export interface MenuItem {
  id: string;
  label: string;
  hint?: string;
  run: () => void;
  checked?: boolean;
  disabled?: boolean;
  /** A key shown at the right (`Ctrl+=`). */
  shortcut?: string;
  /** A heading shown above the first item of each section. */
  section?: string;
}

function moveFocus(list: HTMLElement, key: string): boolean {
  const items = [...list.querySelectorAll<HTMLButtonElement>('[role^="menuitem"]:not(:disabled)')];
  if (items.length === 0) return false;
  const at = items.indexOf(document.activeElement as HTMLButtonElement);
  const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[key];
  if (next === undefined) return false;
  items[(next + items.length) % items.length].focus();
  return true;
}

export function Menu({ label, items, testId, align = 'left', title, className = '' }: { label: ReactNode; items: MenuItem[]; testId?: string; align?: 'left' | 'right'; title?: string; className?: string }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    if (list.current) moveFocus(list.current, 'Home');
    const close = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [open]);
  const onKeyDown = (e: ReactKeyboardEvent) => {
    if (e.key === 'Escape') {
      setOpen(false);
      button.current?.focus();
    } else if (e.key === 'Tab') setOpen(false);
    else if (list.current && moveFocus(list.current, e.key)) e.preventDefault();
    else return;
    // Keys that move inside the menu are not commands (the arrows would nudge the selection).
    e.nativeEvent.stopImmediatePropagation();
    e.stopPropagation();
  };
  return (
    <div className={`menu ${className}`} ref={ref}>
      <button
        ref={button}
        type="button"
        className="tb-button"
        aria-haspopup="menu"
        aria-expanded={open}
        title={title}
        aria-label={title}
        data-testid={testId}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {label}
      </button>
      {open && (
        <div className={`menu-list ${align}`} role="menu" ref={list} onKeyDown={onKeyDown} data-testid={testId && `${testId}-list`}>
          {items.map((item, i) => (
            <div key={item.id} role="none" className="menu-entry">
              {item.section && item.section !== items[i - 1]?.section && <div className={`menu-section${i === 0 ? ' first' : ''}`} role="presentation">{item.section}</div>}
              <button
                type="button"
                role={item.checked === undefined ? 'menuitem' : 'menuitemradio'}
                aria-checked={item.checked}
                className="menu-item"
                disabled={item.disabled}
                data-testid={`${testId}-${item.id}`}
                onClick={() => {
                  setOpen(false);
                  item.run();
                }}
              >
                <span className="menu-check">{item.checked ? '✓' : ''}</span>
                <span className="menu-text">
                  <span>{item.label}</span>
                  {item.hint && <span className="menu-hint">{item.hint}</span>}
                </span>
                {item.shortcut && <kbd className="menu-shortcut">{item.shortcut}</kbd>}
              </button>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
