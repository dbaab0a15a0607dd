/** The hover tooltip: a name and what it is, set as text, placed next to the pointer. */

import type { FeatureDescription } from '../symbology/feature-description';
import { element } from './dom';

export interface Tooltip {
  show(x: number, y: number, description: FeatureDescription, sensitiveLabel: string): void;
  hide(): void;
}

export function createTooltip(container: HTMLElement): Tooltip {
  const node = element('div', { className: 'map-tooltip', attributes: { role: 'tooltip' } });
  node.hidden = true;
  container.append(node);
  return {
    show(x, y, description, sensitiveLabel) {
      node.replaceChildren(
        element('strong', { text: description.title }),
        element('span', { text: description.kind }),
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
