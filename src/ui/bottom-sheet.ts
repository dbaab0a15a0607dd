/**
 * The sheet a panel opens in on a phone (from the bottom, at half or full
 * height) or a tablet (a drawer beside the icon rail). It borrows the panel's
 * own elements and puts them back where they were on close, so the panel's
 * module keeps working on the same nodes and knows nothing of the sheet.
 */
import { element } from './dom';

export type SheetSize = 'half' | 'full';

/** The sheet's words, in the interface language. */
export interface SheetText {
  expand: string;
  shrink: string;
  close: string;
}

export interface BottomSheet {
  /** The sheet's root, to be placed in the page once. */
  readonly element: HTMLElement;
  /** Shows `content` (moved in, in order) under the accessible name `label`; closes what was open. */
  open(content: readonly HTMLElement[], label: string, onClose: () => void): void;
  /** Puts the content back and hides the sheet; calls the `onClose` given to `open`. */
  close(): void;
  isOpen(): boolean;
  setSize(size: SheetSize): void;
  setText(text: SheetText): void;
}

/** How far (in CSS pixels) a drag on the handle must go to change the height rather than count as a tap. */
const DRAG_THRESHOLD = 40;

interface Borrowed {
  node: HTMLElement;
  parent: Node;
  next: Node | null;
}

export function createBottomSheet(id: string): BottomSheet {
  const grip = element('span', { className: 'sheet-grip', attributes: { 'aria-hidden': 'true' } });
  const handle = element('button', {
    className: 'sheet-handle',
    attributes: { type: 'button', 'aria-expanded': 'false', 'data-action': 'sheet-handle' },
  });
  handle.append(grip);
  const closeButton = element('button', {
    className: 'icon-button sheet-close',
    text: '×',
    attributes: { type: 'button', 'data-action': 'sheet-close' },
  });
  const content = element('div', { className: 'sheet-content' });
  const root = element(
    'section',
    { className: 'sheet', attributes: { id, hidden: true, 'data-size': 'half' } },
    [element('div', { className: 'sheet-bar' }, [handle, closeButton]), content],
  );
  let borrowed: Borrowed[] = [];
  let closing: (() => void) | null = null;
  let text: SheetText = { expand: '', shrink: '', close: '' };

  function setSize(size: SheetSize): void {
    root.dataset.size = size;
    handle.setAttribute('aria-expanded', String(size === 'full'));
    handle.setAttribute('aria-label', size === 'full' ? text.shrink : text.expand);
  }

  function giveBack(): void {
    for (const { node, parent, next } of borrowed) {
      parent.insertBefore(node, next && next.parentNode === parent ? next : null);
    }
    borrowed = [];
  }

  function close(): void {
    if (root.hidden) return;
    giveBack();
    root.hidden = true;
    const callback = closing;
    closing = null;
    callback?.();
  }

  function open(nodes: readonly HTMLElement[], label: string, onClose: () => void): void {
    close();
    borrowed = nodes.flatMap((node) =>
      node.parentNode ? [{ node, parent: node.parentNode, next: node.nextSibling }] : [],
    );
    content.replaceChildren(...nodes);
    content.scrollTop = 0;
    root.setAttribute('aria-label', label);
    closing = onClose;
    setSize('half');
    root.hidden = false;
  }

  closeButton.addEventListener('click', close);
  // Escape anywhere in the sheet closes it, unless something inside used the key (a search list).
  root.addEventListener('keydown', (event) => {
    if (event.defaultPrevented) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.target === handle && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      setSize(event.key === 'ArrowUp' ? 'full' : 'half');
    }
  });

  // A tap toggles half and full height; a drag up opens it fully, a drag down shrinks it, and a
  // drag down from half height closes it. The click that follows a drag is swallowed.
  let dragStart: number | null = null;
  let dragged = false;
  handle.addEventListener('pointerdown', (event) => {
    dragStart = event.clientY;
    dragged = false;
    handle.setPointerCapture(event.pointerId);
  });
  handle.addEventListener('pointerup', (event) => {
    if (dragStart === null) return;
    const distance = event.clientY - dragStart;
    dragStart = null;
    if (Math.abs(distance) < DRAG_THRESHOLD) return;
    dragged = true;
    if (distance < 0) setSize('full');
    else if (root.dataset.size === 'full') setSize('half');
    else close();
  });
  handle.addEventListener('pointercancel', () => {
    dragStart = null;
  });
  handle.addEventListener('click', () => {
    if (dragged) {
      dragged = false;
      return;
    }
    setSize(root.dataset.size === 'full' ? 'half' : 'full');
  });

  return {
    element: root,
    open,
    close,
    isOpen: () => !root.hidden,
    setSize,
    setText(next) {
      text = next;
      closeButton.setAttribute('aria-label', next.close);
      setSize(root.dataset.size === 'full' ? 'full' : 'half');
    },
  };
}
