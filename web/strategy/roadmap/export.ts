/** Saves a timeline element as a PNG file (html-to-image, loaded only when asked for). */
export async function downloadPng(node: HTMLElement, fileName: string): Promise<void> {
  const { toPng } = await import('html-to-image');
  const background = getComputedStyle(node).backgroundColor || '#ffffff';
  const dataUrl = await toPng(node, {
    // The whole timeline, also the part scrolled out of view.
    width: node.scrollWidth,
    height: node.scrollHeight,
    backgroundColor: background,
    pixelRatio: Math.min(2, window.devicePixelRatio || 1),
    // The system fonts need no embedding (and fetching stylesheets would only slow it down).
    skipFonts: true,
  });
  const a = document.createElement('a');
  a.href = dataUrl;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}
