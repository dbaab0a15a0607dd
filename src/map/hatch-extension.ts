/**
 * The control areas' hatching: deck's fill-style extension with procedural
 * patterns. Only the control areas use it. Every other polygon fill keeps
 * deck's plain fill shader: they once shared this program (patterns off) to
 * save linking a second one, but its fragment shader costs the same with
 * patterns off, and on software WebGL (SwiftShader) the hazard zones' fill
 * then took 37 ms of every panned frame at city zoom instead of under 1 ms.
 */
import { FillStyleExtension } from '@deck.gl/extensions';

/** The control areas' procedural hatching (patterns chosen per feature). */
export const hatchExtension = new FillStyleExtension({ pattern: true, proceduralPattern: true });
