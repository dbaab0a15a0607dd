/**
 * Saved views: a modal dialog to save the current view under a name, and to
 * open, rename, delete or make a snapshot from a saved one. Views are stored
 * in IndexedDB (io/saved-view-store.ts) as URL hashes.
 */
import { type Translate, translator } from '../i18n/translate';
import type { StoreErrorCode } from '../io/database';
import type { SavedView, SavedViewStore } from '../io/saved-view-store';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import { element } from './dom';
import { storeErrorMessage } from './import-messages';

export interface SavedViewsDialogOptions {
  store: Store<AppState>;
  /** Null when IndexedDB is unavailable; the dialog then says why. */
  views: SavedViewStore | null;
  /** Why `views` is null. */
  unavailableReason: StoreErrorCode | null;
  currentHash: () => string;
  /** Restores a view (through the URL, so Back returns to the previous one). */
  openView: (view: SavedView) => void;
  snapshotFrom: (view: SavedView) => void;
}

export interface SavedViewsDialog {
  open(): Promise<void>;
  unmount(): void;
}

/**
 * What a failed save, rename or delete says: the store error in words
 * ("another window updated the database: reload"), never its code.
 */
export function viewFailureMessage(code: StoreErrorCode, t: Translate): string {
  return t('views.failed', { detail: storeErrorMessage(code, t) });
}

export function mountSavedViewsDialog(options: SavedViewsDialogOptions): SavedViewsDialog {
  const { store, views } = options;
  const dialog = element('dialog', {
    className: 'saved-views-dialog',
    attributes: { 'aria-labelledby': 'saved-views-title', 'data-dialog': 'saved-views' },
  });
  document.body.append(dialog);
  let message = '';
  let editing: string | null = null;

  const fail = (code: StoreErrorCode) => {
    message = viewFailureMessage(code, translator(store.get().language));
  };

  const render = async () => {
    const t = translator(store.get().language);
    const listed = views ? await views.list() : null;
    if (listed && !listed.ok) fail(listed.error.code);
    const items = listed?.ok ? listed.value : [];
    const name = element('input', {
      attributes: {
        type: 'text',
        maxlength: 120,
        required: true,
        'data-view-name': '',
        placeholder: t('views.namePlaceholder'),
      },
    });
    const save = element('button', {
      className: 'primary',
      text: t('views.save'),
      attributes: { type: 'submit' },
    });
    const form = element('form', { className: 'saved-views-form' }, [
      element('label', { className: 'snapshot-field' }, [element('span', { text: t('views.name') }), name]),
      save,
    ]);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!views) return;
      if (!name.value.trim()) {
        message = t('views.nameRequired');
        await render();
        return;
      }
      const saved = await views.save(name.value, options.currentHash());
      if (saved.ok) message = t('views.saved', { name: saved.value.name });
      else fail(saved.error.code);
      await render();
    });
    form.hidden = !views;
    const list = element(
      'ul',
      { className: 'saved-views-list' },
      items.map((view) => {
        const action = (
          key: 'views.open' | 'views.rename' | 'views.delete' | 'views.snapshot',
          run: () => void,
        ) => {
          const button = element('button', {
            text: t(key),
            attributes: { type: 'button', 'data-view-action': key.slice(6) },
          });
          button.addEventListener('click', run);
          return button;
        };
        if (editing === view.id) {
          const input = element('input', {
            attributes: { type: 'text', maxlength: 120, 'aria-label': t('views.name') },
          });
          input.value = view.name;
          const confirm = element('button', { text: t('views.rename'), attributes: { type: 'submit' } });
          const cancel = element('button', { text: t('views.cancel'), attributes: { type: 'button' } });
          const renameForm = element('form', { className: 'saved-view-rename' }, [input, confirm, cancel]);
          renameForm.addEventListener('submit', async (event) => {
            event.preventDefault();
            if (!views || !input.value.trim()) return;
            const renamed = await views.rename(view.id, input.value);
            if (!renamed.ok) fail(renamed.error.code);
            editing = null;
            await render();
          });
          cancel.addEventListener('click', () => {
            editing = null;
            void render();
          });
          queueMicrotask(() => input.focus());
          return element('li', { attributes: { 'data-view-id': view.id } }, [renameForm]);
        }
        return element('li', { attributes: { 'data-view-id': view.id } }, [
          element('span', { className: 'saved-view-name', text: view.name }),
          element('span', { className: 'saved-view-actions' }, [
            action('views.open', () => {
              dialog.close();
              options.openView(view);
            }),
            action('views.snapshot', () => {
              dialog.close();
              options.snapshotFrom(view);
            }),
            action('views.rename', () => {
              editing = view.id;
              void render();
            }),
            action('views.delete', async () => {
              if (!views || !globalThis.confirm(t('views.confirmDelete', { name: view.name }))) return;
              const removed = await views.remove(view.id);
              if (!removed.ok) fail(removed.error.code);
              await render();
            }),
          ]),
        ]);
      }),
    );
    const close = element('button', {
      text: t('snapshot.close'),
      attributes: { type: 'button', 'data-action': 'close-views' },
    });
    close.addEventListener('click', () => dialog.close());
    dialog.replaceChildren(
      element('h2', { text: t('views.title'), attributes: { id: 'saved-views-title' } }),
      ...(views
        ? []
        : [
            element('p', {
              className: 'saved-views-message',
              text: t('views.unavailable', {
                detail: storeErrorMessage(options.unavailableReason ?? 'unavailable', t),
              }),
            }),
          ]),
      form,
      items.length ? list : element('p', { className: 'saved-views-empty', text: t('views.empty') }),
      element('p', { className: 'saved-views-message', text: message, attributes: { role: 'status' } }),
      element('div', { className: 'snapshot-actions' }, [close]),
    );
    message = '';
  };

  return {
    async open() {
      editing = null;
      await render();
      if (!dialog.open) dialog.showModal();
      dialog.querySelector<HTMLInputElement>('[data-view-name]')?.focus();
    },
    unmount() {
      dialog.remove();
    },
  };
}
