/**
 * The site table's column chooser, for phones and tablets, where the
 * stylesheet collapses the less decisive columns: any column can be shown or
 * hidden again. It reads the columns from the table itself (its `<col>` and
 * heading elements), so it follows whatever columns the table has, and marks
 * the choice on the `<col>` element (`is-shown` / `is-hidden`), which the
 * stylesheet honours above its defaults.
 */
import { element } from './dom';

export interface ColumnChooser {
  setLabel(label: string): void;
  /** Removes the chooser and forgets the choices. */
  unmount(): void;
}

/** Mounts the chooser in `panel` (the #table-panel), before the table's export button. */
export function mountColumnChooser(panel: HTMLElement): ColumnChooser {
  const summary = element('summary', { className: 'column-chooser-summary' });
  const list = element('div', { className: 'column-chooser-list' });
  const chooser = element('details', { className: 'column-chooser' }, [summary, list]);
  /** Column class (`column-name`…) → shown or not, as the person chose. */
  const choices = new Map<string, boolean>();

  const columns = () =>
    // A column marked unavailable (the round columns with no comparison) is not offered.
    [...panel.querySelectorAll<HTMLTableColElement>('.site-table col:not([data-unavailable])')].flatMap(
      (col) => {
        const name = [...col.classList].find((token) => token.startsWith('column-'));
        return name ? [{ col, name }] : [];
      },
    );

  function apply(): void {
    for (const { col, name } of columns()) {
      const shown = choices.get(name);
      col.classList.toggle('is-shown', shown === true);
      col.classList.toggle('is-hidden', shown === false);
    }
  }

  function fill(): void {
    list.replaceChildren(
      ...columns().map(({ col, name }) => {
        const heading = panel.querySelector(`.site-table thead th.${name}`);
        const box = element('input', {
          className: 'column-chooser-box',
          attributes: { type: 'checkbox', 'data-column': name },
        });
        box.checked = getComputedStyle(col).visibility !== 'collapse';
        box.addEventListener('change', () => {
          choices.set(name, box.checked);
          apply();
        });
        return element('label', { className: 'column-chooser-option' }, [
          box,
          heading?.textContent?.trim() || name,
        ]);
      }),
    );
  }

  // The list is built on opening, from the columns the table has at that moment.
  chooser.addEventListener('toggle', () => {
    if (chooser.open) fill();
  });
  chooser.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !chooser.open) return;
    event.preventDefault();
    event.stopPropagation();
    chooser.open = false;
    summary.focus();
  });
  // The table fills its panel after this mounts, and may rebuild its parts: the chooser finds its
  // place again and the choices stay.
  const place = () => {
    const exportButton = panel.querySelector('.site-table-bar [data-action="site-table-export"]');
    if (exportButton && chooser.nextSibling !== exportButton) exportButton.before(chooser);
    apply();
  };
  place();
  const observer = new MutationObserver(place);
  observer.observe(panel, { childList: true });

  return {
    setLabel(label) {
      summary.textContent = label;
    },
    unmount() {
      observer.disconnect();
      chooser.remove();
      choices.clear();
      apply();
    },
  };
}
