#!/usr/bin/env node
// convert-natural-earth.mjs: makes data/map/central-asia.tsv, the borders the
// kiosk's map screen draws, from Natural Earth's Admin 0 countries as
// redistributed in TopoJSON by the npm package world-atlas.
//
// It is run by hand, once, when the map should change; the kiosk never runs
// it (it only reads the TSV, with plain parsing). It is not a general
// TopoJSON tool: it knows the countries around Central Asia and nothing
// else.
//
//   mkdir -p /tmp/atlas && cd /tmp/atlas && npm install world-atlas@2.0.2
//   node data/map/convert-natural-earth.mjs \
//       /tmp/atlas/node_modules/world-atlas/countries-50m.json \
//       > data/map/central-asia.tsv
//
// What it does: decodes the topology's shared arcs, simplifies each arc once
// (Douglas-Peucker, so two neighbours keep exactly the same border), builds
// each country's rings from the simplified arcs, clips them to a box around
// Central Asia (Sutherland-Hodgman) and writes lon/lat pairs with two
// decimals. Every country reaching into the box is kept, for context.
// Plain Node, no dependencies.

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

// The clipping box, in degrees: much wider than Central Asia, so that the
// kiosk's widest screen (1920x1080, whose conic view fans out at the
// corners) never shows the box's edge.
const BOX = { lon0: 30, lat0: 22, lon1: 115, lat1: 64 };
// Douglas-Peucker tolerance in degrees: under 3 km for borders near
// Central Asia (finer than a pixel at the kiosk's largest map), coarser
// for the far context at the edges.
const TOLERANCE = 0.025;
const TOLERANCE_FAR = 0.08;
const NEAR = { lon0: 44, lat0: 32, lon1: 92, lat1: 58 };
// Rings smaller than this (square degrees) after clipping are dropped:
// islets and slivers no student could see.
const MIN_AREA = 0.05;

// The five states the map is about (ISO 3166 numeric, as world-atlas
// writes ids).
const REGION = new Set(['398', '860', '795', '417', '762']);
// ISO 3166 numeric -> lower-case alpha-2, the course's country ids, for
// every country that reaches into the box. A country in the box that is
// missing here stops the conversion, so a new Natural Earth edition cannot
// slip in an unnamed one. Areas without an ISO code (Northern Cyprus, the
// Siachen Glacier) get "x-" and their name.
const ALPHA2 = {
  '004': 'af', '031': 'az', '048': 'bh', '050': 'bd', '051': 'am',
  '064': 'bt', '104': 'mm', '112': 'by', '156': 'cn', '196': 'cy',
  '246': 'fi', '268': 'ge', '275': 'ps', '344': 'hk', '356': 'in',
  '364': 'ir', '368': 'iq', '376': 'il', '398': 'kz', '400': 'jo',
  '414': 'kw', '417': 'kg', '418': 'la', '422': 'lb', '446': 'mo',
  '496': 'mn', '498': 'md', '512': 'om', '524': 'np', '586': 'pk',
  '634': 'qa', '643': 'ru', '682': 'sa', '704': 'vn', '729': 'sd',
  '760': 'sy', '762': 'tj', '784': 'ae', '792': 'tr', '795': 'tm',
  '804': 'ua', '818': 'eg', '860': 'uz',
};

function fail(msg) {
  process.stderr.write(`convert-natural-earth: ${msg}\n`);
  process.exit(1);
}

function decodeArcs(topo) {
  const [sx, sy] = topo.transform.scale;
  const [tx, ty] = topo.transform.translate;
  return topo.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => {
      x += dx; y += dy;
      return [x * sx + tx, y * sy + ty];
    });
  });
}

// Whether an arc comes near Central Asia (its bounding box meets NEAR).
function near(arc) {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const [x, y] of arc) {
    x0 = Math.min(x0, x); y0 = Math.min(y0, y);
    x1 = Math.max(x1, x); y1 = Math.max(y1, y);
  }
  return x1 >= NEAR.lon0 && x0 <= NEAR.lon1 && y1 >= NEAR.lat0 && y0 <= NEAR.lat1;
}

function segDist(p, a, b) {
  const dx = b[0] - a[0], dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  let t = len2 ? ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2 : 0;
  t = Math.max(0, Math.min(1, t));
  const ex = a[0] + t * dx - p[0], ey = a[1] + t * dy - p[1];
  return Math.sqrt(ex * ex + ey * ey);
}

// Douglas-Peucker keeping both end points (iterative: arcs can be long).
function simplify(pts, tol) {
  if (pts.length < 3) return pts.slice();
  const keep = new Uint8Array(pts.length);
  keep[0] = keep[pts.length - 1] = 1;
  const stack = [[0, pts.length - 1]];
  while (stack.length) {
    const [i, j] = stack.pop();
    let best = -1, dmax = 0;
    for (let k = i + 1; k < j; k++) {
      const d = segDist(pts[k], pts[i], pts[j]);
      if (d > dmax) { dmax = d; best = k; }
    }
    if (best >= 0 && dmax > tol) {
      keep[best] = 1;
      stack.push([i, best], [best, j]);
    }
  }
  return pts.filter((_, k) => keep[k]);
}

function ringFromArcs(arcs, idxs) {
  const ring = [];
  for (const i of idxs) {
    const arc = i >= 0 ? arcs[i] : arcs[~i].slice().reverse();
    arc.forEach((p, k) => { if (k > 0 || ring.length === 0) ring.push(p); });
  }
  return ring;
}

