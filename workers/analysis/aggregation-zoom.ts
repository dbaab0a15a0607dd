/** Zoom levels below this draw sites aggregated; from it on, every site is drawn. Shared by the worker and the map. */
export const AGGREGATE_BELOW_ZOOM = 10;
