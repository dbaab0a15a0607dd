/**
 * One shader program for every filled polygon on the map. deck links a
 * program on the main thread before a layer first draws it, and software
 * WebGL (SwiftShader) offers no parallel linking: each distinct program held
 * the first frames of the map for about a second under load. The control
 * areas' hatching needs the fill-style extension; giving it to every other
 * polygon fill too, patterns off, makes their shaders identical, so deck
 * links one program for all of them instead of two.
 */
import { FillStyleExtension } from '@deck.gl/extensions';

/** The control areas' procedural hatching (patterns chosen per feature). */
export const hatchExtension = new FillStyleExtension({ pattern: true, proceduralPattern: true });

/** Props for a plain polygon fill that shares the hatched fill's program. */
export const plainFill = { extensions: [hatchExtension], fillPatternEnabled: false };
