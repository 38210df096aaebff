/**
 * Writes the add-in's icons (16, 32, 64, 80, 128 px PNG) into addin/public/assets: a rounded
 * square in the city's blue with a white "P" drawn from a 5×7 bitmap, so no binary is downloaded.
 * Run: node --import tsx addin/scripts/make-icons.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 64, 80, 128] as const;
const BLUE = [0x0f, 0x4c, 0x81];
const GLYPH = ['11110', '10001', '10001', '11110', '10000', '10000', '10000'];

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function icon(size: number): Buffer {
  const radius = size * 0.18;
  const cell = Math.max(1, Math.floor((size * 0.6) / 7));
  const gx = Math.floor((size - 5 * cell) / 2);
  const gy = Math.floor((size - 7 * cell) / 2);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const o = y * (size * 4 + 1) + 1 + x * 4;
      const dx = Math.max(radius - x - 0.5, x + 0.5 - (size - radius), 0);
      const dy = Math.max(radius - y - 0.5, y + 0.5 - (size - radius), 0);
      const inside = dx * dx + dy * dy <= radius * radius;
      const gxI = Math.floor((x - gx) / cell);
      const gyI = Math.floor((y - gy) / cell);
      const glyph = x >= gx && y >= gy && GLYPH[gyI]?.[gxI] === '1';
      const [r, g, b] = glyph ? [255, 255, 255] : BLUE;
      raw[o] = r!;
      raw[o + 1] = g!;
      raw[o + 2] = b!;
      raw[o + 3] = inside ? 255 : 0;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const outDir = resolve(dirname(fileURLToPath(import.meta.url)), '../public/assets');
mkdirSync(outDir, { recursive: true });
for (const size of SIZES) writeFileSync(resolve(outDir, `icon-${size}.png`), icon(size));
console.log(`icons written to ${outDir}`);
