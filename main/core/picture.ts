/**
 * SVG → PNG for pictures of designs (shared/design/picture.ts), with resvg (a Rust SVG renderer,
 * native, loaded only when a PNG is asked for: `kubeplan render --help` and SVG output never load
 * it). Text uses the system's fonts; a CJK face must be installed for Chinese labels in a PNG.
 */
export interface PngImage {
  png: Uint8Array;
  width: number;
  height: number;
}

/** The largest side of a PNG, in pixels (a 2,000-card design at scale 4 would need gigabytes). */
export const MAX_PNG_SIDE = 16_384;

export async function svgToPng(svg: string, scale = 2): Promise<PngImage> {
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
    logLevel: 'off',
  });
  if (Math.max(resvg.width, resvg.height) * scale > MAX_PNG_SIDE) {
    throw new Error(`the picture would be ${Math.round(resvg.width * scale)}×${Math.round(resvg.height * scale)} px, more than ${MAX_PNG_SIDE} px a side; use a smaller --scale or SVG`);
  }
  const image = resvg.render();
  return { png: new Uint8Array(image.asPng()), width: image.width, height: image.height };
}
