/**
 * The stored street basemap's life cycle: restoring it at start-up, taking a
 * file the user picked (checked first, then copied to the device's private
 * storage, then opened from there), removing it, and the light/print choice.
 * Also the online option, off by default: a PMTiles address the user enters,
 * read by range requests (and remembered) instead of the device's file.
 * The PMTiles reader is imported only when a basemap is stored or picked, so
 * the main bundle does not carry it. On every failure the current basemap
 * stays, and the state says why with a catalogue key.
 */
import type { MessageKey } from '../i18n/fr';
import type { BasemapOpening, BasemapSummary, OpenedBasemap } from '../map/basemap-archive';
import type { BasemapFlavour } from '../map/protomaps-style';
import { readStoredBasemap, removeStoredBasemap, storeBasemap } from '../offline/basemap-file-store';
import { readPreference, writePreference } from '../state/preferences';
import { createStore, type Store } from '../state/store';
import { onlineAddress } from './online-address';

const FLAVOUR_KEY = 'katsit.basemapFlavour';
const ONLINE_KEY = 'katsit.basemapUrl';

interface BasemapNotice {
  key: MessageKey;
  parameters?: Record<string, string | number>;
  /** Byte counts, which the interface writes in its own units ("12,4 Mo"). */
  sizes?: Record<string, number>;
  tone: 'error' | 'warning' | 'info';
}

export interface OfflineBasemapState {
  /** The basemap the map draws, or null for the embedded one. */
  basemap: { key: string; summary: BasemapSummary; source: 'device' | 'online' } | null;
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
  /** Reads the basemap from an address instead (the online option); the device's file stays stored. */
  useOnline(address: string): Promise<void>;
  /** Removes the basemap in use: forgets the address, or deletes the device's file. */
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
  unreachable: 'basemap.error.unreachable',
} as const satisfies Record<string, MessageKey>;

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
    flavour: readPreference(preferences, FLAVOUR_KEY) === 'print' ? 'print' : 'light',
    busy: null,
    notice: null,
  });
  const fail = (notice: BasemapNotice) => state.set({ busy: null, notice });

  /** Makes an opened archive the map's basemap, or says why it cannot be. */
  const show = async (opening: BasemapOpening, source: 'device' | 'online'): Promise<boolean> => {
    if (!opening.ok) {
      fail({ key: FAILURE_KEYS[opening.code], tone: 'error' });
      return false;
    }
    await host.addTileArchive(opening.basemap.archive);
    const { key, summary } = opening.basemap;
    state.set({ basemap: { key, summary, source }, busy: null, notice: coverageNotice(summary) });
    globalThis.performance?.mark?.('katsit:basemap-shown');
    return true;
  };

  /** Opens a file on the device and, when it is a usable archive, makes it the map's basemap. */
  const showFile = async (file: File, key: string, name: string): Promise<boolean> => {
    const { openBasemapArchive } = await import('../map/basemap-archive');
    return show(await openBasemapArchive(file, key, name), 'device');
  };

  const showOnline = async (address: string): Promise<boolean> => {
    const { openOnlineBasemapArchive } = await import('../map/basemap-archive');
    return show(await openOnlineBasemapArchive(address), 'online');
  };

  const restoreDeviceFile = async () => {
    if (!storage) return;
    const stored = await readStoredBasemap(storage);
    if (stored) await showFile(stored.file, stored.key, stored.originalName);
  };

  return {
    state,
    async restore() {
      // Marks the start, so the time to the first street render can be measured (browser tests).
      globalThis.performance?.mark?.('katsit:basemap-restore');
      const address = readPreference(preferences, ONLINE_KEY);
      if (address && (await showOnline(address))) return;
      // Offline or the server gone: the device's file, if any, and the reason the address failed.
      const onlineFailure = state.get().notice;
      await restoreDeviceFile();
      if (address && onlineFailure) state.set({ notice: onlineFailure });
    },
    async useOnline(text) {
      if (state.get().busy) return;
      const address = onlineAddress(text);
      if (!address) return fail({ key: 'basemap.error.badAddress', tone: 'error' });
      state.set({ busy: 'reading', notice: null });
      if (await showOnline(address)) writePreference(preferences, ONLINE_KEY, address);
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
      // A picked file is the user's choice over an address used before.
      writePreference(preferences, ONLINE_KEY, null);
      await showFile(copy.stored.file, copy.stored.key, copy.stored.originalName);
    },
    async remove() {
      const online = state.get().basemap?.source === 'online';
      state.set({ basemap: null, notice: null });
      if (online) {
        writePreference(preferences, ONLINE_KEY, null);
        await restoreDeviceFile();
      } else if (storage) await removeStoredBasemap(storage);
    },
    setFlavour(flavour) {
      writePreference(preferences, FLAVOUR_KEY, flavour);
      state.set({ flavour });
    },
  };
}
