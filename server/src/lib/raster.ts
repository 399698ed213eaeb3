import { crc32, deflateSync } from 'node:zlib';

/**
 * A small RGB canvas and its PNG encoding: enough to compose posters in pure JavaScript (no native canvas).
 * PNG: signature, IHDR (8-bit RGB), one IDAT of zlib-deflated rows each led by filter byte 0, IEND.
 */
export type Rgb = readonly [number, number, number];
export type Raster = { width: number; height: number; pixels: Uint8Array };

export const createRaster = (width: number, height: number, background: Rgb): Raster => {
  const pixels = new Uint8Array(width * height * 3);
  for (let i = 0; i < pixels.length; i += 3) pixels.set(background, i);
  return { width, height, pixels };
};

/** Fill a rectangle, clipped to the canvas. */
export const fillRect = (raster: Raster, x: number, y: number, w: number, h: number, color: Rgb): void => {
  const x0 = Math.max(0, Math.floor(x));
  const y0 = Math.max(0, Math.floor(y));
  const x1 = Math.min(raster.width, Math.floor(x + w));
  const y1 = Math.min(raster.height, Math.floor(y + h));
  for (let row = y0; row < y1; row++) {
    for (let col = x0; col < x1; col++) raster.pixels.set(color, (row * raster.width + col) * 3);
  }
};

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const chunk = (type: string, data: Buffer): Buffer => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
};

export const encodePng = (raster: Raster): Buffer => {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(raster.width, 0);
  header.writeUInt32BE(raster.height, 4);
  header.set([8, 2, 0, 0, 0], 8); // bit depth 8, colour type 2 (RGB), deflate, adaptive filtering, no interlace
  const stride = raster.width * 3;
  const rows = Buffer.alloc((stride + 1) * raster.height);
  for (let row = 0; row < raster.height; row++) {
    rows[row * (stride + 1)] = 0;
    rows.set(raster.pixels.subarray(row * stride, (row + 1) * stride), row * (stride + 1) + 1);
  }
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};
