/**
 * Stands in for html2canvas, DOMPurify and canvg, which jsPDF imports lazily
 * only for `html()` and SVG images, and for fast-png, which it uses only to
 * decode PNG images. Katsit's PDFs hold text and JPEG images, so these
 * ~130 KiB (gzip) are left out of the build (see vite.config.ts).
 */
function notBundled(): never {
  throw new Error('This jsPDF feature is not part of Katsit (HTML, SVG and PNG decoding are not bundled).');
}

export default notBundled;
/** fast-png's entry point as jsPDF imports it. */
export const decode = notBundled;
