/**
 * Pictures of the canvas for slides: the design (or the selection), with or without the
 * simulation's state, drawn by the shared picture renderer (shared/design/picture.ts, the same
 * drawing as `kubeplan render`) in the interface language, exported as SVG or PNG through the
 * host (written atomically by main, `picture:save`) or copied to the clipboard as a PNG.
 */
import i18next from 'i18next';
import { create } from 'zustand';
import { renderDesignPicture, type Picture, type PictureBadge } from '../../shared/design';
import type { ReferenceRelation } from '../../shared/references';
import { kubeplanApi } from '../api';
import { errorLine, notify } from '../files/notices';
import { cjkCharacters, loadBundledFontFor } from '../fonts';
import { paintPictureSvg } from './paint';
import { resourceSubtitle } from '../kinds/registry';
import { overlayModel } from '../simulation/overlay/SimulationLayer';
import { useKubeplanStore } from '../store';

export interface PictureChoice {
  /** Only the selected cards (when something is selected). */
  selectionOnly: boolean;
  /** The simulation's state on the cards (when the simulation runs). */
  overlay: boolean;
}

/** The picture menu's two choices; view state, neither saved nor undone. */
export const usePictureOptions = create<PictureChoice>(() => ({ selectionOnly: false, overlay: true }));

const t = (key: string, options?: Record<string, unknown>) => i18next.t(key, options ?? {});

/** Per card: what the simulation shows on it (its pods' phases, a claim's binding). */
export function simulationBadges(): Record<string, PictureBadge> {
  const { design } = useKubeplanStore.getState();
  const model = overlayModel();
  const byCorner = new Map<string, string>();
  for (const [id, p] of Object.entries(design.layout.positions)) byCorner.set(`${Math.round(p.x)},${Math.round(p.y)}`, id);
  const cardAt = (x: number, y: number): string | undefined => {
    for (const [id, p] of Object.entries(design.layout.positions)) if (x >= p.x && x <= p.x + 160 && y >= p.y && y <= p.y + 64) return id;
    return undefined;
  };
  const counts = new Map<string, { running: number; total: number; pending: number; bad: number }>();
  for (const chip of model.chips) {
    const id = cardAt(chip.x + 1, chip.y + 1);
    if (!id) continue;
    const c = counts.get(id) ?? { running: 0, total: 0, pending: 0, bad: 0 };
    if (chip.type === 'more') c.total += chip.count;
    else if (chip.type === 'ghost') c.bad += 1;
    else {
      c.total += 1;
      if (chip.tone === 'Running' || chip.tone === 'Succeeded') c.running += 1;
      else if (chip.tone === 'Failed' || chip.tone === 'Unknown') c.bad += 1;
      else c.pending += 1;
    }
    counts.set(id, c);
  }
  const out: Record<string, PictureBadge> = {};
  // Pod phases and claim states are Kubernetes' words (kubectl prints them): kept verbatim.
  for (const [id, c] of counts) out[id] = { text: c.bad && !c.total ? 'FailedCreate' : `${c.running}/${c.total} Running`, tone: c.bad ? 'bad' : c.pending ? 'progress' : 'ok' };
  for (const claim of model.claims) {
    const id = cardAt(claim.x + 1, claim.y + 1) ?? byCorner.get(`${Math.round(claim.x)},${Math.round(claim.y)}`);
    if (id && !out[id]) out[id] = { text: claim.bound ? 'Bound' : 'Pending', tone: claim.bound ? 'ok' : 'progress' };
  }
  return out;
}

/** The picture of the canvas as the interface shows it now. */
export function canvasPicture(choice: PictureChoice = usePictureOptions.getState()): Picture {
  const { design, selection, mode } = useKubeplanStore.getState();
  const ids = choice.selectionOnly && selection.length > 0 ? selection : undefined;
  return renderDesignPicture(design, {
    ids,
    subtitle: (r) => resourceSubtitle(r.object),
    relationLabel: (rel: ReferenceRelation) => t(`move.relation.${rel}`),
    frameLabel: (ns) => t('canvas.namespaceFrame', { name: ns }),
    overlay: choice.overlay && mode === 'simulate' ? simulationBadges() : undefined,
    title: design.name,
  });
}

/** Chromium's canvas limit is 16,384 px a side; keep well inside it and under ~64 M pixels. */
export function pngScale(width: number, height: number, wanted = 2): number {
  return Math.max(0.1, Math.min(wanted, 16_000 / Math.max(width, height), Math.sqrt(64e6 / (width * height))));
}

/**
 * Paint a picture into a PNG with the page's fonts (the bundled CJK face among them, loaded first
 * for the picture's text), so Chinese labels need no system font.
 */
export async function pictureToPng(picture: Picture, wanted = 2): Promise<Blob> {
  await loadBundledFontFor(cjkCharacters([picture.svg]));
  const scale = pngScale(picture.width, picture.height, wanted);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(picture.width * scale);
  canvas.height = Math.round(picture.height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  paintPictureSvg(ctx, picture.svg, scale);
  return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG encoder gave nothing'))), 'image/png'));
}

async function base64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function hasCards(p: Picture): boolean {
  if (p.cards > 0) return true;
  notify({ tone: 'error', text: t('pictures.empty') });
  return false;
}

/** Export the picture as a file (the host asks where, main writes it atomically). */
export async function exportPicture(format: 'svg' | 'png'): Promise<void> {
  try {
    const picture = canvasPicture();
    if (!hasCards(picture)) return;
    const data = format === 'svg' ? picture.svg : await base64(await pictureToPng(picture));
    const r = await kubeplanApi().savePicture({ format, name: useKubeplanStore.getState().design.name || 'design', data });
    if (!r.ok) notify({ tone: 'error', text: t('pictures.failed', { message: errorLine(r.error) }) });
    else if (r.value !== undefined) notify({ tone: 'success', text: t('pictures.exported', { path: r.value }) });
  } catch (e) {
    notify({ tone: 'error', text: t('pictures.failed', { message: e instanceof Error ? e.message : String(e) }) });
  }
}

/** Copy the picture to the clipboard as a PNG (and its SVG, where the clipboard takes it). */
export async function copyPicture(): Promise<void> {
  try {
    const picture = canvasPicture();
    if (!hasCards(picture)) return;
    const png = pictureToPng(picture);
    // The item is written while the promise runs: Safari and Chromium want write() in the gesture.
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
    notify({ tone: 'success', text: t('pictures.copied') });
  } catch (e) {
    notify({ tone: 'error', text: t('pictures.failed', { message: e instanceof Error ? e.message : String(e) }) });
  }
}
