/**
 * Rebuilding a form page's structure from geometry: which drawn lines are table rulings and which are
 * checkboxes, the tables' cells (merged cells included, tables nested in cells too), and inside each cell
 * and outside the tables the lines and paragraphs of text.
 *
 * Pure functions of a page's geometry (`PdfPage`): no PDF.js here, so that the layout is tested with hand-made pages.
 */
import type { Glyph, Segment } from './pdf-document.ts';

/** Distance (points) under which two coordinates are the same line. */
const SNAP = 1.6;

/** A rectangle, y growing downwards. */
export interface Rect {
  /** Left. */
  left: number;
  /** Top. */
  top: number;
  /** Right. */
  right: number;
  /** Bottom. */
  bottom: number;
}

/** A checkbox drawn as a small square (not a glyph), and what is inside it. */
export interface DrawnBox extends Rect {
  /** The glyphs inside the square (a tick, a cross, a space, or nothing). */
  inside: Glyph[];
}

/** A table cell: its rectangle, and the tables nested in it. */
export interface TableCell extends Rect {
  /** Index of the row band the cell starts in. */
  row: number;
  /** Index of the column band the cell starts in. */
  column: number;
  /** Tables drawn inside the cell. */
  nested: Table[];
}

/** A table: its cells in reading order (by starting row, then left to right). */
export interface Table extends Rect {
  /** Cells, merged cells as one. */
  cells: TableCell[];
}

function horizontal(segment: Segment): boolean {
  return Math.abs(segment.y1 - segment.y2) < 0.5;
}

/**
 * Joins collinear pieces of a ruling (producers draw each cell's border separately) and drops exact
 * duplicates.
 */
export function mergeSegments(segments: readonly Segment[]): Segment[] {
  const join = (list: Segment[], isH: boolean): Segment[] => {
    const sorted = [...list].sort((a, b) => (isH ? a.y1 - b.y1 || a.x1 - b.x1 : a.x1 - b.x1 || a.y1 - b.y1));
    const merged: Segment[] = [];
    for (const segment of sorted) {
      const match = merged.find((other) =>
        isH ? Math.abs(other.y1 - segment.y1) < SNAP && segment.x1 <= other.x2 + SNAP && segment.x2 >= other.x1 - SNAP : Math.abs(other.x1 - segment.x1) < SNAP && segment.y1 <= other.y2 + SNAP && segment.y2 >= other.y1 - SNAP,
      );
      if (!match) merged.push({ ...segment });
      else if (isH) {
        match.x1 = Math.min(match.x1, segment.x1);
        match.x2 = Math.max(match.x2, segment.x2);
      } else {
        match.y1 = Math.min(match.y1, segment.y1);
        match.y2 = Math.max(match.y2, segment.y2);
      }
    }
    return merged;
  };
  return [...join(segments.filter(horizontal), true), ...join(segments.filter((segment) => !horizontal(segment)), false)];
}

/**
 * Finds checkboxes drawn as small squares (four edges 5–16 pt long, about as wide as high) and returns them
 * with the segments that are left: the rulings.
 */
export function findDrawnBoxes(segments: readonly Segment[], glyphs: readonly Glyph[]): { boxes: DrawnBox[]; rest: Segment[] } {
  const hs = segments.filter(horizontal);
  const vs = segments.filter((segment) => !horizontal(segment));
  const used = new Set<Segment>();
  const boxes: DrawnBox[] = [];
  const small = (length: number): boolean => length >= 4.5 && length <= 16;
  for (const top of hs) {
    if (used.has(top) || !small(top.x2 - top.x1)) continue;
    const side = top.x2 - top.x1;
    const bottom = hs.find((other) => other !== top && !used.has(other) && Math.abs(other.x1 - top.x1) < SNAP && Math.abs(other.x2 - top.x2) < SNAP && other.y1 > top.y1 && Math.abs(other.y1 - top.y1 - side) < side * 0.35);
    if (!bottom) continue;
    const edge = (x: number): Segment | undefined => vs.find((v) => !used.has(v) && Math.abs(v.x1 - x) < SNAP && Math.abs(v.y1 - top.y1) < SNAP && Math.abs(v.y2 - bottom.y1) < SNAP);
    const left = edge(top.x1);
    const right = edge(top.x2);
    if (!left || !right) continue;
    for (const segment of [top, bottom, left, right]) used.add(segment);
    const rect = { left: top.x1, top: top.y1, right: top.x2, bottom: bottom.y1 };
    boxes.push({ ...rect, inside: glyphs.filter((glyph) => within(glyphCentre(glyph), rect, 0.5)) });
  }
  return { boxes, rest: segments.filter((segment) => !used.has(segment)) };
}

/** The point a glyph is placed by: the middle of its advance, a third of the em above the baseline. */
export function glyphCentre(glyph: Glyph): { x: number; y: number } {
  return { x: glyph.x + glyph.width / 2, y: glyph.y - glyph.size * 0.35 };
}

function within(point: { x: number; y: number }, rect: Rect, slack = 0): boolean {
  return point.x >= rect.left - slack && point.x <= rect.right + slack && point.y >= rect.top - slack && point.y <= rect.bottom + slack;
}

/** Whether a horizontal and a vertical segment touch or cross. */
function touches(h: Segment, v: Segment): boolean {
  return v.x1 >= h.x1 - SNAP && v.x1 <= h.x2 + SNAP && h.y1 >= v.y1 - SNAP && h.y1 <= v.y2 + SNAP;
}

/** Clusters sorted coordinates that lie within {@link SNAP} of each other; returns the cluster means. */
function clusterCoordinates(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const value of sorted) {
    const last = out.at(-1);
    if (last && value - (last.at(-1) ?? value) < SNAP) last.push(value);
    else out.push([value]);
  }
  return out.map((group) => group.reduce((sum, value) => sum + value, 0) / group.length);
}

