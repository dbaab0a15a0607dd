/**
 * Reference layers: PMTiles archives drawn over the basemap (building
 * footprints for shelter planning, a national layer tiled upstream), kept on
 * the device or read from an address the user enters. Only the visible tiles
 * are read, which is the way past one browser's memory for heavy layers.
 * Several at once, each with its colour and its "shown" switch (remembered);
 * a bad file or address leaves the loaded layers as they were and says why.
 * The PMTiles reader is imported only when a layer is added or restored.
 */
import type { MessageKey } from '../i18n/fr';
import type { BasemapOpening, BasemapSummary } from '../map/basemap-archive';
import { REFERENCE_COLORS } from '../map/palette';
import {
  readStoredReferenceLayers,
  removeStoredReferenceLayer,
  storeReferenceLayer,
} from '../offline/reference-layer-store';
import { readPreference, writePreference } from '../state/preferences';
import { createStore, type Store } from '../state/store';
import type { TileArchiveHost } from './offline-basemap';
import { onlineAddress } from './online-address';

const HIDDEN_KEY = 'katsit.referenceHidden';
const ADDRESSES_KEY = 'katsit.referenceAddresses';

/** One reference layer as the map, the panel and map products know it. */
export interface ReferenceLayer {
  /** The archive's key in tile URLs: the stored file's name, or the address. */
  key: string;
  /** The archive's own title, else the file's name or address. */
  name: string;
  summary: BasemapSummary;
  source: 'device' | 'online';
  shown: boolean;
  /** CSS colour, from REFERENCE_COLORS. */
  colour: string;
}

interface ReferenceNotice {
  key: MessageKey;
  sizes?: Record<string, number>;
  tone: 'error' | 'warning';
}

export interface ReferenceLayersState {
  layers: ReferenceLayer[];
  busy: 'reading' | 'copying' | null;
  notice: ReferenceNotice | null;
}

export interface ReferenceLayers {
  state: Store<ReferenceLayersState>;
  /** Adds the stored layers and remembered addresses (at start-up). */
  restore(): Promise<void>;
  /** Checks, stores and adds a file the user picked. */
  pick(file: File): Promise<void>;
  /** Adds an archive read from an address (off until the user enters one). */
  addOnline(address: string): Promise<void>;
  remove(key: string): Promise<void>;
  setShown(key: string, shown: boolean): void;
}

const FAILURE_KEYS = {
  notPmtiles: 'reference.error.notPmtiles',
  truncated: 'reference.error.truncated',
  unsupportedTiles: 'reference.error.unsupportedTiles',
  damaged: 'reference.error.damaged',
  storageUnavailable: 'reference.error.storageUnavailable',
  copyFailed: 'reference.error.copyFailed',
  unreachable: 'reference.error.unreachable',
} as const satisfies Record<string, MessageKey>;

