/** The header's offline status: what it says for each connection and service worker phase. */
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/translate';
import {
  createOfflineState,
  nextPhase,
  type OfflineState,
  type ServiceWorkerPhase,
  statusMessages,
} from '../../src/offline/offline-state';

const say = (
  state: OfflineState,
  onlineBasemap: boolean,
  language: 'fr' | 'en' | 'ht' = 'en',
  vector = false,
) => {
  const t = translator(language);
  return statusMessages(state, { raster: onlineBasemap, vector })
    .map((key) => t(key))
    .join(' · ');
};

describe('the offline status line', () => {
  it('says all data is local when the basemap is offline-only, connected or not', () => {
    expect(say({ online: true, serviceWorker: 'none' }, false)).toBe('Offline — all data is local');
    expect(say({ online: false, serviceWorker: 'none' }, false)).toBe('Offline — all data is local');
  });

  it('says tiles are requested with the online basemap on, and that they are not when the browser is offline', () => {
    expect(say({ online: true, serviceWorker: 'none' }, true)).toMatch(/OpenStreetMap/);
    expect(say({ online: false, serviceWorker: 'none' }, true)).toBe(
      'Offline — online basemap unavailable; all data is local',
    );
  });

  it('says so when the street basemap is read from an address, since its requests leave the machine', () => {
    expect(say({ online: true, serviceWorker: 'none' }, false, 'en', true)).toBe(
      'Online street basemap: tiles are read from the address you entered',
    );
    expect(say({ online: false, serviceWorker: 'none' }, false, 'en', true)).toBe(
      'Offline — online basemap unavailable; all data is local',
    );
  });

  it('says so when a shown reference layer is read from an address, since its requests leave the machine', () => {
    const online = { online: true, serviceWorker: 'none' } as const;
    expect(statusMessages(online, { raster: false, vector: false, reference: true })).toEqual([
      'app.onlineReferenceStatus',
    ]);
    expect(
      statusMessages({ ...online, online: false }, { raster: false, vector: false, reference: true }),
    ).toEqual(['offline.basemapUnavailable']);
    expect(statusMessages(online, { raster: false, vector: false, reference: false })).toEqual([
      'app.offlineStatus',
    ]);
  });

  it('adds whether the app is ready offline, being prepared, updatable or unable to work offline', () => {
    const cases: [ServiceWorkerPhase, string][] = [
      ['installing', 'Preparing offline use…'],
      ['ready', 'Ready offline'],
      ['update-available', 'Update available'],
      ['unavailable', 'Offline use unavailable in this browser'],
    ];
    for (const [phase, text] of cases) {
      expect(say({ online: true, serviceWorker: phase }, false)).toBe(
        `Offline — all data is local · ${text}`,
      );
    }
    expect(say({ online: false, serviceWorker: 'ready' }, false, 'fr')).toBe(
      'Hors ligne — toutes les données sont locales · Prête hors ligne',
    );
    expect(say({ online: false, serviceWorker: 'ready' }, false, 'ht')).toBe(
      'San entènèt — tout done yo lokal · Pare pou travay san entènèt',
    );
  });
});

describe('service worker phases', () => {
  it('goes from installing to ready on a first visit', () => {
    let phase: ServiceWorkerPhase = 'none';
    phase = nextPhase(phase, 'registered-installing');
    expect(phase).toBe('installing');
    phase = nextPhase(phase, 'offline-ready');
    expect(phase).toBe('ready');
  });

  it('is ready at once on a later visit, and an update found later is never hidden by it', () => {
    expect(nextPhase('none', 'registered-active')).toBe('ready');
    expect(nextPhase('ready', 'need-refresh')).toBe('update-available');
    // workbox-window may report the waiting worker before the registration resolves.
    expect(nextPhase('update-available', 'registered-active')).toBe('update-available');
    expect(nextPhase('update-available', 'offline-ready')).toBe('update-available');
    expect(nextPhase('update-available', 'registered-installing')).toBe('update-available');
  });

  it('keeps a working offline copy when a later update check fails', () => {
    expect(nextPhase('ready', 'error')).toBe('ready');
    expect(nextPhase('update-available', 'error')).toBe('update-available');
    expect(nextPhase('installing', 'error')).toBe('unavailable');
    expect(nextPhase('none', 'unsupported')).toBe('unavailable');
  });
});

describe('the network state', () => {
  it('follows online and offline events and stops listening when asked', () => {
    const listeners = new Map<string, () => void>();
    const navigator = { onLine: true };
    const target = {
      navigator,
      addEventListener: (type: string, listener: () => void) => listeners.set(type, listener),
      removeEventListener: (type: string) => listeners.delete(type),
    } as unknown as Parameters<typeof createOfflineState>[0];
    const { state, stop } = createOfflineState(target);
    expect(state.get()).toEqual({ online: true, serviceWorker: 'none' });
    navigator.onLine = false;
    listeners.get('offline')?.();
    expect(state.get().online).toBe(false);
    navigator.onLine = true;
    listeners.get('online')?.();
    expect(state.get().online).toBe(true);
    stop();
    expect(listeners.size).toBe(0);
  });
});
