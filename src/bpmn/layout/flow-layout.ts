// Lays out one process or sub-process: the layered layout places and routes the graph; lanes, when present, move
// nodes into bands and the column router re-routes the flows; expanded sub-processes are laid out first and nested.
import { readContainer, type ContainerContent, type Link } from './container.ts';
import { layoutFlowGraph, type NodeSize } from './flow-graph.ts';
import type { Block, PlacedEdge, PlacedShape, Point, Rect } from './geometry.ts';
import { segmentCrossesRect, translateBlock, unionRect } from './geometry.ts';
import { GridIndex, LineIndex, segmentBox } from './grid-index.ts';
import { laneIndexOf, laneRects, placeInBands, readLanes, type BandInput } from './lanes.ts';
import { SATELLITE_GAP, boundaryOffsets, satelliteShelf } from './node-room.ts';
import { routeRoom, shiftPlaced } from './route-room.ts';
import { AssociationRouter, ColumnRouter, findColumns, simplify, type VerticalPort } from './routes.ts';
import { portOn, sideAt, wantedSide } from './side-ports.ts';
import { LANE_HEADER, SUBPROCESS_PADDING, defaultSize, externalLabelText, is, isExpandable, labelBoxBelow } from './sizes.ts';
import type { BpmnElement } from '../model.ts';

const BOUNDARY_SIZE = 36;
/** Room kept below a host so flows leaving its boundary events can turn. */
const BOUNDARY_ROOM = 40;
const MIN_SUBPROCESS = { width: 140, height: 100 };

export interface FlowLayoutOptions {
  /** Artifacts of an enclosing collaboration that belong to this process's nodes. */
  extraArtifacts?: BpmnElement[];
  /** Lay out the container's lane sets as bands (processes only). */
  laneSets?: BpmnElement[];
}

export function layoutFlow(container: BpmnElement, options: FlowLayoutOptions = {}): Block {
  const content = readContainer(container, options.extraArtifacts);
  const sizes = new Map<BpmnElement, NodeSize>();
  const nested = new Map<BpmnElement, Block>();
  for (const element of content.nodes) {
    if (isExpandable(element)) {
      const inner = layoutFlow(element);
      nested.set(element, inner);
      sizes.set(element, {
        width: Math.max(MIN_SUBPROCESS.width, inner.width),
        height: Math.max(MIN_SUBPROCESS.height, inner.height + SUBPROCESS_PADDING.top - 20),
      });
    } else {
      sizes.set(element, defaultSize(element));
    }
  }
  const graph = layoutFlowGraph(content, sizes);
  const lanes = readLanes(options.laneSets);
  const block =
    lanes.leaves.length > 0
      ? placeWithLanes(content, graph.nodes, graph.edges, lanes)
      : placeFree(content, graph.nodes, graph.edges, graph.edgeLabels, graph.width, graph.height);

  for (const [element, inner] of nested) {
    const host = block.shapes.find((s) => s.element === element)!;
    host.isExpanded = true;
    translateBlock(inner, host.bounds.x, host.bounds.y + SUBPROCESS_PADDING.top - 20);
    block.shapes.push(...inner.shapes);
    block.edges.push(...inner.edges);
  }
  placeGroups(content, block);
  return block;
}

function nodeShape(element: BpmnElement, bounds: Rect): PlacedShape {
  const text = externalLabelText(element);
  const shape: PlacedShape = { element, bounds };
  if (text) shape.label = labelBoxBelow(text, { x: bounds.x + bounds.width / 2, y: bounds.y + bounds.height });
  return shape;
}

function boundaryShapes(content: ContainerContent, rects: Map<BpmnElement, Rect>): PlacedShape[] {
  const shapes: PlacedShape[] = [];
  for (const [host, events] of content.boundary) {
    const hostRect = rects.get(host);
    if (!hostRect) continue;
    boundaryOffsets(hostRect.width, events.length).forEach((offset, i) => {
      const bounds = {
        x: Math.round(hostRect.x + offset - BOUNDARY_SIZE / 2),
        y: Math.round(hostRect.y + hostRect.height - BOUNDARY_SIZE / 2),
        width: BOUNDARY_SIZE,
        height: BOUNDARY_SIZE,
      };
      shapes.push(nodeShape(events[i]!, bounds));
    });
  }
  return shapes;
}

