// The committed icons are what scripts/make-icons.mjs draws: check they are well-formed PNGs of
// the sizes the platforms expect, and that macOS templates are black-and-alpha only.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const RESOURCES = join(import.meta.dirname, '..', '..', '..', '..', 'resources');

interface Png {
  width: number;
  height: number;
  colourType: number;
  rgba: Buffer;
}

/** Reads the 8-bit RGBA, filter-None PNGs the script writes (and fails on anything else). */
function readPng(file: string): Png {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  let offset = 8;
  let width = 0;
  let height = 0;
  let colourType = -1;
  const idat: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('ascii', offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect(data[8]).toBe(8);
      colourType = data[9]!;
    } else if (type === 'IDAT') {
      idat.push(data);
    }
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  expect(raw.length).toBe((stride + 1) * height);
  const rgba = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (stride + 1)]).toBe(0);
    raw.copy(rgba, y * stride, y * (stride + 1) + 1, (y + 1) * (stride + 1));
  }
  return { width, height, colourType, rgba };
}

const files = readdirSync(RESOURCES).filter((f) => f.endsWith('.png'));

describe('resources/*.png', () => {
  it('has tray icons at 16px and 32px (@2x), with transparent corners and a visible shape', () => {
    const tray = files.filter((f) => f.startsWith('tray-'));
    expect(tray.length).toBe(7 * 3 * 2);
    for (const f of tray) {
      const png = readPng(join(RESOURCES, f));
      const size = f.includes('@2x') ? 32 : 16;
      expect([png.width, png.height, png.colourType], f).toEqual([size, size, 6]);
      expect(png.rgba[3], `${f} top-left alpha`).toBe(0);
      let opaque = 0;
      for (let i = 3; i < png.rgba.length; i += 4) if (png.rgba[i]! > 200) opaque++;
      expect(opaque, f).toBeGreaterThan(size * size * 0.2);
    }
  });

  it('draws macOS templates in black and alpha only', () => {
    for (const f of files.filter((name) => name.includes('Template'))) {
      const { rgba } = readPng(join(RESOURCES, f));
      for (let i = 0; i < rgba.length; i += 4) {
        if (rgba[i + 3]! > 0) expect([rgba[i], rgba[i + 1], rgba[i + 2]], f).toEqual([0, 0, 0]);
      }
    }
  });

  it('draws each status differently', () => {
    const shapes = new Set(
      files
        .filter((f) => f.endsWith('Template@2x.png'))
        .map((f) => readPng(join(RESOURCES, f)).rgba.toString('base64')),
    );
    expect(shapes.size).toBe(7);
  });

  it('has the app icon at 512px and 256px', () => {
    expect(readPng(join(RESOURCES, 'icon.png'))).toMatchObject({ width: 512, height: 512, colourType: 6 });
    expect(readPng(join(RESOURCES, 'icon-256.png'))).toMatchObject({ width: 256, height: 256, colourType: 6 });
  });
});
