import { describe, expect, it, vi } from 'vitest';
import { initialAppState, withLayerSettings } from '../../src/state/app-state';
import { createStore } from '../../src/state/store';

describe('createStore', () => {
  it('notifies a subscriber only when its selected slice changes', () => {
    const store = createStore(initialAppState('fr'));
    const onLanguage = vi.fn();
    const onLayers = vi.fn();
    store.subscribe((state) => state.language, onLanguage);
    store.subscribe((state) => state.layers, onLayers);
    store.set({ zoomStep: 9 });
    expect(onLanguage).not.toHaveBeenCalled();
    expect(onLayers).not.toHaveBeenCalled();
    store.set((state) => ({ layers: withLayerSettings(state.layers, 'sites', { visible: false }) }));
    expect(onLayers).toHaveBeenCalledTimes(1);
    expect(store.get().layers.sites.visible).toBe(false);
    store.set({ language: 'en' });
    expect(onLanguage).toHaveBeenCalledWith('en', expect.objectContaining({ language: 'en' }));
  });

  it('stops notifying after unsubscribe', () => {
    const store = createStore({ count: 0 });
    const listener = vi.fn();
    const unsubscribe = store.subscribe((state) => state.count, listener);
    store.set({ count: 1 });
    unsubscribe();
    store.set({ count: 2 });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('keeps the identity of layers that did not change', () => {
    const state = initialAppState('fr');
    const next = withLayerSettings(state.layers, 'control', { opacity: 0.5 });
    expect(next.sites).toBe(state.layers.sites);
    expect(next.control).not.toBe(state.layers.control);
    expect(state.layers.control.opacity).toBe(1);
  });
});