/** Data objects, stores and annotations in a row above the node they belong to, in the room the layout kept free. */
function satelliteShapes(content: ContainerContent, rects: Map<BpmnElement, Rect>): PlacedShape[] {
  const shapes: PlacedShape[] = [];
  for (const [anchor, list] of content.satellites) {
    const host = rects.get(anchor);
    if (!host) continue;
    const shelf = satelliteShelf(list);
    const left = host.x + host.width / 2 - shelf.width / 2;
    for (const slot of shelf.slots) {
      const text = externalLabelText(slot.element);
      const labelRoom = text ? labelBoxBelow(text, { x: 0, y: 0 }).height + 4 : 0;
      const bounds = {
        x: Math.round(left + slot.x),
        y: Math.round(host.y - SATELLITE_GAP - labelRoom - slot.height),
        width: slot.width,
        height: slot.height,
      };
      shapes.push(nodeShape(slot.element, bounds));
    }
  }
  return shapes;
}

/** No lanes: the graph's positions and routes are kept; flows out of boundary events start at the event's bottom. */
function placeFree(
  content: ContainerContent,
  rects: Map<BpmnElement, Rect>,
  routes: Map<BpmnElement, Point[]>,
  edgeLabels: Map<BpmnElement, Rect>,
  width: number,
  height: number,
): Block {
  const shapes = content.nodes.map((element) => nodeShape(element, rects.get(element)!));
  shapes.push(...boundaryShapes(content, rects));
  shapes.push(...satelliteShapes(content, rects));
  const all = new Map<BpmnElement, Rect>(shapes.map((s) => [s.element, s.bounds]));
  const drawn = new LineIndex();
  const placed = new Map<Link, PlacedEdge>();
  for (const link of content.links) {
    const route = routes.get(link.element);
    if (!route) continue;
    let waypoints = route.map((p) => ({ x: Math.round(p.x), y: Math.round(p.y) }));
    if (is(link.from, 'bpmn:BoundaryEvent')) waypoints = startBelow(waypoints);
    const edge: PlacedEdge = { element: link.element, waypoints: simplify(waypoints) };
    const label = edgeLabels.get(link.element);
    if (label) edge.label = { ...label, x: Math.round(label.x), y: Math.round(label.y) };
    placed.set(link, edge);
    drawn.add(edge.waypoints);
  }
  // Associations last, so that they can keep clear of every flow.
  const rest = content.links.filter((link) => !placed.has(link) && all.has(link.from) && all.has(link.to));
  if (rest.length > 0) {
    const associations = new AssociationRouter([...all.values()], drawn);
    for (const link of rest) associations.route(all.get(link.from)!, all.get(link.to)!);
    associations.improve().forEach((waypoints, i) => placed.set(rest[i]!, { element: rest[i]!.element, waypoints }));
  }
  const edges = content.links.flatMap((link) => placed.get(link) ?? []);
  return { width: Math.round(width), height: Math.round(height), shapes, edges };
}

/** Boundary flows start on the host's border; move the start to the event's bottom, keeping it orthogonal. */
function startBelow(points: Point[]): Point[] {
  const first = points[0];
  const second = points[1];
  if (!first || !second) return points;
  const start = { x: first.x, y: first.y + BOUNDARY_SIZE / 2 };
  if (second.x === first.x && second.y >= start.y + 5) return [start, ...points.slice(1)];
  // The route turned within the event's height: run that horizontal stretch a little lower instead.
  const runY = second.x === first.x ? second.y : first.y;
  const y = start.y + 15;
  const out: Point[] = [start, { x: start.x, y }];
  let i = 1;
  while (i < points.length && points[i]!.y === runY) {
    const p = points[i]!;
    if (i === points.length - 1) {
      // The run ends in the target's side: step back up to it just before the border.
      const dir = Math.sign(p.x - start.x) || 1;
      out.push({ x: p.x - 12 * dir, y }, { x: p.x - 12 * dir, y: p.y }, p);
      return simplify(out);
    }
    out.push({ x: p.x, y });
    i++;
  }
  return simplify([...out, ...points.slice(i)]);
}