// Sutherland-Hodgman against one edge of the box at a time.
function clip(ring) {
  const edges = [
    [(p) => p[0] >= BOX.lon0, (a, b) => cut(a, b, 0, BOX.lon0)],
    [(p) => p[0] <= BOX.lon1, (a, b) => cut(a, b, 0, BOX.lon1)],
    [(p) => p[1] >= BOX.lat0, (a, b) => cut(a, b, 1, BOX.lat0)],
    [(p) => p[1] <= BOX.lat1, (a, b) => cut(a, b, 1, BOX.lat1)],
  ];
  let out = ring;
  for (const [inside, cross] of edges) {
    const input = out;
    out = [];
    for (let k = 0; k < input.length; k++) {
      const cur = input[k], prev = input[(k + input.length - 1) % input.length];
      if (inside(cur)) {
        if (!inside(prev)) out.push(cross(prev, cur));
        out.push(cur);
      } else if (inside(prev)) {
        out.push(cross(prev, cur));
      }
    }
    if (out.length === 0) break;
  }
  return out;
}

function cut(a, b, axis, v) {
  const t = (v - a[axis]) / (b[axis] - a[axis]);
  const p = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
  p[axis] = v;
  return p;
}

function area(ring) {
  let s = 0;
  for (let k = 0; k < ring.length; k++) {
    const [x0, y0] = ring[k], [x1, y1] = ring[(k + 1) % ring.length];
    s += x0 * y1 - x1 * y0;
  }
  return s / 2;
}

// Area centroid of a ring: where the country's name goes.
function centroid(ring) {
  let cx = 0, cy = 0, a = 0;
  for (let k = 0; k < ring.length; k++) {
    const [x0, y0] = ring[k], [x1, y1] = ring[(k + 1) % ring.length];
    const f = x0 * y1 - x1 * y0;
    a += f; cx += (x0 + x1) * f; cy += (y0 + y1) * f;
  }
  return [cx / (3 * a), cy / (3 * a)];
}

function fmt(v) {
  // Two decimals, without trailing zeros: 71.4, 51.17, 60.
  return String(Math.round(v * 100) / 100);
}

function main() {
  const file = process.argv[2];
  if (!file) fail('usage: node convert-natural-earth.mjs countries-50m.json > central-asia.tsv');
  let topo;
  try {
    topo = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    fail(`${file}: ${e.message}`);
  }
  if (topo.type !== 'Topology' || !topo.objects?.countries) {
    fail(`${file}: not a world-atlas countries topology`);
  }
  const arcs = decodeArcs(topo).map((a) => simplify(a, near(a) ? TOLERANCE : TOLERANCE_FAR));

  const out = [];
  out.push('# central-asia.tsv: country borders around Central Asia for the kiosk map.');
  out.push('# Source: Natural Earth 1:50m Admin 0 countries, v4.1.0 (public domain),');
  out.push('# via the npm package world-atlas 2.0.2 (' + basename(file) + ').');
  out.push('# Generated, do not edit: see data/map/README.md. Regenerate with');
  out.push('#   node data/map/convert-natural-earth.mjs ' +
           'node_modules/world-atlas/countries-50m.json > data/map/central-asia.tsv');
  out.push(`# Simplified to ${TOLERANCE} deg near Central Asia, ${TOLERANCE_FAR} deg further out;`);
  out.push(`# clipped to the box below; rings under ${MIN_AREA} sq deg dropped.`);
  out.push('# Rows (tab-separated):');
  out.push('#   box      lon0 lat0 lon1 lat1');
  out.push('#   country  id  name  in_region(0/1)  label_lon  label_lat');
  out.push('#   ring     id  index  "lon lat lon lat ..." (closed implicitly)');
  out.push(['box', BOX.lon0, BOX.lat0, BOX.lon1, BOX.lat1].join('\t'));

  for (const g of topo.objects.countries.geometries) {
    const polys = g.type === 'Polygon' ? [g.arcs]
                : g.type === 'MultiPolygon' ? g.arcs : [];
    const rings = [];
    for (const poly of polys) {
      // Only outer rings: a hole in this region would be a lake, and the
      // countries file keeps lakes inside the land.
      const ring = clip(ringFromArcs(arcs, poly[0]));
      if (ring.length >= 3 && Math.abs(area(ring)) >= MIN_AREA) rings.push(ring);
    }
    if (rings.length === 0) continue;
    const name = g.properties.name;
    let id;
    if (g.id === undefined) {
      id = 'x-' + name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    } else if (ALPHA2[g.id]) {
      id = ALPHA2[g.id];
    } else {
      fail(`${file}: ${name} (${g.id}) reaches into the box but has no alpha-2 id in ALPHA2`);
    }
    const largest = rings.reduce((a, b) => (Math.abs(area(a)) >= Math.abs(area(b)) ? a : b));
    const [lx, ly] = centroid(largest);
    out.push(['country', id, name, REGION.has(g.id) ? 1 : 0, fmt(lx), fmt(ly)].join('\t'));
    rings.forEach((ring, k) => {
      const pts = ring.map(([x, y]) => `${fmt(x)} ${fmt(y)}`).join(' ');
      out.push(['ring', id, k, pts].join('\t'));
    });
  }
  process.stdout.write(out.join('\n') + '\n');
}

main();
