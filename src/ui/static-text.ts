/** Fills every `[data-i18n]` element of the page shell with its message, as text. */
import type { MessageKey } from '../i18n/fr';
import { isMessageKey, type Translate } from '../i18n/translate';

export function applyStaticText(root: ParentNode, t: Translate): void {
  for (const node of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = node.dataset.i18n ?? '';
    if (isMessageKey(key)) node.textContent = t(key);
  }
  for (const node of root.querySelectorAll<HTMLElement>('[data-i18n-aria-label]')) {
    const key = node.dataset.i18nAriaLabel ?? '';
    if (isMessageKey(key)) node.setAttribute('aria-label', t(key as MessageKey));
  }
}
