/**
 * The comparison on the map: the later round's sites coloured by how their
 * people changed, opened sites outlined in their own colour, closed sites
 * drawn hollow. A deck layer above the thematic ones, built from state like
 * every other (loaded with deck.gl, after the basemap's first idle).
 */
import type { Layer } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';
import { ROUND_CHANGE_COLOURS } from './round-change-colours';
import type { RoundChangeMap, RoundMark } from './round-marks';

const RADIUS_PIXELS = 7;
const OUTLINE = [33, 33, 33, 220] as const;

/** No layer when no comparison is shown. */
export function buildRoundChangeLayers(map: RoundChangeMap | null): Layer[] {
  if (!map) return [];
  return [
    new ScatterplotLayer<RoundMark>({
      id: 'round-change',
      data: map.marks,
      getPosition: (mark) => [mark.longitude, mark.latitude],
      radiusUnits: 'pixels',
      getRadius: RADIUS_PIXELS,
      stroked: true,
      filled: true,
      lineWidthUnits: 'pixels',
      // Hollow: a closed site keeps only its ring, in its colour.
      getFillColor: (mark) => (mark.kind === 'closed' ? [0, 0, 0, 0] : [...ROUND_CHANGE_COLOURS[mark.kind]]),
      getLineColor: (mark) => (mark.kind === 'closed' ? [...ROUND_CHANGE_COLOURS.closed] : [...OUTLINE]),
      getLineWidth: (mark) => (mark.kind === 'closed' ? 3 : 1),
      pickable: false,
    }),
  ];
}
