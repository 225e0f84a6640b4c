/** Toolbar icons as inline SVG (offline; 16px, stroke follows the text colour). */
import type { ReactElement } from 'react';

const paths: Record<string, ReactElement> = {
  new: <><path d="M4 2h5l3 3v9H4z" /><path d="M9 2v3h3" /></>,
  open: <><path d="M2 4h4l1.5 1.5H14v7.5H2z" /></>,
  save: <><path d="M3 2h8l2 2v10H3z" /><path d="M5 2v4h5V2" /><path d="M5 14v-4h6v4" /></>,
  import: <><path d="M8 2v8" /><path d="M5 7l3 3 3-3" /><path d="M3 12v2h10v-2" /></>,
  export: <><path d="M8 10V2" /><path d="M5 5l3-3 3 3" /><path d="M3 12v2h10v-2" /></>,
  undo: <><path d="M5 4L2 7l3 3" /><path d="M2 7h8a4 4 0 010 8H7" /></>,
  redo: <><path d="M11 4l3 3-3 3" /><path d="M14 7H6a4 4 0 000 8h3" /></>,
  zoomIn: <><circle cx="7" cy="7" r="4.5" /><path d="M10.5 10.5L14 14M7 5v4M5 7h4" /></>,
  zoomOut: <><circle cx="7" cy="7" r="4.5" /><path d="M10.5 10.5L14 14M5 7h4" /></>,
  fit: <><path d="M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4" /></>,
  layout: <><rect x="2" y="2" width="5" height="4" /><rect x="9" y="10" width="5" height="4" /><rect x="9" y="2" width="5" height="4" /><path d="M7 4h2M11.5 6v4" /></>,
  chevron: <path d="M4 6l4 4 4-4" />,
  globe: <><circle cx="8" cy="8" r="6" /><path d="M2 8h12M8 2c2 2 2 10 0 12M8 2c-2 2-2 10 0 12" /></>,
  copy: <><rect x="5" y="5" width="9" height="9" rx="1" /><path d="M3 11V3a1 1 0 011-1h7" /></>,
  close: <path d="M4 4l8 8M12 4l-8 8" />,
  error: <><circle cx="8" cy="8" r="6" /><path d="M8 5v3.5M8 11h.01" /></>,
  warning: <><path d="M8 2l6.5 11.5h-13z" /><path d="M8 6.5v3M8 11.5h.01" /></>,
  check: <path d="M3 8.5l3 3 7-7" />,
  plus: <path d="M8 3v10M3 8h10" />,
  trash: <><path d="M3 4h10M6 4V2.5h4V4M4.5 4l.5 10h6l.5-10" /></>,
  keyboard: <><rect x="1.5" y="4" width="13" height="8" rx="1.5" /><path d="M4 6.5h.01M6.5 6.5h.01M9 6.5h.01M11.5 6.5h.01M5 9.5h6" /></>,
  present: <><rect x="1.5" y="2.5" width="13" height="8.5" rx="1" /><path d="M8 11v2.5M5 14h6M6.5 5l3 1.75-3 1.75z" /></>,
  more: <><circle cx="3.5" cy="8" r="0.6" /><circle cx="8" cy="8" r="0.6" /><circle cx="12.5" cy="8" r="0.6" /></>,
  book: <><path d="M2 3h4.5A1.5 1.5 0 018 4.5V14a1.5 1.5 0 00-1.5-1.5H2z" /><path d="M14 3H9.5A1.5 1.5 0 008 4.5V14a1.5 1.5 0 011.5-1.5H14z" /></>,
  textSize: <><path d="M1.5 13L5 4l3.5 9M2.8 10h4.4" /><path d="M9.5 13l2.25-5.5L14 13M10.3 11.2h2.9" /></>,
  play: <path d="M4.5 3v10l8.5-5z" />,
  stop: <rect x="4" y="4" width="8" height="8" rx="1" />,
  logo: <><path d="M8 1.5l5.6 3.2v6.6L8 14.5l-5.6-3.2V4.7z" /><circle cx="8" cy="8" r="2" /></>,
};

export type IconName = keyof typeof paths;

export function Icon({ name, size = 16 }: { name: IconName; size?: number }) {
  return (
    <svg className="icon" width={size} height={size} viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      {paths[name]}
    </svg>
  );
}
