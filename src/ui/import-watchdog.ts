/**
 * The import's watchdog: any step (reading, parsing, reviewing, building)
 * still running after WATCHDOG_DELAY_MS says so, with the seconds elapsed and
 * an indeterminate progress bar, beside the dialog's Cancel (which stays
 * clickable because the work runs in the import worker). Short steps show
 * nothing, so quick reviews do not flicker.
 */
import type { Translate } from '../i18n/translate';
import { element } from './dom';

export const WATCHDOG_DELAY_MS = 300;

export interface Watchdog {
  stop(): void;
}

/**
 * Watches one step: after the delay, `status` reads "Still working… N s"
 * (updated every second) and, when `withProgress`, an indeterminate progress
 * bar appears after it.
 */
export function watchStep(status: HTMLElement, t: Translate, withProgress: boolean): Watchdog {
  const started = performance.now();
  const progress = element('progress', {
    className: 'import-progress import-watchdog',
    attributes: { 'data-import-watchdog': '' },
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = () => {
    status.textContent = t('import.stillWorking', {
      seconds: Math.floor((performance.now() - started) / 1000),
    });
    status.dataset.watchdog = 'running';
    if (withProgress && !progress.isConnected) status.after(progress);
    timer = setTimeout(tick, 1000);
  };
  timer = setTimeout(tick, WATCHDOG_DELAY_MS);
  return {
    stop() {
      clearTimeout(timer);
      delete status.dataset.watchdog;
      progress.remove();
    },
  };
}