function readList(preferences: Storage | undefined, key: string): string[] {
  try {
    const value: unknown = JSON.parse(readPreference(preferences, key) ?? '[]');
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

function writeList(preferences: Storage | undefined, key: string, values: readonly string[]): void {
  writePreference(preferences, key, values.length > 0 ? JSON.stringify(values) : null);
}

/** The first colour no loaded layer uses, so colours stay put when a layer is removed. */
function freeColour(layers: readonly ReferenceLayer[]): string {
  const used = new Set(layers.map((layer) => layer.colour));
  return (
    REFERENCE_COLORS.find((colour) => !used.has(colour)) ??
    REFERENCE_COLORS[layers.length % REFERENCE_COLORS.length] ??
    '#555555'
  );
}

export function createReferenceLayers(
  host: TileArchiveHost,
  storage: StorageManager | undefined,
  preferences: Storage | undefined,
): ReferenceLayers {
  const state = createStore<ReferenceLayersState>({ layers: [], busy: null, notice: null });
  const fail = (notice: ReferenceNotice) => state.set({ busy: null, notice });
  const archives = () => import('../map/basemap-archive');

  /** Adds an opened archive, or says why it cannot be added. */
  const add = async (
    opening: BasemapOpening,
    source: ReferenceLayer['source'],
    fallbackName: string,
  ): Promise<boolean> => {
    if (!opening.ok) {
      fail({ key: FAILURE_KEYS[opening.code], tone: 'error' });
      return false;
    }
    await host.addTileArchive(opening.basemap.archive);
    const { key, summary } = opening.basemap;
    const layers = state.get().layers.filter((layer) => layer.key !== key);
    const layer: ReferenceLayer = {
      key,
      name: summary.title ?? fallbackName,
      summary,
      source,
      shown: !readList(preferences, HIDDEN_KEY).includes(key),
      colour: freeColour(layers),
    };
    const notice: ReferenceNotice | null =
      summary.coverage === 'none' ? { key: 'reference.warning.outsideHaiti', tone: 'warning' } : null;
    state.set({ layers: [...layers, layer], busy: null, notice });
    return true;
  };

  const openOnline = async (address: string) =>
    add(await (await archives()).openOnlineBasemapArchive(address), 'online', address);

  return {
    state,
    async restore() {
      const stored = await readStoredReferenceLayers(storage);
      if (stored.length === 0 && readList(preferences, ADDRESSES_KEY).length === 0) return;
      const { openBasemapArchive } = await archives();
      for (const file of stored)
        await add(
          await openBasemapArchive(file.file, file.key, file.originalName),
          'device',
          file.originalName,
        );
      for (const address of readList(preferences, ADDRESSES_KEY)) await openOnline(address);
    },
    async pick(file) {
      if (state.get().busy) return;
      state.set({ busy: 'reading', notice: null });
      const { openBasemapArchive } = await archives();
      // Checked before copying: a bad file must not take room on the device.
      const check = await openBasemapArchive(file, `check-${Date.now()}`);
      if (!check.ok) return fail({ key: FAILURE_KEYS[check.code], tone: 'error' });
      state.set({ busy: 'copying' });
      const copy = await storeReferenceLayer(storage, file);
      if (!copy.ok) {
        if (copy.code === 'storageShort')
          return fail({
            key: 'reference.error.storageShort',
            sizes: { needed: copy.neededBytes, available: copy.availableBytes },
            tone: 'error',
          });
        return fail({ key: FAILURE_KEYS[copy.code], tone: 'error' });
      }
      await add(
        await openBasemapArchive(copy.stored.file, copy.stored.key, copy.stored.originalName),
        'device',
        copy.stored.originalName,
      );
    },
    async addOnline(text) {
      if (state.get().busy) return;
      const address = onlineAddress(text);
      if (!address) return fail({ key: 'reference.error.badAddress', tone: 'error' });
      state.set({ busy: 'reading', notice: null });
      if (await openOnline(address)) {
        const addresses = readList(preferences, ADDRESSES_KEY).filter((known) => known !== address);
        writeList(preferences, ADDRESSES_KEY, [...addresses, address]);
      }
    },
    async remove(key) {
      const layer = state.get().layers.find((candidate) => candidate.key === key);
      if (!layer) return;
      state.set({ layers: state.get().layers.filter((candidate) => candidate.key !== key), notice: null });
      writeList(
        preferences,
        HIDDEN_KEY,
        readList(preferences, HIDDEN_KEY).filter((hidden) => hidden !== key),
      );
      if (layer.source === 'online')
        writeList(
          preferences,
          ADDRESSES_KEY,
          readList(preferences, ADDRESSES_KEY).filter((address) => address !== key),
        );
      else await removeStoredReferenceLayer(storage, key);
    },
    setShown(key, shown) {
      const hidden = readList(preferences, HIDDEN_KEY).filter((other) => other !== key);
      writeList(preferences, HIDDEN_KEY, shown ? hidden : [...hidden, key]);
      state.set({
        layers: state.get().layers.map((layer) => (layer.key === key ? { ...layer, shown } : layer)),
      });
    },
  };
}
