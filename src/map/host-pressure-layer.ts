/**
 * Pure (flows state, admin areas) → deck layer (issue 17): the communes
 * coloured by host pressure over the selection, from the engine's summary.
 * A commune with no one displaced in sites has no host pressure (the ratio is
 * undefined): it is drawn in the "no data" grey, never in the first class (a
 * hatch would read as the gang-control areas' hatching).
 * Drawn under the thematic layers and the arcs.
 */
import type { Layer } from '@deck.gl/core';
import { GeoJsonLayer } from '@deck.gl/layers';
import type { AdminAreaCollection, AdminAreaFeature } from '../domain/types';
import type { FlowState } from '../flows/flow-state';
import {
  HOST_PRESSURE_ALPHA,
  HOST_PRESSURE_COLORS,
  HOST_PRESSURE_NO_DATA,
  HOST_PRESSURE_NO_DATA_ALPHA,
  hostPressureClass,
} from './flow-palette';
import { withAlpha } from './palette';

/** Host pressure by commune P-code; NaN where it is undefined. */
export function hostPressureByPcode(flows: Pick<FlowState, 'summary' | 'communes'>): Map<string, number> {
  const values = new Map<string, number>();
  const pressure = flows.summary?.hostPressure;
  if (!pressure) return values;
  flows.communes.forEach((commune, index) => {
    values.set(commune.pcode, pressure[index] ?? Number.NaN);
  });
  return values;
}

const byState = new WeakMap<object, Map<string, number>>();

export function buildHostPressureLayer(
  flows: FlowState,
  admin: AdminAreaCollection | undefined,
): Layer | null {
  if (!flows.shown || !flows.pressureShown || !flows.summary || !admin) return null;
  const summary = flows.summary;
  // One lookup per summary: the layer is rebuilt on every state change, its colours only when this changes.
  const values = byState.get(summary) ?? hostPressureByPcode(flows);
  byState.set(summary, values);
  return new GeoJsonLayer<AdminAreaFeature['properties']>({
    id: 'flows-host-pressure',
    data: admin.features.filter((area) => area.properties.level === 2),
    filled: true,
    stroked: false,
    pickable: false,
    getFillColor: (feature) => {
      const level = hostPressureClass(values.get(feature.properties.pcode) ?? Number.NaN);
      const color = level === null ? undefined : HOST_PRESSURE_COLORS[level];
      return color
        ? withAlpha(color, HOST_PRESSURE_ALPHA)
        : withAlpha(HOST_PRESSURE_NO_DATA, HOST_PRESSURE_NO_DATA_ALPHA);
    },
    updateTriggers: { getFillColor: summary },
  });
}
