/** The browser's save dialog: a download of text as a file. */
export function downloadText(fileName: string, text: string, type = 'text/yaml'): void {
  downloadBlob(fileName, new Blob([text], { type: `${type};charset=utf-8` }));
}

/** Offer bytes as a download (a picture's PNG). */
export function downloadBytes(fileName: string, bytes: Uint8Array, type: string): void {
  downloadBlob(fileName, new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
}

function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: Chromium reads the blob after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** A file name from a design name: `Three tier shop` → `three-tier-shop`. */
export function fileStem(name: string): string {
  const stem = name.trim().toLowerCase().replace(/\.kubeplan\.ya?ml$/, '').replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return stem || 'design';
}

