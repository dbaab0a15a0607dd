/**
 * A uniform grid over prepared zones. Each cell lists the polygon parts that
 * may contain its points, each marked either "inside" (no ring edge comes
 * near the cell, and a test at the cell's centre found it inside, so every
 * point of the cell is inside) or "test" (an edge's box touches the cell: the
 * exact band test decides). Most points fall in empty or inside-only cells
 * and need no edge arithmetic at all.
 *
 * Why a whole cell can be answered by one test: the cell a point falls in is
 * computed by a monotone formula, so an edge whose box overlaps the set of
 * points assigned to a cell is marked on it. A cell without marked edges holds
 * no boundary point, and over a closed ring the crossing parity is constant
 * away from the boundary: one exact test answers for the whole cell, and for
 * the whole run of unmarked cells beside it in its row. A part with an open
 * ring or a non-finite vertex has no such guarantee: its cells are all "test".
 */
import { type BandedParts, bandedPartContains } from './part-contains';

/** The grid; cell (column, row) is `row * columns + column`. */
export interface ZoneGrid {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  columns: number;
  rows: number;
  /** Cells per degree along x and y. */
  scaleX: number;
  scaleY: number;
  /** Start of each cell's slice of `cellEntries`; `columns * rows + 1` entries. */
  cellStarts: Uint32Array;
  /** `part * 2 + 1` for a part containing the whole cell, `part * 2` for a part to test; ascending per cell. */
  cellEntries: Uint32Array;
}

/** What the grid needs from the prepared zones (a subset of PreparedZones). */
export type GridSource = BandedParts & { ringStarts: Uint32Array; partRingStarts: Uint32Array };

/**
 * Grid size: a cell per four edges (finer grids cost more to build than
 * they save: each cell an edge crosses is still answered by the banded test,
 * which reads about six edges whatever the cell size), and more cells per part the more
 * points are queried per part (finer cells leave fewer points to the exact
 * test, but cost more to build); capped to bound memory.
 */
const CELLS_PER_EDGE = 0.25;
const MINIMUM_CELLS = 256;
const MINIMUM_CELLS_PER_PART = 32;
const MAXIMUM_CELLS_PER_PART = 512;
const MAXIMUM_CELLS = 1 << 21;

/** The number of cells for a grid over `partCount` parts and `edgeCount` edges, queried with `pointCount` points. */
function cellTarget(edgeCount: number, partCount: number, pointCount: number): number {
  const perPart = Math.min(
    MAXIMUM_CELLS_PER_PART,
    Math.max(MINIMUM_CELLS_PER_PART, Math.round(pointCount / Math.max(1, partCount))),
  );
  return Math.min(MAXIMUM_CELLS, Math.max(MINIMUM_CELLS, edgeCount * CELLS_PER_EDGE, partCount * perPart));
}

/** The grid column (or row) of coordinate `value`: monotone in `value`, clamped to the grid. */
export function cellOf(value: number, minimum: number, scale: number, count: number): number {
  const cell = Math.floor((value - minimum) * scale);
  return cell < 0 ? 0 : cell >= count ? count - 1 : cell;
}

/** Whether every ring of a part is closed and every vertex finite: then cells may be answered whole. */
function partIsRegular(source: GridSource, part: number): boolean {
  const { coordinates, ringStarts, partRingStarts } = source;
  for (let ring = partRingStarts[part]!; ring < partRingStarts[part + 1]!; ring += 1) {
    const first = ringStarts[ring]!;
    const last = ringStarts[ring + 1]! - 1;
    if (last <= first) return false;
    if (
      coordinates[first * 2] !== coordinates[last * 2] ||
      coordinates[first * 2 + 1] !== coordinates[last * 2 + 1]
    )
      return false;
    for (let vertex = first * 2; vertex <= last * 2 + 1; vertex += 1) {
      if (!Number.isFinite(coordinates[vertex]!)) return false;
    }
  }
  return true;
}

/**
 * Builds the grid for queries of about `pointCount` points. The exact test
 * runs once per run of edge-free cells of a part. The (cell, entry) pairs go
 * into two typed arrays grown ahead of each part (never inside the hot loop),
 * then a counting sort files them by cell.
 */
