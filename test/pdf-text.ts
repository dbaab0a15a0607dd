/**
 * Reading PDFs back with poppler's command-line tools (`pdftotext`, `pdfinfo`), shared by the
 * product tests in Node and in the browser. Where poppler is not installed the text checks are
 * skipped with a note (`.ci/run` installs it).
 */
import { execFileSync } from 'node:child_process';

/** Whether poppler's tools can be run here. */
export function hasPoppler(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The text of a PDF (of one page when given), as poppler lays it out. */
export function pdfText(path: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', ['-layout', ...range, path, '-'], { encoding: 'utf8' });
}

/** The number of pages of a PDF. */
export function pdfPages(path: string): number {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
}