function placeWithLanes(
  content: ContainerContent,
  graphRects: Map<BpmnElement, Rect>,
  graphRoutes: Map<BpmnElement, Point[]>,
  lanes: ReturnType<typeof readLanes>,
): Block {
  const index = laneIndexOf(lanes.leaves);
  const laneOf = (element: BpmnElement): number => {
    const own = index.get(element);
    if (own !== undefined) return own;
    for (const link of content.links) {
      const other = link.from === element ? link.to : link.to === element ? link.from : null;
      const host = other && is(other, 'bpmn:BoundaryEvent') ? other.attachedToRef : other;
      const lane = host ? index.get(host) : undefined;
      if (lane !== undefined) return lane;
    }
    return 0;
  };
  const offsetX = (lanes.maxDepth + 1) * LANE_HEADER;
  const inputs: BandInput[] = content.nodes.map((element) => {
    const r = graphRects.get(element)!;
    const text = externalLabelText(element);
    const labelRoom = text ? labelBoxBelow(text, { x: 0, y: 0 }).height + 8 : 0;
    const boundaryRoom = content.boundary.has(element) ? BOUNDARY_ROOM : 0;
    const above = satelliteShelf(content.satellites.get(element) ?? []).height;
    return { element, bounds: { ...r, x: Math.round(r.x + offsetX) }, lane: laneOf(element), below: Math.max(labelRoom, boundaryRoom), above };
  });
  const { bands } = placeInBands(inputs, lanes.leaves.length);
  const rects = new Map<BpmnElement, Rect>(inputs.map((n) => [n.element, n.bounds]));
  const shapes = content.nodes.map((element) => nodeShape(element, rects.get(element)!));
  const boundary = boundaryShapes(content, rects);
  const satellites = satelliteShapes(content, rects);
  shapes.push(...boundary, ...satellites);
  for (const b of [...boundary, ...satellites]) rects.set(b.element, b.bounds);

  const nodeRects = content.nodes.map((n) => rects.get(n)!);
  const obstacles = [...nodeRects, ...boundary.map((b) => b.bounds)];
  const router = new ColumnRouter(findColumns(nodeRects), obstacles);
  const moved = new Map<BpmnElement, BandInput>(inputs.map((n) => [n.element, n]));
  const clusterOf = (el: BpmnElement) => {
    const host = is(el, 'bpmn:BoundaryEvent') ? el.attachedToRef : el;
    return host ? moved.get(host) : undefined;
  };
  // The graph's routes that survive the move go first, so the routes drawn around them can avoid crossing them.
  const kept = new Map<Link, Point[]>();
  for (const link of content.links) {
    const from = rects.get(link.from);
    const to = rects.get(link.to);
    const a = clusterOf(link.from);
    const b = clusterOf(link.to);
    const graphRoute = graphRoutes.get(link.element);
    if (!from || !to || !a || !b || a.cluster !== b.cluster || !graphRoute) continue;
    const own: [Rect, Rect, Rect | undefined] = [from, to, link.from.attachedToRef ? rects.get(link.from.attachedToRef) : undefined];
    const route = keepRoute(graphRoute, offsetX, a.dy ?? 0, router.index, own);
    if (!route) continue;
    const waypoints = is(link.from, 'bpmn:BoundaryEvent') ? simplify(startBelow(route)) : route;
    kept.set(link, waypoints);
  }
  const isAssociation = (link: Link) => link.kind === 'association' || is(link.to, 'bpmn:BoundaryEvent');
  // A node some of whose flows are routed anew gets its ports chosen anew: its kept flows through the top or bottom
  // (chosen for the layered layout's positions, not the lanes') and those back to the left (which the ports give the
  // bottom first) are routed again with them.
  const anew = new Set<BpmnElement>();
  for (const link of content.links) {
    if (kept.has(link) || isAssociation(link)) continue;
    anew.add(link.from);
    anew.add(link.to);
  }
  // A flow routed anew makes its ends' other flows candidates too, until no more are.
  for (let changed = true; changed; ) {
    changed = false;
    for (const [link, route] of kept) {
      const vertical = (node: BpmnElement, p: Point) => anew.has(node) && ['top', 'bottom'].includes(sideAt(p, rects.get(node)!));
      const back = rects.get(link.to)!.x <= rects.get(link.from)!.x && (anew.has(link.from) || anew.has(link.to));
      if (link.kind !== 'sequence' || !(back || vertical(link.from, route[0]!) || vertical(link.to, route[route.length - 1]!))) continue;
      kept.delete(link);
      anew.add(link.from).add(link.to);
      changed = true;
    }
  }
  for (const route of kept.values()) router.addRoute(route);
  const routed = new Map<Link, Point[]>(kept);
  // Sides of each node already taken by its flows (one side serves flows leaving or entering, never both); a node
  // with several flows out (in) gets vertical ports.
  const flowsOut = new Map<BpmnElement, number>();
  const flowsIn = new Map<BpmnElement, number>();
  const taken = new Map<BpmnElement, Set<string>>();
  const take = (node: BpmnElement, key: string) => (taken.get(node) ?? taken.set(node, new Set()).get(node)!).add(key);
  for (const link of content.links) {
    if (isAssociation(link) || is(link.from, 'bpmn:BoundaryEvent')) continue;
    flowsOut.set(link.from, (flowsOut.get(link.from) ?? 0) + 1);
    flowsIn.set(link.to, (flowsIn.get(link.to) ?? 0) + 1);
    const route = kept.get(link);
    if (!route) continue;
    take(link.from, sideAt(route[0]!, rects.get(link.from)!));
    take(link.to, sideAt(route[route.length - 1]!, rects.get(link.to)!));
  }
  const closed = (node: BpmnElement, side: 'top' | 'bottom') =>
    side === 'top' ? (content.satellites.get(node)?.length ?? 0) > 0 : (content.boundary.get(node)?.length ?? 0) > 0;
  const toRoute = content.links.filter((link) => rects.has(link.from) && rects.has(link.to) && !routed.has(link) && !isAssociation(link));
  // Of the flows wanting one side, the one whose other end is farthest takes it (the others, routed through the
  // channel beside the node, then turn nearer and cross none of it) — if it can go straight out of the port and turn
  // once into its other end, as drawn by hand; else the next one may.
  const ports = new Map<Link, { exit?: VerticalPort; entry?: VerticalPort }>();
  // A flow entering a node from above (below, or back round below) is better there than the flow out that took the
  // side, when that one can leave east instead: the node's east is unused and its other flows out have ports. Then
  // neither flow in shares the west with another.
  const exitYielding = (node: BpmnElement, side: string): Link | undefined => {
    if (taken.get(node)?.has('east')) return undefined;
    const outs = toRoute.filter((l) => l.from === node);
    if (outs.length !== flowsOut.get(node)) return undefined;
    const exitSide = (l: Link) => {
      const exit = ports.get(l)?.exit;
      return exit ? sideAt(exit.point, rects.get(node)!) : null;
    };
    const holder = outs.find((l) => exitSide(l) === side);
    return holder && outs.every((l) => l === holder || ports.get(l)?.exit) ? holder : undefined;
  };
  for (const end of ['out', 'in'] as const) {
    const wanting = toRoute
      // One port per flow, but a flow back may leave and enter through the bottoms, going round below both shapes.
      .filter((link) => !is(link.from, 'bpmn:BoundaryEvent') && (!ports.has(link) || rects.get(link.to)!.x <= rects.get(link.from)!.x))
      .map((link) => {
        const [node, other] = end === 'out' ? [link.from, link.to] : [link.to, link.from];
        const here = rects.get(node)!;
        const there = rects.get(other)!;
        const back = rects.get(link.to)!.x <= rects.get(link.from)!.x;
        return { link, node, back, side: wantedSide(here, there, back), distance: Math.abs(there.y + there.height / 2 - (here.y + here.height / 2)) };
      })
      .filter((w) => w.side !== null && (end === 'out' ? flowsOut : flowsIn).get(w.node)! >= 2)
      // Flows back first: going round below, through any other side they would cross the flows that come from there.
      .sort((a, b) => Number(b.back) - Number(a.back) || b.distance - a.distance);
    for (const { link, node, side } of wanting) {
      if (closed(node, side!) || (taken.get(node)?.has(side!) && (end === 'out' || !exitYielding(node, side!)))) continue;
      const port = portOn(rects.get(node)!, side!, end === 'out');
      const from = rects.get(link.from)!;
      const to = rects.get(link.to)!;
      if (to.x > from.x) {
        const start = end === 'out' ? port.point : { x: from.x + from.width, y: from.y + from.height / 2 };
        const stop = end === 'in' ? port.point : { x: to.x, y: to.y + to.height / 2 };
        const corner = end === 'out' ? { x: start.x, y: stop.y } : { x: stop.x, y: start.y };
        if (!router.clear([start, corner, stop], [from, to])) continue;
      }
      const yielding = taken.get(node)?.has(side!) ? exitYielding(node, side!) : undefined;
      if (yielding) {
        // Its other flows out leave through the top and bottom, so this one can take the east and leave the side free.
        ports.set(yielding, { entry: ports.get(yielding)!.entry! });
        taken.get(node)!.delete(side!);
        take(node, 'east');
      }
      take(node, side!);
      ports.set(link, end === 'out' ? { exit: port } : { ...ports.get(link), entry: port });
    }
  }
  for (const link of toRoute) {
    const from = rects.get(link.from)!;
    const to = rects.get(link.to)!;
    if (is(link.from, 'bpmn:BoundaryEvent')) {
      const host = rects.get(link.from.attachedToRef!)!;
      routed.set(link, router.route(host, to, { x: from.x + from.width / 2, y: from.y + from.height }, true));
    } else {
      routed.set(link, router.route(from, to, { x: from.x + from.width, y: from.y + from.height / 2 }, false, ports.get(link)));
    }
  }
  // Associations last, so that they can keep clear of every flow.
  const rest = content.links.filter((link) => isAssociation(link) && rects.has(link.from) && rects.has(link.to));
  if (rest.length > 0) {
    const associations = new AssociationRouter([...rects.values()], router.drawn);
    for (const link of rest) associations.route(rects.get(link.from)!, rects.get(link.to)!);
    associations.improve().forEach((waypoints, i) => routed.set(rest[i]!, waypoints));
  }
  const edges: PlacedEdge[] = content.links.flatMap((link) => {
    const waypoints = routed.get(link);
    return waypoints ? [{ element: link.element, waypoints }] : [];
  });
  let right = Math.max(offsetX + 200, ...nodeRects.map((r) => r.x + r.width)) + 30;
  // A route round the shapes that ran past the outermost band or into the headers: grow the bands, move the content.
  const room = routeRoom(edges, offsetX, right, bands.reduce((sum, b) => sum + b.height, 0));
  shiftPlaced(shapes, edges, room.dx, room.dy);
  right += room.dx + room.right;
  bands.forEach((b, i) => (b.y += i > 0 ? room.dy : 0));
  bands[0]!.height += room.dy;
  bands[bands.length - 1]!.height += room.bottom;
  const height = bands.reduce((sum, b) => sum + b.height, 0);
  const laneShapes = laneRects(lanes.all, lanes.leaves, bands, right);
  for (const info of lanes.all) shapes.push({ element: info.lane, bounds: laneShapes.get(info.lane)!, isHorizontal: true });
  return { width: right, height, shapes, edges };
}