/**
 * Builds tables from rulings. A horizontal ruling counts only when both its ends meet vertical rulings (so
 * an underline is not a row border), and vice versa. Connected rulings form a grid; the grid's atomic
 * cells are joined wherever the line between them is not drawn, which gives merged cells back. A table
 * drawn inside another table's cell becomes that cell's nested table.
 */
export function buildTables(segments: readonly Segment[]): Table[] {
  const merged = mergeSegments(segments);
  let hs = merged.filter(horizontal);
  let vs = merged.filter((segment) => !horizontal(segment));
  hs = hs.filter((h) => vs.some((v) => touches(h, v) && Math.abs(v.x1 - h.x1) < SNAP * 2) && vs.some((v) => touches(h, v) && Math.abs(v.x1 - h.x2) < SNAP * 2));
  vs = vs.filter((v) => hs.some((h) => touches(h, v) && Math.abs(h.y1 - v.y1) < SNAP * 2) && hs.some((h) => touches(h, v) && Math.abs(h.y1 - v.y2) < SNAP * 2));
  // Connected components of the rulings.
  const all = [...hs, ...vs];
  const parent = all.map((_, index) => index);
  const find = (index: number): number => {
    let root = index;
    while (parent[root] !== root) root = parent[root] ?? root;
    parent[index] = root;
    return root;
  };
  hs.forEach((h, i) => {
    vs.forEach((v, j) => {
      if (touches(h, v)) parent[find(i)] = find(hs.length + j);
    });
  });
  const components = new Map<number, Segment[]>();
  all.forEach((segment, index) => {
    const root = find(index);
    const list = components.get(root) ?? [];
    list.push(segment);
    components.set(root, list);
  });
  const tables: Table[] = [];
  for (const list of components.values()) {
    const table = gridTable(list.filter(horizontal), list.filter((segment) => !horizontal(segment)));
    if (table) tables.push(table);
  }
  return nestTables(tables);
}

function gridTable(hs: readonly Segment[], vs: readonly Segment[]): Table | undefined {
  if (hs.length < 2 || vs.length < 2) return undefined;
  const ys = clusterCoordinates(hs.map((h) => h.y1));
  const xs = clusterCoordinates(vs.map((v) => v.x1));
  if (ys.length < 2 || xs.length < 2) return undefined;
  const rows = ys.length - 1;
  const columns = xs.length - 1;
  const id = (r: number, c: number): number => r * columns + c;
  const parent = Array.from({ length: rows * columns }, (_, index) => index);
  const find = (index: number): number => {
    let root = index;
    while (parent[root] !== root) root = parent[root] ?? root;
    parent[index] = root;
    return root;
  };
  const drawnV = (x: number, y0: number, y1: number): boolean => vs.some((v) => Math.abs(v.x1 - x) < SNAP && v.y1 <= (y0 + y1) / 2 && v.y2 >= (y0 + y1) / 2);
  const drawnH = (y: number, x0: number, x1: number): boolean => hs.some((h) => Math.abs(h.y1 - y) < SNAP && h.x1 <= (x0 + x1) / 2 && h.x2 >= (x0 + x1) / 2);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const [x0, x1, y0, y1] = [xs[c] ?? 0, xs[c + 1] ?? 0, ys[r] ?? 0, ys[r + 1] ?? 0];
      if (c + 1 < columns && !drawnV(x1, y0, y1)) parent[find(id(r, c + 1))] = find(id(r, c));
      if (r + 1 < rows && !drawnH(y1, x0, x1)) parent[find(id(r + 1, c))] = find(id(r, c));
    }
  }
  const cells = new Map<number, TableCell>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const root = find(id(r, c));
      const [x0, x1, y0, y1] = [xs[c] ?? 0, xs[c + 1] ?? 0, ys[r] ?? 0, ys[r + 1] ?? 0];
      const cell = cells.get(root);
      if (cell) {
        cell.left = Math.min(cell.left, x0);
        cell.right = Math.max(cell.right, x1);
        cell.top = Math.min(cell.top, y0);
        cell.bottom = Math.max(cell.bottom, y1);
      } else cells.set(root, { left: x0, right: x1, top: y0, bottom: y1, row: r, column: c, nested: [] });
    }
  }
  const ordered = [...cells.values()].sort((a, b) => a.row - b.row || a.column - b.column);
  return { left: xs[0] ?? 0, right: xs.at(-1) ?? 0, top: ys[0] ?? 0, bottom: ys.at(-1) ?? 0, cells: ordered };
}

function area(rect: Rect): number {
  return (rect.right - rect.left) * (rect.bottom - rect.top);
}

function contains(outer: Rect, inner: Rect): boolean {
  return inner.left >= outer.left - SNAP && inner.right <= outer.right + SNAP && inner.top >= outer.top - SNAP && inner.bottom <= outer.bottom + SNAP;
}

/** Moves each table that lies inside another table's cell into that cell; returns the top-level tables. */
function nestTables(tables: Table[]): Table[] {
  const bySize = [...tables].sort((a, b) => area(a) - area(b));
  const top: Table[] = [];
  bySize.forEach((table, index) => {
    let home: TableCell | undefined;
    for (const outer of bySize.slice(index + 1)) {
      const cell = outer.cells.find((candidate) => contains(candidate, table));
      if (cell && (!home || area(cell) < area(home))) home = cell;
    }
    if (home) home.nested.push(table);
    else top.push(table);
  });
  return top.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Whether a glyph lies inside a rectangle (by its centre). */
export function glyphIn(glyph: Glyph, rect: Rect): boolean {
  return within(glyphCentre(glyph), rect);
}
