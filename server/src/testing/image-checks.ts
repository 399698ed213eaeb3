import { crc32, inflateSync } from 'node:zlib';

/**
 * Checks that an image is what it claims, for tests: a PNG is read chunk by chunk (signature, CRCs, IHDR, the
 * inflated pixel data has exactly the size the header promises); an SVG is parsed as XML (every tag closed
 * in order, attributes quoted) and its root read.
 */

const BYTES_PER_PIXEL: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

export const readPng = (png: Buffer): { width: number; height: number; colorType: number } => {
  if (!png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    throw new Error('not a PNG signature');
  }
  let offset = 8;
  let header: { width: number; height: number; bitDepth: number; colorType: number } | undefined;
  const data: Buffer[] = [];
  let isEnded = false;
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.subarray(offset + 4, offset + 8).toString('latin1');
    const body = png.subarray(offset + 8, offset + 8 + length);
    const crc = png.readUInt32BE(offset + 8 + length);
    if (crc32(png.subarray(offset + 4, offset + 8 + length)) >>> 0 !== crc)
      throw new Error(`bad CRC in ${type}`);
    if (type === 'IHDR') {
      header = {
        width: body.readUInt32BE(0),
        height: body.readUInt32BE(4),
        bitDepth: body[8]!,
        colorType: body[9]!,
      };
    }
    if (type === 'IDAT') data.push(body);
    if (type === 'IEND') isEnded = true;
    offset += 12 + length;
  }
  if (!header || !isEnded) throw new Error('missing IHDR or IEND');
  const bitsPerPixel = (BYTES_PER_PIXEL[header.colorType] ?? 0) * header.bitDepth;
  const stride = 1 + Math.ceil((header.width * bitsPerPixel) / 8);
  const pixels = inflateSync(Buffer.concat(data));
  if (pixels.length !== stride * header.height) throw new Error('pixel data does not match the header');
  return { width: header.width, height: header.height, colorType: header.colorType };
};

const TAG = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;

/** Parse an SVG document; throws on anything malformed. Returns the root's attributes and the tag names seen. */
export const readSvg = (svg: string): { root: Record<string, string>; tags: string[]; text: string } => {
  const source = svg.replace(/^\s*<\?xml[^>]*\?>/, '').trim();
  const stack: string[] = [];
  const tags: string[] = [];
  let text = '';
  let root: Record<string, string> | undefined;
  let index = 0;
  while (index < source.length) {
    const next = source.indexOf('<', index);
    const chunk = next === -1 ? source.slice(index) : source.slice(index, next);
    if (/[<>]/.test(chunk) || (stack.length === 0 && chunk.trim())) throw new Error(`stray text at ${index}`);
    text += chunk;
    if (next === -1) break;
    TAG.lastIndex = next;
    const match = TAG.exec(source);
    if (!match) throw new Error(`malformed tag at ${next}`);
    const [whole, closing, name, attributes, selfClosing] = match;
    if (closing) {
      if (stack.pop() !== name) throw new Error(`</${name}> closes nothing open`);
    } else {
      tags.push(name!);
      if (!root) {
        root = Object.fromEntries(
          [...(attributes ?? '').matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)].map((m) => [m[1]!, m[2]!]),
        );
      } else if (stack.length === 0) throw new Error('more than one root element');
      if (!selfClosing) stack.push(name!);
    }
    index = next + whole!.length;
  }
  if (stack.length > 0 || !root) throw new Error(`unclosed <${stack.at(-1)}>`);
  return { root, tags, text };
};
