/**
 * What the composer remembers between openings, per saved view (and one
 * record for "the current view"): title, subtitle, producer, contact, short
 * name and the options. Kept in localStorage; anything read back is checked,
 * since another version or tab may have written it.
 */

import type { SnapshotTexts } from '../map/snapshot-content';
import { ORIENTATIONS, type Orientation, PAPERS, type Paper, PIXEL_RATIOS } from '../map/snapshot-layout';

export interface ComposerMemory {
  texts: SnapshotTexts;
  paper: Paper;
  orientation: Orientation;
  pixelRatio: number;
}

const PREFIX = 'katsit.snapshot.composer.';
/** The record of the composer opened on the live view rather than a saved one. */
export const CURRENT_VIEW = 'current';

const TEXT_KEYS = ['title', 'subtitle', 'producer', 'contact', 'shortName'] as const;
const FLAG_KEYS = ['includeKeyFigures', 'includeLocator'] as const;

function isMemory(value: unknown): value is ComposerMemory {
  const record = value as Partial<ComposerMemory> | null;
  if (typeof record !== 'object' || record === null || typeof record.texts !== 'object' || !record.texts)
    return false;
  const texts = record.texts as unknown as Record<string, unknown>;
  return (
    TEXT_KEYS.every((key) => typeof texts[key] === 'string' && (texts[key] as string).length <= 400) &&
    FLAG_KEYS.every((key) => typeof texts[key] === 'boolean') &&
    PAPERS.includes(record.paper as Paper) &&
    ORIENTATIONS.includes(record.orientation as Orientation) &&
    (PIXEL_RATIOS as readonly number[]).includes(record.pixelRatio as number)
  );
}

/** The remembered composer for a view, or null (never stored, unreadable or from another shape). */
export function recallComposer(viewId: string): ComposerMemory | null {
  try {
    const stored = globalThis.localStorage?.getItem(PREFIX + viewId);
    if (!stored) return null;
    const value: unknown = JSON.parse(stored);
    return isMemory(value) ? value : null;
  } catch {
    return null;
  }
}

/** Remembers the composer for a view; storage that refuses (private mode, full) just forgets. */
export function rememberComposer(viewId: string, memory: ComposerMemory): void {
  try {
    globalThis.localStorage?.setItem(PREFIX + viewId, JSON.stringify(memory));
  } catch {
    // Not remembering is harmless: the composer starts from its defaults next time.
  }
}