export function buildZoneGrid(source: GridSource, pointCount: number): ZoneGrid {
  const { ringStarts, partRingStarts, partBoxes } = source;
  const partCount = partRingStarts.length - 1;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let part = 0; part < partCount; part += 1) {
    const box = part * 4;
    if (!(partBoxes[box]! <= partBoxes[box + 2]! && partBoxes[box + 1]! <= partBoxes[box + 3]!)) continue;
    minX = Math.min(minX, partBoxes[box]!);
    minY = Math.min(minY, partBoxes[box + 1]!);
    maxX = Math.max(maxX, partBoxes[box + 2]!);
    maxY = Math.max(maxY, partBoxes[box + 3]!);
  }
  if (
    !(
      minX <= maxX &&
      Number.isFinite(minX) &&
      Number.isFinite(maxX) &&
      Number.isFinite(minY) &&
      Number.isFinite(maxY)
    )
  ) {
    return {
      minX: Infinity,
      minY: Infinity,
      maxX: -Infinity,
      maxY: -Infinity,
      columns: 1,
      rows: 1,
      scaleX: 0,
      scaleY: 0,
      cellStarts: new Uint32Array(2),
      cellEntries: new Uint32Array(0),
    };
  }
  const edgeCount = ringStarts[ringStarts.length - 1]!;
  const target = cellTarget(edgeCount, partCount, pointCount);
  const width = maxX - minX;
  const height = maxY - minY;
  // Square-ish cells in degrees; a degenerate side gets one column or row.
  const side =
    width > 0 && height > 0 ? Math.sqrt((width * height) / target) : Math.max(width, height) / target;
  const columns = width > 0 && side > 0 ? Math.max(1, Math.min(target, Math.ceil(width / side))) : 1;
  const rows = height > 0 && side > 0 ? Math.max(1, Math.min(target, Math.ceil(height / side))) : 1;
  const scaleX = width > 0 ? columns / width : 0;
  const scaleY = height > 0 ? rows / height : 0;
  const grid: ZoneGrid = {
    minX,
    minY,
    maxX,
    maxY,
    columns,
    rows,
    scaleX,
    scaleY,
    cellStarts: new Uint32Array(columns * rows + 1),
    cellEntries: new Uint32Array(0),
  };

  let pairCells = new Uint32Array(Math.max(1024, partCount * 16));
  let pairEntries = new Uint32Array(pairCells.length);
  let marks = new Uint8Array(1024);
  let length = 0;
  for (let part = 0; part < partCount; part += 1) {
    const box = part * 4;
    if (!(partBoxes[box]! <= partBoxes[box + 2]! && partBoxes[box + 1]! <= partBoxes[box + 3]!)) continue;
    const spanColumns =
      cellOf(partBoxes[box + 2]!, minX, scaleX, columns) - cellOf(partBoxes[box]!, minX, scaleX, columns) + 1;
    const spanRows =
      cellOf(partBoxes[box + 3]!, minY, scaleY, rows) - cellOf(partBoxes[box + 1]!, minY, scaleY, rows) + 1;
    const span = spanColumns * spanRows;
    // A part lists each cell of its box at most once: room for that, grown by doubling.
    if (length + span > pairCells.length) {
      const grownCells = new Uint32Array(Math.max(pairCells.length * 2, length + span));
      grownCells.set(pairCells.subarray(0, length));
      pairCells = grownCells;
      const grownEntries = new Uint32Array(grownCells.length);
      grownEntries.set(pairEntries.subarray(0, length));
      pairEntries = grownEntries;
    }
    if (marks.length < span) marks = new Uint8Array(span * 2);
    length = addPart(source, grid, part, pairCells, pairEntries, length, marks);
  }

  // Counting sort by cell; stable, so each cell's entries stay in ascending part order.
  const cellCount = columns * rows;
  const cellStarts = grid.cellStarts;
  for (let pair = 0; pair < length; pair += 1) cellStarts[pairCells[pair]! + 1]! += 1;
  for (let cell = 0; cell < cellCount; cell += 1) cellStarts[cell + 1]! += cellStarts[cell]!;
  const cellEntries = new Uint32Array(length);
  const cursor = cellStarts.slice(0, cellCount);
  for (let pair = 0; pair < length; pair += 1) {
    const cell = pairCells[pair]!;
    cellEntries[cursor[cell]!] = pairEntries[pair]!;
    cursor[cell]! += 1;
  }
  grid.cellEntries = cellEntries;
  return grid;
}

/**
 * Lists part `part` in the cells it may touch, appending (cell, entry) pairs
 * at `length` (the caller made room for every cell of the part's box).
 * One call per part (rather than one long loop) lets V8 optimise it within
 * the first grid built. Returns the new length.
 */
