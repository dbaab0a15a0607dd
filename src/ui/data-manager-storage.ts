/**
 * The data manager's storage section: what local storage holds on this
 * device (the browser's estimate, where it gives one), the analysis cache's
 * entries and size, and the button that clears that cache.
 */
import type { StorageUsage } from '../app/data-library';
import { formatBytes, formatNumber, type Language, type Translate } from '../i18n/translate';
import { element } from './dom';

export interface StorageSectionOptions {
  language: Language;
  t: Translate;
  /** Undefined while it is being measured. */
  usage: StorageUsage | undefined;
  clearCache: () => void;
}

/** The section's elements; the text is plain text. */
export function storageSection(options: StorageSectionOptions): HTMLElement {
  const { language, t, usage } = options;
  const lines: string[] = [];
  if (usage?.device) {
    lines.push(
      t('dataManager.storageUsed', {
        used: formatBytes(language, usage.device.usage),
        quota: formatBytes(language, usage.device.quota),
      }),
    );
  }
  if (usage)
    lines.push(
      usage.cache
        ? t('dataManager.cacheUsage', {
            entries: formatNumber(language, usage.cache.entries),
            size: formatBytes(language, usage.cache.bytes),
          })
        : t('dataManager.cacheUnavailable'),
    );
  const clear = element('button', {
    className: 'io-button small',
    text: t('dataManager.clearCache'),
    attributes: { type: 'button', 'data-action': 'clear-analysis-cache' },
  });
  // Enabled even at 0 entries: the worker may have stored answers since this was measured.
  clear.disabled = !usage?.cache;
  clear.addEventListener('click', options.clearCache);
  return element('section', { className: 'data-manager-storage', attributes: { 'data-storage-usage': '' } }, [
    element('h3', { text: t('dataManager.storage') }),
    ...lines.map((line) => element('p', { className: 'io-hint', text: line })),
    clear,
  ]);
}