/** The graph's route moved with its cluster, or null when it now runs through a shape (other than its own ends). */
function keepRoute(route: Point[], dx: number, dy: number, obstacles: GridIndex<Rect>, own: [Rect, Rect, Rect | undefined]): Point[] | null {
  const points = route.map((p) => ({ x: Math.round(p.x + dx), y: Math.round(p.y + dy) }));
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    // Margin 3 covers the -2 inset of the test.
    if (obstacles.some(segmentBox(a, b), 3, (o) => o !== own[0] && o !== own[1] && o !== own[2] && segmentCrossesRect(a, b, o, -2))) return null;
  }
  return simplify(points);
}

/** Groups carry no membership in BPMN; each is drawn around its container's nodes, nested groups a little wider. */
function placeGroups(content: ContainerContent, block: Block): void {
  if (content.groups.length === 0) return;
  const nodes = new Set<BpmnElement>(content.nodes);
  const members = block.shapes.filter((s) => nodes.has(s.element)).map((s) => s.bounds);
  const around = unionRect(members);
  if (!around) return;
  content.groups.forEach((group, i) => {
    const margin = 12 + i * 8;
    block.shapes.push({
      element: group,
      bounds: {
        x: Math.round(around.x - margin),
        y: Math.round(around.y - margin),
        width: Math.round(around.width + 2 * margin),
        height: Math.round(around.height + 2 * margin),
      },
    });
  });
}