function addPart(
  source: GridSource,
  grid: ZoneGrid,
  part: number,
  pairCells: Uint32Array,
  pairEntries: Uint32Array,
  start: number,
  marks: Uint8Array,
): number {
  const { coordinates, ringStarts, partRingStarts, partBoxes } = source;
  const { minX, minY, columns, rows, scaleX, scaleY } = grid;
  let length = start;
  const box = part * 4;
  const firstColumn = cellOf(partBoxes[box]!, minX, scaleX, columns);
  const lastColumn = cellOf(partBoxes[box + 2]!, minX, scaleX, columns);
  const firstRow = cellOf(partBoxes[box + 1]!, minY, scaleY, rows);
  const lastRow = cellOf(partBoxes[box + 3]!, minY, scaleY, rows);
  const spanColumns = lastColumn - firstColumn + 1;
  const spanRows = lastRow - firstRow + 1;
  const testEntry = part * 2;
  if (!partIsRegular(source, part)) {
    for (let row = firstRow; row <= lastRow; row += 1) {
      for (let column = firstColumn; column <= lastColumn; column += 1) {
        pairCells[length] = row * columns + column;
        pairEntries[length] = testEntry;
        length += 1;
      }
    }
    return length;
  }
  marks.fill(0, 0, spanColumns * spanRows);
  for (let ring = partRingStarts[part]!; ring < partRingStarts[part + 1]!; ring += 1) {
    const ringEnd = ringStarts[ring + 1]!;
    for (let vertex = ringStarts[ring]!; vertex + 1 < ringEnd; vertex += 1) {
      const x1 = coordinates[vertex * 2]!;
      const y1 = coordinates[vertex * 2 + 1]!;
      const x2 = coordinates[vertex * 2 + 2]!;
      const y2 = coordinates[vertex * 2 + 3]!;
      const columnFrom = cellOf(Math.min(x1, x2), minX, scaleX, columns) - firstColumn;
      const columnTo = cellOf(Math.max(x1, x2), minX, scaleX, columns) - firstColumn;
      const rowFrom = cellOf(Math.min(y1, y2), minY, scaleY, rows) - firstRow;
      const rowTo = cellOf(Math.max(y1, y2), minY, scaleY, rows) - firstRow;
      for (let row = rowFrom; row <= rowTo; row += 1) {
        const rowStart = row * spanColumns;
        for (let mark = rowStart + columnFrom; mark <= rowStart + columnTo; mark += 1) marks[mark] = 1;
      }
    }
  }
  for (let row = 0; row < spanRows; row += 1) {
    const centreY = scaleY === 0 ? minY : minY + (firstRow + row + 0.5) / scaleY;
    const centreRowOk = scaleY === 0 || cellOf(centreY, minY, scaleY, rows) === firstRow + row;
    let runInside = false;
    let runOpen = false;
    for (let column = 0; column < spanColumns; column += 1) {
      const cell = (firstRow + row) * columns + firstColumn + column;
      if (marks[row * spanColumns + column] === 1) {
        pairCells[length] = cell;
        pairEntries[length] = testEntry;
        length += 1;
        runOpen = false;
        continue;
      }
      if (!runOpen) {
        const centreX = scaleX === 0 ? minX : minX + (firstColumn + column + 0.5) / scaleX;
        const centreOk =
          centreRowOk && (scaleX === 0 || cellOf(centreX, minX, scaleX, columns) === firstColumn + column);
        if (!centreOk) {
          // The centre rounds into another cell: leave this cell to the exact test.
          pairCells[length] = cell;
          pairEntries[length] = testEntry;
          length += 1;
          continue;
        }
        runInside = bandedPartContains(source, part, centreX, centreY);
        runOpen = true;
      }
      if (runInside) {
        pairCells[length] = cell;
        pairEntries[length] = testEntry + 1;
        length += 1;
      }
    }
  }
  return length;
}

/** The cell holding (x, y), or −1 outside the grid (and for non-finite coordinates). */
export function gridCellAt(grid: ZoneGrid, x: number, y: number): number {
  if (!(x >= grid.minX && x <= grid.maxX && y >= grid.minY && y <= grid.maxY)) return -1;
  return (
    cellOf(y, grid.minY, grid.scaleY, grid.rows) * grid.columns +
    cellOf(x, grid.minX, grid.scaleX, grid.columns)
  );
}

/** Grids built so far, and the cell count each was sized to; keyed by the prepared zones, which stay immutable. */
const grids = new WeakMap<GridSource, { grid: ZoneGrid; target: number }>();

/**
 * The grid of `source` for a query of `pointCount` points: built on first
 * use, rebuilt finer when a larger query deserves at least twice the cells
 * (answers never depend on the grid, only the speed does).
 */
export function gridFor(source: GridSource, pointCount: number): ZoneGrid {
  const cached = grids.get(source);
  const partCount = source.partRingStarts.length - 1;
  const target = cellTarget(source.ringStarts[source.ringStarts.length - 1]!, partCount, pointCount);
  if (cached && target < cached.target * 2) return cached.grid;
  const grid = buildZoneGrid(source, pointCount);
  grids.set(source, { grid, target });
  return grid;
}
