/**
 * Legend swatches are symbology, shared by the panels and the map products:
 * they live in `src/symbology/legend-swatch.ts`. This re-export keeps the layer
 * panel's import working while another branch edits that panel; the integrator
 * points it at the symbology module and deletes this file after the merge.
 */
export { legendSwatch } from '../symbology/legend-swatch';
