#!/usr/bin/env node
// Draws the tray and app icons into resources/ with nothing but Node: shapes are inside-tests in
// a unit square, each pixel is supersampled for anti-aliasing, and a small PNG encoder (zlib for
// IDAT, CRC-32 per chunk; https://www.w3.org/TR/png-3/) writes 8-bit RGBA files.
// Run: node scripts/make-icons.mjs   (the PNGs are committed; rerun after changing a design)
//
// Every status has its own shape AND colour, so it reads for colour-blind users and in macOS
// template (monochrome) form:
//   valid      green disc with a check          expiring  amber disc with clock hands
//   expired    red rounded square with an X     signed-out violet ring with a slash
//   error      orange triangle with a "!"       unknown   grey ring with a dot
//   long-lived blue diamond with a dot (static keys: nothing counts down)
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const OUT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'resources');

// ---------- PNG encoding ----------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  typeAndData.copy(out, 4);
  out.writeUInt32BE(crc32(typeAndData), 8 + data.length);
  return out;
}

/** RGBA pixels (Uint8ClampedArray, width*height*4, straight alpha) to a PNG file's bytes. */
export function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: truecolour with alpha
  header[10] = 0; // deflate
  header[11] = 0; // adaptive filtering
  header[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter: None (the images are tiny; deflate does the rest)
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------- Shapes: inside-tests in the unit square (x right, y down) ----------

const disc = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const ring = (cx, cy, r, w) => (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r) <= w / 2;
const roundedSquare = (cx, cy, half, radius) => (x, y) => {
  const qx = Math.abs(x - cx) - (half - radius);
  const qy = Math.abs(y - cy) - (half - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) <= radius;
};
const diamond = (cx, cy, half) => (x, y) => Math.abs(x - cx) + Math.abs(y - cy) <= half;

function polygon(points) {
  return (x, y) => {
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i];
      const [xj, yj] = points[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}

/** A stroke with round caps along a polyline. */
function stroke(points, width) {
  return (x, y) => {
    for (let i = 0; i + 1 < points.length; i++) {
      const [ax, ay] = points[i];
      const [bx, by] = points[i + 1];
      const dx = bx - ax;
      const dy = by - ay;
      const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
      if (Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) <= width / 2) return true;
    }
    return false;
  };
}

const union =
  (...shapes) =>
  (x, y) =>
    shapes.some((s) => s(x, y));

// ---------- Status designs ----------

/**
 * Each status: a body (filled in the status colour) and a glyph (cut out of a filled body, or
 * drawn in the status colour inside a hollow one).
 */
const STATUS_DESIGNS = {
  valid: {
    body: disc(0.5, 0.5, 0.46),
    glyph: stroke(
      [
        [0.28, 0.52],
        [0.43, 0.67],
        [0.72, 0.36],
      ],
      0.13,
    ),
    hollow: false,
  },
  expiring: {
    body: disc(0.5, 0.5, 0.46),
    glyph: stroke(
      [
        [0.5, 0.24],
        [0.5, 0.52],
        [0.7, 0.64],
      ],
      0.12,
    ),
    hollow: false,
  },
  expired: {
    body: roundedSquare(0.5, 0.5, 0.44, 0.12),
    glyph: union(
      stroke(
        [
          [0.31, 0.31],
          [0.69, 0.69],
        ],
        0.13,
      ),
      stroke(
        [
          [0.69, 0.31],
          [0.31, 0.69],
        ],
        0.13,
      ),
    ),
    hollow: false,
  },
  'signed-out': {
    body: ring(0.5, 0.5, 0.39, 0.13),
    glyph: stroke(
      [
        [0.25, 0.75],
        [0.75, 0.25],
      ],
      0.13,
    ),
    hollow: true,
  },
  error: {
    body: polygon([
      [0.5, 0.04],
      [0.97, 0.93],
      [0.03, 0.93],
    ]),
    glyph: union(
      stroke(
        [
          [0.5, 0.36],
          [0.5, 0.63],
        ],
        0.12,
      ),
      disc(0.5, 0.79, 0.07),
    ),
    hollow: false,
  },
  unknown: {
    body: ring(0.5, 0.5, 0.39, 0.13),
    glyph: disc(0.5, 0.5, 0.14),
    hollow: true,
  },
  'long-lived': {
    body: diamond(0.5, 0.5, 0.49),
    glyph: disc(0.5, 0.5, 0.13),
    hollow: false,
  },
};

/**
 * Colours per menubar: on a light bar, deep tones; on a dark bar, lighter ones (GitHub Primer's
 * light/dark scales, chosen for contrast with both the bar and the white cut-out glyphs).
 */
const STATUS_COLOURS = {
  valid: { light: '#1a7f37', dark: '#3fb950' },
  expiring: { light: '#9a6700', dark: '#d29922' },
  expired: { light: '#cf222e', dark: '#f85149' },
  'signed-out': { light: '#8250df', dark: '#a371f7' },
  error: { light: '#bc4c00', dark: '#f0883e' },
  unknown: { light: '#57606a', dark: '#9198a1' },
  'long-lived': { light: '#0969da', dark: '#4493f8' },
};

const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];

// ---------- Rasterising ----------

const SUPERSAMPLE = 4;

/**
 * Render `paint(x, y) -> [r, g, b, a] | null` (unit coordinates) into `size`×`size` RGBA,
 * averaging SUPERSAMPLE² samples per pixel with premultiplied alpha, inside a `pad`-pixel margin.
 */
