import QRCode from 'qrcode';
import { createRaster, encodePng, fillRect, type Rgb } from '../lib/raster.ts';
import { CELL_WIDTH, drawText, GLYPH_HEIGHT, textWidthOf, wrapText } from './bitmap-font.ts';

/**
 * A code's images: the QR (PNG and SVG, from the qrcode package) and a printable poster (headline, QR, the code's
 * name and link). The PNG poster is composed pixel by pixel with the bitmap font; the SVG poster sets its text as
 * real text, so a Chinese headline prints properly there while the PNG shows boxes for characters it lacks.
 */

const QR_OPTIONS = { errorCorrectionLevel: 'M' as const, margin: 2 };

export const renderQrPng = (link: string, size = 512): Promise<Buffer> =>
  QRCode.toBuffer(link, { ...QR_OPTIONS, type: 'png', width: size });

export const renderQrSvg = (link: string): Promise<string> =>
  QRCode.toString(link, { ...QR_OPTIONS, type: 'svg' });

type Modules = { size: number; isDark: (row: number, col: number) => boolean };

const modulesOf = (link: string): Modules => {
  const { modules } = QRCode.create(link, { errorCorrectionLevel: QR_OPTIONS.errorCorrectionLevel });
  return { size: modules.size, isDark: (row, col) => modules.get(row, col) === 1 };
};

export type PosterInput = { headline: string; caption: string; link: string };

/** The poster's layout, shared by the PNG and the SVG so both print the same. */
const layout = {
  width: 720,
  height: 1080,
  margin: 40,
  bandHeight: 300,
  headlineScale: 5,
  headlineLines: 3,
  qrTop: 340,
  qrBox: 480,
  captionScale: 3,
  linkScale: 2,
} as const;

const GREEN: Rgb = [46, 125, 50];
const WHITE: Rgb = [255, 255, 255];
const INK: Rgb = [33, 33, 33];
const GREY: Rgb = [117, 117, 117];

const lineHeightOf = (scale: number) => (GLYPH_HEIGHT + 2) * scale;
const maxCellsAt = (scale: number) => Math.floor((layout.width - 2 * layout.margin) / (CELL_WIDTH * scale));

const qrPlacement = (modules: Modules) => {
  const cells = modules.size + 2 * QR_OPTIONS.margin;
  const px = Math.floor(layout.qrBox / cells);
  const side = cells * px;
  return { px, side, x: Math.floor((layout.width - side) / 2), y: layout.qrTop };
};

export const renderPosterPng = (input: PosterInput): Buffer => {
  const raster = createRaster(layout.width, layout.height, WHITE);
  fillRect(raster, 0, 0, layout.width, layout.bandHeight, GREEN);
  const headline = wrapText(input.headline, maxCellsAt(layout.headlineScale), layout.headlineLines);
  const headlineHeight = headline.length * lineHeightOf(layout.headlineScale);
  let y = Math.floor((layout.bandHeight - headlineHeight) / 2);
  for (const line of headline) {
    const x = Math.floor((layout.width - textWidthOf(line, layout.headlineScale)) / 2);
    drawText(raster, line, x, y, layout.headlineScale, WHITE);
    y += lineHeightOf(layout.headlineScale);
  }
  const modules = modulesOf(input.link);
  const qr = qrPlacement(modules);
  const offset = QR_OPTIONS.margin * qr.px;
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.isDark(row, col)) {
        fillRect(raster, qr.x + offset + col * qr.px, qr.y + offset + row * qr.px, qr.px, qr.px, INK);
      }
    }
  }
  y = qr.y + qr.side + 40;
  for (const [text, scale, color] of [
    [input.caption, layout.captionScale, INK],
    [input.link, layout.linkScale, GREY],
  ] as const) {
    for (const line of wrapText(text, maxCellsAt(scale), 2)) {
      drawText(raster, line, Math.floor((layout.width - textWidthOf(line, scale)) / 2), y, scale, color);
      y += lineHeightOf(scale);
    }
    y += 16;
  }
  return encodePng(raster);
};

const escapeXml = (text: string) =>
  text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  );

const rgbOf = ([r, g, b]: Rgb) => `rgb(${r},${g},${b})`;

export const renderPosterSvg = (input: PosterInput): string => {
  const modules = modulesOf(input.link);
  const qr = qrPlacement(modules);
  const path: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.isDark(row, col))
        path.push(`M${col + QR_OPTIONS.margin} ${row + QR_OPTIONS.margin}h1v1h-1z`);
    }
  }
  // Real text wraps by the same cell count as the PNG (a wide character counts twice), at a similar size.
  const headline = wrapText(input.headline, maxCellsAt(layout.headlineScale), layout.headlineLines);
  const lineHeight = lineHeightOf(layout.headlineScale);
  const top = Math.floor((layout.bandHeight - headline.length * lineHeight) / 2);
  const text = (content: string, y: number, size: number, fill: Rgb, weight = 'normal') =>
    `<text x="${layout.width / 2}" y="${y}" font-size="${size}" font-weight="${weight}" fill="${rgbOf(fill)}" ` +
    `text-anchor="middle" font-family="'Noto Sans SC','PingFang SC','Microsoft YaHei',sans-serif">${escapeXml(content)}</text>`;
  const belowQr = qr.y + qr.side + 40;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}">`,
    `<rect width="${layout.width}" height="${layout.height}" fill="${rgbOf(WHITE)}"/>`,
    `<rect width="${layout.width}" height="${layout.bandHeight}" fill="${rgbOf(GREEN)}"/>`,
    ...headline.map((line, i) => text(line, top + i * lineHeight + lineHeight * 0.75, 40, WHITE, 'bold')),
    `<g transform="translate(${qr.x} ${qr.y}) scale(${qr.px})" shape-rendering="crispEdges">`,
    `<path fill="${rgbOf(INK)}" d="${path.join('')}"/>`,
    '</g>',
    text(input.caption, belowQr + 24, 24, INK),
    text(input.link, belowQr + 70, 16, GREY),
    '</svg>',
  ].join('\n');
};
