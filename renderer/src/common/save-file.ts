/**
 * Hands bytes to the browser as a download: a Blob behind an object URL, clicked through an `<a download>` (the CSP
 * allows blob: and no network is involved). The URL is revoked a minute later, once the download has surely started.
 */
export function saveBytes(bytes: Uint8Array, fileName: string, mediaType: string): void {
  // slice() copies into a plain ArrayBuffer, which Blob accepts whatever buffer the bytes came in.
  const url = URL.createObjectURL(new Blob([bytes.slice()], { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
