/** The hover tooltip: a name, what it is and the flags raised on it, set as text, placed next to the pointer. */

import type { FeatureDescription } from '../symbology/feature-description';
import { element } from './dom';

export interface Tooltip {
  /** `flags`: the names of the analysis flags raised on a site, one line each. */
  show(
    x: number,
    y: number,
    description: FeatureDescription,
    sensitiveLabel: string,
    flags?: readonly string[],
  ): void;
  hide(): void;
}

export function createTooltip(container: HTMLElement): Tooltip {
  const node = element('div', { className: 'map-tooltip', attributes: { role: 'tooltip' } });
  node.hidden = true;
  container.append(node);
  return {
    show(x, y, description, sensitiveLabel, flags = []) {
      node.replaceChildren(
        element('strong', { text: description.title }),
        element('span', { text: description.kind }),
        ...flags.map((flag) => element('span', { className: 'tooltip-flag', text: flag })),
        ...(description.sensitive
          ? [element('span', { className: 'sensitive-badge', text: sensitiveLabel })]
          : []),
      );
      node.hidden = false;
      // Keep the tooltip inside the map: flip to the left/top near the edges.
      const bounds = container.getBoundingClientRect();
      const flipX = x + 16 + node.offsetWidth > bounds.width;
      const flipY = y + 16 + node.offsetHeight > bounds.height;
      node.style.left = `${flipX ? x - 12 - node.offsetWidth : x + 14}px`;
      node.style.top = `${flipY ? y - 12 - node.offsetHeight : y + 14}px`;
    },
    hide() {
      node.hidden = true;
    },
  };
}
