/**
 * The stored street basemap's life cycle: restoring it at start-up, taking a
 * file the user picked (checked first, then copied to the device's private
 * storage, then opened from there), removing it, and the light/print choice.
 * The PMTiles reader is imported only when a basemap is stored or picked, so
 * the main bundle does not carry it. On every failure the current basemap
 * stays, and the state says why with a catalogue key.
 */
import type { MessageKey } from '../i18n/fr';
import type { BasemapSummary, OpenedBasemap } from '../map/basemap-archive';
import type { BasemapFlavour } from '../map/protomaps-style';
import { readStoredBasemap, removeStoredBasemap, storeBasemap } from '../offline/basemap-file-store';
import { createStore, type Store } from '../state/store';

const FLAVOUR_KEY = 'katsit.basemapFlavour';

export interface BasemapNotice {
  key: MessageKey;
  parameters?: Record<string, string | number>;
  /** Byte counts, which the interface writes in its own units ("12,4 Mo"). */
  sizes?: Record<string, number>;
  tone: 'error' | 'warning' | 'info';
}

export interface OfflineBasemapState {
  /** The basemap the map draws, or null for the embedded one. */
  basemap: { key: string; summary: BasemapSummary } | null;
  flavour: BasemapFlavour;
  /** What is under way, for the progress line. */
  busy: 'reading' | 'copying' | null;
  notice: BasemapNotice | null;
}

/** What the controller needs from the map: a way to serve an archive's tiles. */
export interface TileArchiveHost {
  addTileArchive(archive: OpenedBasemap['archive']): Promise<void>;
}

export interface OfflineBasemap {
  state: Store<OfflineBasemapState>;
  /** Uses the stored basemap, if there is one (at start-up). */
  restore(): Promise<void>;
  /** Checks, stores and shows a file the user picked; the current basemap stays if anything fails. */
  pick(file: File): Promise<void>;
  remove(): Promise<void>;
  setFlavour(flavour: BasemapFlavour): void;
}

const FAILURE_KEYS = {
  notPmtiles: 'basemap.error.notPmtiles',
  truncated: 'basemap.error.truncated',
  unsupportedTiles: 'basemap.error.unsupportedTiles',
  damaged: 'basemap.error.damaged',
  storageUnavailable: 'basemap.error.storageUnavailable',
  copyFailed: 'basemap.error.copyFailed',
} as const satisfies Record<string, MessageKey>;

function storedFlavour(preferences: Storage | undefined): BasemapFlavour {
  try {
    return preferences?.getItem(FLAVOUR_KEY) === 'print' ? 'print' : 'light';
  } catch {
    return 'light';
  }
}

/** The coverage note a loaded basemap gets: a warning when it misses Haiti. */
function coverageNotice(summary: BasemapSummary): BasemapNotice | null {
  if (summary.coverage === 'none') return { key: 'basemap.warning.outsideHaiti', tone: 'warning' };
  if (summary.coverage === 'part') return { key: 'basemap.note.partOfHaiti', tone: 'info' };
  return null;
}

export function createOfflineBasemap(
  host: TileArchiveHost,
  storage: StorageManager | undefined,
  preferences: Storage | undefined,
): OfflineBasemap {
  const state = createStore<OfflineBasemapState>({
    basemap: null,
    flavour: storedFlavour(preferences),
    busy: null,
    notice: null,
  });
  const fail = (notice: BasemapNotice) => state.set({ busy: null, notice });

  /** Opens a file on the device and, when it is a usable archive, makes it the map's basemap. */
  const show = async (file: File, key: string, name: string): Promise<boolean> => {
    const { openBasemapArchive } = await import('../map/basemap-archive');
    const opening = await openBasemapArchive(file, key, name);
    if (!opening.ok) {
      fail({ key: FAILURE_KEYS[opening.code], tone: 'error' });
      return false;
    }
    await host.addTileArchive(opening.basemap.archive);
    const { summary } = opening.basemap;
    state.set({ basemap: { key, summary }, busy: null, notice: coverageNotice(summary) });
    return true;
  };

  return {
    state,
    async restore() {
      if (!storage) return;
      // Marks the start, so the time to the first street render can be measured (browser tests).
      globalThis.performance?.mark?.('katsit:basemap-restore');
      const stored = await readStoredBasemap(storage);
      if (stored) await show(stored.file, stored.key, stored.originalName);
    },
    async pick(file) {
      if (state.get().busy) return;
      state.set({ busy: 'reading', notice: null });
      const { openBasemapArchive } = await import('../map/basemap-archive');
      // Checked before copying: a bad file must not touch what is stored.
      const check = await openBasemapArchive(file, `check-${Date.now()}`);
      if (!check.ok) return fail({ key: FAILURE_KEYS[check.code], tone: 'error' });
      if (!storage) return fail({ key: FAILURE_KEYS.storageUnavailable, tone: 'error' });
      state.set({ busy: 'copying' });
      const copy = await storeBasemap(storage, file);
      if (!copy.ok) {
        if (copy.code === 'storageShort')
          return fail({
            key: 'basemap.error.storageShort',
            sizes: { needed: copy.neededBytes, available: copy.availableBytes },
            tone: 'error',
          });
        return fail({ key: FAILURE_KEYS[copy.code], tone: 'error' });
      }
      await show(copy.stored.file, copy.stored.key, copy.stored.originalName);
    },
    async remove() {
      if (storage) await removeStoredBasemap(storage);
      state.set({ basemap: null, notice: null });
    },
    setFlavour(flavour) {
      try {
        preferences?.setItem(FLAVOUR_KEY, flavour);
      } catch {
        // Not persisting a preference is not worth an error message.
      }
      state.set({ flavour });
    },
  };
}