function rasterise(size, paint, pad = 0) {
  const out = new Uint8ClampedArray(size * size * 4);
  const inner = size - 2 * pad;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px - pad + (sx + 0.5) / SUPERSAMPLE) / inner;
          const y = (py - pad + (sy + 0.5) / SUPERSAMPLE) / inner;
          const c = paint(x, y);
          if (!c) continue;
          const alpha = c[3] / 255;
          r += c[0] * alpha;
          g += c[1] * alpha;
          b += c[2] * alpha;
          a += alpha;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        out[i] = Math.round(r / a);
        out[i + 1] = Math.round(g / a);
        out[i + 2] = Math.round(b / a);
      }
      out[i + 3] = Math.round((a / (SUPERSAMPLE * SUPERSAMPLE)) * 255);
    }
  }
  return out;
}

function statusPainter(design, colour, glyphColour) {
  return (x, y) => {
    if (design.hollow) return design.body(x, y) || design.glyph(x, y) ? colour : null;
    if (!design.body(x, y)) return null;
    return design.glyph(x, y) ? glyphColour : colour;
  };
}

// ---------- App icon ----------

/** A blue rounded tile with a white identity card (a person) and a green check badge. */
function appIconPainter() {
  const tile = roundedSquare(0.5, 0.5, 0.46, 0.1);
  const card = roundedSquare(0.47, 0.5, 0.27, 0.05);
  const head = disc(0.47, 0.42, 0.09);
  const shoulders = (x, y) => y <= 0.7 && y >= 0.53 && (x - 0.47) ** 2 / 0.16 ** 2 + (y - 0.7) ** 2 / 0.16 ** 2 <= 1;
  const badgeRim = disc(0.72, 0.72, 0.16);
  const badge = disc(0.72, 0.72, 0.13);
  const check = stroke(
    [
      [0.655, 0.72],
      [0.7, 0.765],
      [0.785, 0.675],
    ],
    0.035,
  );
  const top = hex('#1f6feb');
  const bottom = hex('#0b3d91');
  const white = [255, 255, 255, 255];
  const blue = [...hex('#0b3d91'), 255];
  const green = [...hex('#2da44e'), 255];
  return (x, y) => {
    if (check(x, y)) return white;
    if (badge(x, y)) return green;
    if (badgeRim(x, y)) return white;
    if (head(x, y) || shoulders(x, y)) return blue;
    if (card(x, y)) return white;
    if (tile(x, y)) {
      const t = Math.max(0, Math.min(1, y));
      return [0, 1, 2].map((k) => Math.round(top[k] + (bottom[k] - top[k]) * t)).concat(255);
    }
    return null;
  };
}

// ---------- Output ----------

function write(name, size, pixels) {
  writeFileSync(join(OUT_DIR, name), encodePng(size, size, pixels));
  return name;
}

function main() {
  mkdirSync(OUT_DIR, { recursive: true });
  const written = [];
  const white = [255, 255, 255, 255];
  const black = [0, 0, 0, 255];
  for (const [status, design] of Object.entries(STATUS_DESIGNS)) {
    for (const [scale, size] of [
      ['', 16],
      ['@2x', 32],
    ]) {
      // One pixel of margin at 1x (two at 2x) keeps shapes off the edge when the bar scales.
      const pad = size / 16;
      for (const bar of ['light', 'dark']) {
        const colour = [...hex(STATUS_COLOURS[status][bar]), 255];
        written.push(
          write(`tray-${status}-${bar}${scale}.png`, size, rasterise(size, statusPainter(design, colour, white), pad)),
        );
      }
      // macOS template: black and alpha only; the glyph is cut out so the system can tint it.
      written.push(
        write(`tray-${status}Template${scale}.png`, size, rasterise(size, statusPainter(design, black, null), pad)),
      );
    }
  }
  for (const size of [512, 256]) {
    written.push(write(size === 512 ? 'icon.png' : `icon-${size}.png`, size, rasterise(size, appIconPainter())));
  }
  console.log(`wrote ${written.length} icons to ${OUT_DIR}`);
  const previewAt = process.argv.indexOf('--preview');
  if (previewAt !== -1 && process.argv[previewAt + 1]) writePreview(process.argv[previewAt + 1]);
}

/**
 * A contact sheet for eyeballing the designs (not committed): every status at 2x, magnified 4×
 * with nearest-neighbour so the real pixels show, on a light bar, a dark bar, and as a template
 * tinted black on light.
 */
function writePreview(file) {
  const statuses = Object.keys(STATUS_DESIGNS);
  const cell = 32 * 4;
  const rows = [
    {
      bg: [246, 248, 250],
      paint: (d, s) => statusPainter(d, [...hex(STATUS_COLOURS[s].light), 255], [255, 255, 255, 255]),
    },
    {
      bg: [36, 41, 47],
      paint: (d, s) => statusPainter(d, [...hex(STATUS_COLOURS[s].dark), 255], [255, 255, 255, 255]),
    },
    { bg: [246, 248, 250], paint: (d) => statusPainter(d, [0, 0, 0, 255], null) },
  ];
  const width = cell * statuses.length;
  const height = cell * rows.length;
  const sheet = new Uint8ClampedArray(width * height * 4);
  rows.forEach((row, ri) => {
    statuses.forEach((status, si) => {
      const icon = rasterise(32, row.paint(STATUS_DESIGNS[status], status), 2);
      for (let y = 0; y < cell; y++) {
        for (let x = 0; x < cell; x++) {
          const src = (Math.floor(y / 4) * 32 + Math.floor(x / 4)) * 4;
          const dst = ((ri * cell + y) * width + si * cell + x) * 4;
          const a = icon[src + 3] / 255;
          for (let k = 0; k < 3; k++) sheet[dst + k] = Math.round(icon[src + k] * a + row.bg[k] * (1 - a));
          sheet[dst + 3] = 255;
        }
      }
    });
  });
  writeFileSync(file, encodePng(width, height, sheet));
  console.log(`preview: ${file}`);
}

main();
