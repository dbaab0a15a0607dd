/**
 * On phones and tablets the toolbar's actions fold into one menu button; the
 * stylesheet shows the toolbar as a drop-down list while the menu is open. On
 * the desktop the button is hidden and the toolbar shows as before.
 */
import { element } from './dom';

export interface ToolbarMenu {
  readonly button: HTMLButtonElement;
  setOpen(open: boolean): void;
  setLabel(label: string): void;
}

/** Inserts the menu button before `toolbar` (the `<nav>` other modules fill with buttons). */
export function mountToolbarMenu(toolbar: HTMLElement): ToolbarMenu {
  const label = element('span', { className: 'toolbar-menu-label' });
  const button = element(
    'button',
    {
      className: 'toolbar-menu-button',
      attributes: {
        type: 'button',
        'aria-expanded': 'false',
        'aria-controls': toolbar.id,
        'data-action': 'toolbar-menu',
      },
    },
    [
      element('span', { className: 'toolbar-menu-icon', text: '☰', attributes: { 'aria-hidden': 'true' } }),
      label,
    ],
  );
  toolbar.before(button);
  const header = toolbar.parentElement;

  function setOpen(open: boolean): void {
    button.setAttribute('aria-expanded', String(open));
    if (open) header?.setAttribute('data-menu-open', '');
    else header?.removeAttribute('data-menu-open');
  }
  const isOpen = () => button.getAttribute('aria-expanded') === 'true';

  button.addEventListener('click', () => {
    setOpen(!isOpen());
    if (isOpen()) toolbar.querySelector<HTMLElement>('button')?.focus();
  });
  // An action chosen from the menu closes it (its dialog or panel takes over); copying the link
  // keeps it open, since its confirmation shows beside the button.
  toolbar.addEventListener('click', (event) => {
    const target = event.target as Element | null;
    if (isOpen() && target?.closest('button') && !target.closest('.copy-link')) setOpen(false);
  });
  toolbar.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !isOpen()) return;
    event.preventDefault();
    setOpen(false);
    button.focus();
  });
  // A tap elsewhere closes it, as any drop-down menu.
  document.addEventListener('pointerdown', (event) => {
    const target = event.target as Node | null;
    if (isOpen() && target && !toolbar.contains(target) && !button.contains(target)) setOpen(false);
  });

  return {
    button,
    setOpen,
    setLabel(text) {
      label.textContent = text;
    },
  };
}
