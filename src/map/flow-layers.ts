/**
 * Pure (flows state) → deck layers (issue 17): one arc per movement of the
 * selection, its width following the count (square root, so a large flow
 * does not hide the rest) and its category's hue running from a light origin
 * to the full hue at the destination;
 * the points of entry as symbols coloured by type, with their names.
 */
import type { Layer } from '@deck.gl/core';
import { ArcLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { FlowRecord } from '../flows/flow-rows';
import { selectedFlows } from '../flows/flow-selection';
import type { FlowState } from '../flows/flow-state';
import { POINTS_OF_ENTRY, type PointOfEntry } from '../flows/points-of-entry';
import { ENTRY_COLORS, FLOW_CATEGORY_COLORS, flowOriginColor, flowWidth } from './flow-palette';
import { LABEL_FONT } from './layer-specs';
import { ADMIN_COLORS, withAlpha } from './palette';

export function buildFlowLayers(flows: FlowState): Layer[] {
  const layers: Layer[] = [];
  if (flows.shown) {
    const arcs = selectedFlows(flows.records, flows.filter);
    const largest = arcs.reduce((most, record) => Math.max(most, record.count), 0);
    layers.push(
      new ArcLayer<FlowRecord>({
        id: 'flows-arcs',
        data: arcs,
        getSourcePosition: (record) => record.origin.position,
        getTargetPosition: (record) => record.destination.position,
        getSourceColor: (record) => withAlpha(flowOriginColor(record.category), 230),
        getTargetColor: (record) => withAlpha(FLOW_CATEGORY_COLORS[record.category], 230),
        getWidth: (record) => flowWidth(record.count, largest),
        widthUnits: 'pixels',
        getHeight: 0.5,
        greatCircle: false,
        updateTriggers: { getWidth: largest },
      }),
    );
  }
  if (flows.entriesShown) {
    layers.push(
      new ScatterplotLayer<PointOfEntry>({
        id: 'flows-entries',
        data: POINTS_OF_ENTRY,
        getPosition: (entry) => entry.position,
        getFillColor: (entry) => ENTRY_COLORS[entry.type],
        getLineColor: [255, 255, 255],
        getRadius: 7,
        radiusUnits: 'pixels',
        stroked: true,
        lineWidthUnits: 'pixels',
        getLineWidth: 2,
      }),
      new TextLayer<PointOfEntry>({
        id: 'flows-entry-labels',
        data: POINTS_OF_ENTRY,
        getPosition: (entry) => entry.position,
        getText: (entry) => entry.name,
        getSize: 12,
        getColor: withAlpha(ADMIN_COLORS.label, 255),
        getPixelOffset: [0, -14],
        fontFamily: LABEL_FONT,
        fontWeight: 600,
        characterSet: 'auto',
        fontSettings: { sdf: true },
        outlineWidth: 4,
        outlineColor: withAlpha(ADMIN_COLORS.labelHalo, 230),
      }),
    );
  }
  return layers;
}
