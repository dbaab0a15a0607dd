/** What a click on the map does: its own module, so analysis descriptors can name it without the app state. */
export type MapMode = 'select' | 'candidate' | 'draw-polygon' | 'draw-circle';
