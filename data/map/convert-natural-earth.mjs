#!/usr/bin/env node
// convert-natural-earth.mjs: makes data/map/central-asia.tsv, the borders the
// kiosk's map screen draws, from Natural Earth's Admin 0 countries as
// redistributed in TopoJSON by the npm package world-atlas.
//
// It is run by hand, once, when the map should change; the kiosk never runs
// it (it only reads the TSV, with plain parsing). It is not a general
// TopoJSON tool: it knows the few countries around Central Asia and nothing
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
// decimals. Plain Node, no dependencies.

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

// The clipping box, in degrees: wider than the view the kiosk shows, so a
// conic projection's curved box edges stay off screen.
const BOX = { lon0: 38, lat0: 26, lon1: 104, lat1: 60 };
// Douglas-Peucker tolerance in degrees (0.025 deg is under 3 km: finer than
// a pixel at the kiosk's largest map).
const TOLERANCE = 0.025;
// Rings smaller than this (square degrees) after clipping are dropped:
// islets and slivers no student could see.
const MIN_AREA = 0.05;

// ISO 3166 numeric (world-atlas ids) -> the course's lower-case alpha-2 ids,
// and whether the country is one of the five the map is about.
const COUNTRIES = {
  '398': ['kz', 1], '860': ['uz', 1], '795': ['tm', 1],
  '417': ['kg', 1], '762': ['tj', 1],
  '156': ['cn', 0], '643': ['ru', 0], '004': ['af', 0], '364': ['ir', 0],
  '496': ['mn', 0], '586': ['pk', 0], '356': ['in', 0], '031': ['az', 0],
  '051': ['am', 0], '268': ['ge', 0], '792': ['tr', 0], '368': ['iq', 0],
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
  const arcs = decodeArcs(topo).map((a) => simplify(a, TOLERANCE));

  const out = [];
  out.push('# central-asia.tsv: country borders around Central Asia for the kiosk map.');
  out.push('# Source: Natural Earth 1:50m Admin 0 countries, v4.1.0 (public domain),');
  out.push('# via the npm package world-atlas 2.0.2 (' + basename(file) + ').');
  out.push('# Generated, do not edit: see data/map/README.md. Regenerate with');
  out.push('#   node data/map/convert-natural-earth.mjs ' +
           'node_modules/world-atlas/countries-50m.json > data/map/central-asia.tsv');
  out.push(`# Simplified to ${TOLERANCE} deg, clipped to the box below, rings under ${MIN_AREA} sq deg dropped.`);
  out.push('# Rows (tab-separated):');
  out.push('#   box      lon0 lat0 lon1 lat1');
  out.push('#   country  id  name  in_region(0/1)  label_lon  label_lat');
  out.push('#   ring     id  index  "lon lat lon lat ..." (closed implicitly)');
  out.push(['box', BOX.lon0, BOX.lat0, BOX.lon1, BOX.lat1].join('\t'));

  const found = new Set();
  for (const g of topo.objects.countries.geometries) {
    const entry = COUNTRIES[g.id];
    if (!entry) continue;
    const [id, inRegion] = entry;
    found.add(g.id);
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
    const largest = rings.reduce((a, b) => (Math.abs(area(a)) >= Math.abs(area(b)) ? a : b));
    const [lx, ly] = centroid(largest);
    out.push(['country', id, g.properties.name, inRegion, fmt(lx), fmt(ly)].join('\t'));
    rings.forEach((ring, k) => {
      const pts = ring.map(([x, y]) => `${fmt(x)} ${fmt(y)}`).join(' ');
      out.push(['ring', id, k, pts].join('\t'));
    });
  }
  for (const num of Object.keys(COUNTRIES)) {
    if (!found.has(num)) fail(`${file}: no country with id ${num}`);
  }
  process.stdout.write(out.join('\n') + '\n');
}

main();
