import { fillRect, type Raster, type Rgb } from '../lib/raster.ts';

/**
 * A 5×9 bitmap font (7 rows above the baseline, 2 for descenders) of printable ASCII and "¥", drawn for
 * Orchard, so posters need no font files and no native canvas. Each glyph is 9 rows of 5 bits, one base-32
 * digit per row. Characters outside the font are drawn as an outlined box: a wide one (CJK, emoji) as a
 * double-width box. The SVG poster sets the headline as real text instead, so any script prints there.
 */
const GLYPHS =
  '000000000 444440400 aa0000000 aavavaa00 4fke5u400 op248j300 cik8lid00 440000000 ' +
  '248884200 842224800 04lel4000 044v44000 000004480 000v00000 000000400 122488g00 ' +
  'ehjlphe00 4c4444e00 eh1248v00 v2421he00 26aiv2200 vgu11he00 68guhhe00 v12488800 ' +
  'ehhehhe00 ehhf12c00 040004000 040004480 248g84200 00v0v0000 842124800 eh1240400 ' +
  'ehnlnge00 ehhvhhh00 uhhuhhu00 ehggghe00 sihhhis00 vgguggv00 vgguggg00 ehgnhhf00 ' +
  'hhhvhhh00 e44444e00 72222ic00 hikokih00 ggggggv00 hrllhhh00 hhpljhh00 ehhhhhe00 ' +
  'uhhuggg00 ehhhlid00 uhhukih00 fgge11u00 v44444400 hhhhhhe00 hhhhha400 hhhllla00 ' +
  'hha4ahh00 hha444400 v1248gv00 e88888e00 g88422100 e22222e00 4ah000000 0000000v0 ' +
  '840000000 00e1fhf00 ggmphhu00 00egghe00 11djhhf00 00ehvge00 698s88800 00fhhhf1e ' +
  'ggmphhh00 40c444e00 2062222ic ggikoki00 c44444e00 00qllll00 00mphhh00 00ehhhe00 ' +
  '00uhhhugg 00fhhhf11 00mpggg00 00fge1u00 88s889600 00hhhjd00 00hhha400 00hhlla00 ' +
  '00ha4ah00 00hhhhf1e 00v248v00 244844200 444444400 844244800 008l20000 ha4v4v400';

const FONT_CHARS = `${Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('')}¥`;
const glyphs = new Map(
  GLYPHS.split(' ').map((code, i) => [FONT_CHARS[i]!, [...code].map((digit) => Number.parseInt(digit, 32))]),
);

export const GLYPH_WIDTH = 5;
export const GLYPH_HEIGHT = 9;
/** One blank column after each glyph. */
export const CELL_WIDTH = GLYPH_WIDTH + 1;

const BOX = [0b11111, 0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b11111, 0, 0];

/** East Asian wide characters and emoji take two cells (as terminals draw them). */
export const isWide = (char: string): boolean => {
  const code = char.codePointAt(0) ?? 0;
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x1f300
  );
};

/** Width in cells: 2 for a wide character, 1 otherwise. */
export const cellsOf = (text: string): number => [...text].reduce((n, c) => n + (isWide(c) ? 2 : 1), 0);

/** Words, single wide characters (each may start a line) and ' ' for any run of spaces. */
const tokensOf = (text: string): string[] => {
  const tokens: string[] = [];
  let word = '';
  const flush = () => {
    if (word) tokens.push(word);
    word = '';
  };
  for (const char of text) {
    if (/\s/.test(char)) {
      flush();
      if (tokens.at(-1) !== ' ') tokens.push(' ');
    } else if (isWide(char)) {
      flush();
      tokens.push(char);
    } else word += char;
  }
  flush();
  return tokens;
};

/**
 * Break text into lines of at most `maxCells`: at spaces where there are any, anywhere between wide characters
 * (Chinese has no spaces), inside a word only when it is longer than a line. At most `maxLines`; an overflow
 * ends the last line with "...".
 */
export const wrapText = (text: string, maxCells: number, maxLines: number): string[] => {
  const lines: string[] = [];
  let line = '';
  const push = () => {
    lines.push(line.trimEnd());
    line = '';
  };
  for (const token of tokensOf(text.trim())) {
    if (token === ' ') {
      if (line) line += ' ';
      continue;
    }
    if (cellsOf(line + token) > maxCells && line.trim()) push();
    for (const char of token) {
      if (cellsOf(line + char) > maxCells) push();
      line += char;
    }
  }
  if (line.trim()) push();
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  while (last && cellsOf(`${last}...`) > maxCells) last = [...last].slice(0, -1).join('');
  kept[maxLines - 1] = `${last}...`;
  return kept;
};

/** Draw one line with its top-left at (x, y); each font pixel becomes a `scale`×`scale` square. */
export const drawText = (raster: Raster, text: string, x: number, y: number, scale: number, color: Rgb) => {
  let cursor = x;
  for (const char of text) {
    const wide = isWide(char);
    const rows = glyphs.get(char) ?? BOX;
    const stretch = wide ? 2 : 1;
    rows.forEach((bits, row) => {
      for (let col = 0; col < GLYPH_WIDTH; col++) {
        if (!(bits & (1 << (GLYPH_WIDTH - 1 - col)))) continue;
        fillRect(raster, cursor + col * scale * stretch, y + row * scale, scale * stretch, scale, color);
      }
    });
    cursor += CELL_WIDTH * scale * stretch;
  }
};

/** Pixel width of a line at `scale`. */
export const textWidthOf = (text: string, scale: number): number => cellsOf(text) * CELL_WIDTH * scale;
