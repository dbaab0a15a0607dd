/**
 * Where the ends of a movement are: a gazetteer of the loaded admin areas
 * (communes by P-code and name, communal sections by P-code, through their
 * commune) and the points of entry (by id and name). Communes are numbered in
 * the admin layer's order: that number is the area index the engine counts by.
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { AdminAreaCollection, AdminAreaFeature } from '../domain/types';
import { normaliseFieldName } from '../io/field-names';
import { adminLabels } from '../map/admin-labels';
import { POINTS_OF_ENTRY } from './points-of-entry';

/** One end of a movement, placed. */
export interface FlowPlace {
  position: [number, number];
  /** Index of the commune it lies in (`communes` of the gazetteer), −1 when none. */
  commune: number;
  /** Index in `POINTS_OF_ENTRY` when it is a point of entry, else −1. */
  entry: number;
  label: string;
}

export interface FlowGazetteer {
  /** Communes (level 2) in the admin layer's order. */
  communes: readonly { pcode: string; name: string }[];
  byCode(code: string): FlowPlace | undefined;
  /** A repatriation's origin prefers a point of entry of that name (Belladère the crossing, not the town). */
  byName(name: string, preferEntry?: boolean): FlowPlace | undefined;
  /** A position, with the commune that holds it. */
  atPosition(position: [number, number], label: string): FlowPlace;
}

export function createFlowGazetteer(admin: AdminAreaCollection): FlowGazetteer {
  const communeFeatures: AdminAreaFeature[] = admin.features.filter((area) => area.properties.level === 2);
  const communeIndex = new Map(communeFeatures.map((area, index) => [area.properties.pcode, index]));
  const codes = new Map<string, FlowPlace>();
  const names = new Map<string, FlowPlace>();
  const entryNames = new Map<string, FlowPlace>();
  for (const label of adminLabels(admin)) {
    const feature = admin.features.find((area) => area.properties.pcode === label.pcode);
    const communePcode = label.level === 3 ? feature?.properties.parentPcode : label.pcode;
    const place: FlowPlace = {
      position: label.position,
      commune: communeIndex.get(communePcode ?? '') ?? -1,
      entry: -1,
      label: label.text,
    };
    codes.set(label.pcode.toUpperCase(), place);
    // Communes win a name they share with a department (Port-au-Prince, Jacmel…): movements are counted by commune.
    const key = normaliseFieldName(label.text);
    if (label.level === 2 || !names.has(key)) names.set(key, place);
  }
  for (const [index, entry] of POINTS_OF_ENTRY.entries()) {
    const place: FlowPlace = {
      position: entry.position,
      commune: communeIndex.get(entry.communePcode) ?? -1,
      entry: index,
      label: entry.name,
    };
    codes.set(entry.id.toUpperCase(), place);
    entryNames.set(normaliseFieldName(entry.name), place);
  }
  return {
    communes: communeFeatures.map((area) => ({ pcode: area.properties.pcode, name: area.properties.name })),
    byCode: (code) => codes.get(code.trim().toUpperCase()),
    byName(name, preferEntry = false) {
      const key = normaliseFieldName(name);
      return preferEntry ? (entryNames.get(key) ?? names.get(key)) : (names.get(key) ?? entryNames.get(key));
    },
    atPosition(position, label) {
      const commune = communeFeatures.findIndex((area) =>
        booleanPointInPolygon({ type: 'Point', coordinates: position }, area),
      );
      return { position, commune, entry: -1, label };
    },
  };
}
