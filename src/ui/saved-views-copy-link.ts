/**
 * "Copy link": puts the link to the current view (URL hash, url-state.ts) on
 * the clipboard. Where the clipboard is refused (no secure context, policy),
 * the link is shown in a field, selected, for Ctrl+C.
 */
import { translator } from '../i18n/translate';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import { element } from './dom';

export interface CopyLinkOptions {
  store: Store<AppState>;
  /** The link to copy (the page URL with the current hash). */
  link: () => string;
}

/** Copies the link; returns true when the clipboard took it. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** A button plus the fallback field and a status line, mounted in the toolbar. */
export function mountCopyLink(container: HTMLElement, options: CopyLinkOptions): () => void {
  const { store } = options;
  const button = element('button', { attributes: { type: 'button', 'data-action': 'copy-link' } });
  const field = element('input', {
    className: 'copy-link-field',
    attributes: { type: 'text', readonly: true, 'data-copy-link-field': '', hidden: true },
  });
  const message = element('span', { className: 'copy-link-status', attributes: { role: 'status' } });
  const wrapper = element('span', { className: 'copy-link' }, [button, field, message]);
  const label = () => {
    const t = translator(store.get().language);
    button.textContent = t('toolbar.copyLink');
    field.setAttribute('aria-label', t('link.field'));
  };
  label();
  let clearTimer: ReturnType<typeof setTimeout> | undefined;
  button.addEventListener('click', async () => {
    const t = translator(store.get().language);
    const link = options.link();
    const copied = await copyText(link);
    field.value = link;
    field.hidden = copied;
    message.textContent = copied ? t('link.copied') : t('link.copyManually');
    if (!copied) {
      field.focus();
      field.select();
    }
    if (clearTimer !== undefined) clearTimeout(clearTimer);
    clearTimer = setTimeout(() => {
      message.textContent = '';
      if (copied) field.hidden = true;
    }, 4000);
  });
  field.addEventListener('blur', () => {
    field.hidden = true;
    message.textContent = '';
  });
  container.append(wrapper);
  const unsubscribe = store.subscribe((state) => state.language, label);
  return () => {
    unsubscribe();
    wrapper.remove();
  };
}
