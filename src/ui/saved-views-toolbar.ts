/**
 * Wires snapshots, links and saved views: the URL-hash sync, the toolbar
 * buttons ("Map snapshot", "Copy link", "Views") and their dialogs.
 */

import { currentHash, mountUrlSync, openHash } from '../app/url-sync';
import type { FlowState } from '../flows/flow-state';
import { translator } from '../i18n/translate';
import { openSavedViewStore, type SavedView } from '../io/saved-view-store';
import { productMovements } from '../map/flow-legend';
import type { MapView } from '../map/map-view';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import { element } from './dom';
import { mountCopyLink } from './saved-views-copy-link';
import { mountSavedViewsDialog } from './saved-views-dialog';
import { mountSnapshotDialog } from './snapshot-dialog';

/** What products need beyond the state and the map. */
export interface SnapshotsAndViewsOptions {
  /** Resolves when the analyses have answered for the data of now (a series page waits for it). */
  analysisAnswered: () => Promise<void>;
  /** The movements layer (issue 17): in links, saved views and products. */
  flows?: Store<FlowState>;
}

export function mountSnapshotsAndViews(
  toolbar: HTMLElement,
  store: Store<AppState>,
  view: MapView,
  { analysisAnswered, flows }: SnapshotsAndViewsOptions,
): () => void {
  const unmountUrlSync = mountUrlSync(store, view, window, flows);
  const opening = openSavedViewStore();
  const listSavedViews = async (): Promise<SavedView[]> => {
    const opened = await opening;
    if (!opened.ok) return [];
    const listed = await opened.value.list();
    return listed.ok ? listed.value : [];
  };
  const movements = () => (flows ? productMovements(flows.get(), store.get().language) : null);
  const snapshot = mountSnapshotDialog({ store, view, listSavedViews, movements, analysisAnswered });
  const linkTo = () => `${location.origin}${location.pathname}${currentHash(store, view, flows)}`;

  const snapshotButton = element('button', {
    attributes: { type: 'button', 'data-action': 'open-snapshot' },
  });
  snapshotButton.addEventListener('click', () => void snapshot.open());
  const viewsButton = element('button', { attributes: { type: 'button', 'data-action': 'open-views' } });
  let viewsDialog: ReturnType<typeof mountSavedViewsDialog> | null = null;
  viewsButton.addEventListener('click', async () => {
    if (!viewsDialog) {
      const opened = await opening;
      viewsDialog = mountSavedViewsDialog({
        store,
        views: opened.ok ? opened.value : null,
        unavailableReason: opened.ok ? null : opened.error.code,
        currentHash: () => currentHash(store, view, flows),
        // Through the hash: the URL sync restores it, and Back returns to where the user was.
        openView: (saved) => openHash(saved.hash),
        snapshotFrom: (saved) => {
          openHash(saved.hash);
          void snapshot.open(saved);
        },
      });
    }
    await viewsDialog.open();
  });
  const labels = () => {
    const t = translator(store.get().language);
    snapshotButton.textContent = t('toolbar.snapshot');
    viewsButton.textContent = t('toolbar.views');
  };
  labels();
  toolbar.append(snapshotButton);
  const unmountCopyLink = mountCopyLink(toolbar, { store, link: linkTo });
  toolbar.append(viewsButton);
  const unsubscribe = store.subscribe((state) => state.language, labels);
  return () => {
    unsubscribe();
    unmountUrlSync();
    unmountCopyLink();
    snapshotButton.remove();
    viewsButton.remove();
    snapshot.unmount();
    viewsDialog?.unmount();
    void opening.then((opened) => opened.ok && opened.value.close());
  };
}
