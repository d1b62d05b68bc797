// The toolbar/store icons, drawn at build time (a purple rounded square with a white pulse
// line) so the repository holds no binary files. PNG: 8-bit RGBA, one zlib stream.
import {deflateSync} from 'node:zlib';

const CRC_TABLE = Array.from({length: 256}, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function segmentDistance(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

// Pulse line in a 0..1 box.
const PULSE = [[0.14, 0.55], [0.36, 0.55], [0.45, 0.3], [0.56, 0.76], [0.65, 0.46], [0.86, 0.46]];

/** @param {number} size @returns {Buffer} */
export function iconPng(size) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const radius = size * 0.22;
  const stroke = Math.max(1.2, size * 0.085);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      // Rounded-square coverage (signed distance, 1px antialias).
      const qx = Math.max(Math.abs(px - size / 2) - (size / 2 - radius), 0);
      const qy = Math.max(Math.abs(py - size / 2) - (size / 2 - radius), 0);
      const box = Math.min(1, Math.max(0, radius - Math.hypot(qx, qy) + 0.5));
      let line = Infinity;
      for (let i = 1; i < PULSE.length; i++) {
        const a = PULSE[i - 1];
        const b = PULSE[i];
        line = Math.min(line, segmentDistance(px, py, [a[0] * size, a[1] * size], [b[0] * size, b[1] * size]));
      }
      const white = Math.min(1, Math.max(0, stroke / 2 - line + 0.5));
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = Math.round(0x63 * (1 - white) + 255 * white);
      raw[o + 1] = Math.round(0x2c * (1 - white) + 255 * white);
      raw[o + 2] = Math.round(0xa6 * (1 - white) + 255 * white);
      raw[o + 3] = Math.round(255 * box);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const ICON_SIZES = [16, 32, 48, 128];
