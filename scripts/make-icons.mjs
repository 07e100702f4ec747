#!/usr/bin/env node
// Draws the app icons (two linked rings on a blue rounded square) into resources/.
// Only Node built-ins: a tiny PNG encoder (RGBA, one IDAT) and 4x4 supersampling for smooth edges.
// Run: node scripts/make-icons.mjs   (the PNGs are committed; rerun only to change the design)
import { Buffer } from 'node:buffer'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { deflateSync } from 'node:zlib'

const resources = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources')
const blue = [30, 99, 200]
const white = [255, 255, 255]

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes) {
  let c = 0xffffffff
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** rgba: Uint8Array of size*size*4. */
function encodePng(size, rgba) {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 6, 0, 0, 0], 8) // 8-bit RGBA, deflate, no filter method, no interlace
  const raw = Buffer.alloc(size * (size * 4 + 1))
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0 // filter: none
    raw.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** Colour at a point of the unit square: null outside the rounded square. */
function sample(x, y, { corner, stroke, gap }) {
  const dx = Math.max(Math.abs(x - 0.5) - (0.5 - corner), 0)
  const dy = Math.max(Math.abs(y - 0.5) - (0.5 - corner), 0)
  if (dx * dx + dy * dy > corner * corner) return null
  const radius = 0.2
  const onRing = (cx, extra) => Math.abs(Math.hypot(x - cx, y - 0.5) - radius) < stroke / 2 + extra
  // The rings interlock: the left ring passes over at the top crossing, the right one at the bottom.
  const [over, under] = y < 0.5 ? [0.385, 0.615] : [0.615, 0.385]
  if (onRing(over, 0)) return white
  if (onRing(under, 0) && !onRing(over, gap)) return white
  return blue
}

function drawIcon(size, style) {
  const rgba = new Uint8Array(size * size * 4)
  const n = 4
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0]
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const colour = sample((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size, style)
          if (!colour) continue
          for (let i = 0; i < 3; i++) sum[i] += colour[i]
          sum[3] += 255
        }
      }
      const covered = sum[3] / 255
      const offset = (py * size + px) * 4
      for (let i = 0; i < 3; i++) rgba[offset + i] = covered ? Math.round(sum[i] / covered) : 0
      rgba[offset + 3] = Math.round(sum[3] / (n * n))
    }
  }
  return encodePng(size, rgba)
}

// Tray sizes get thicker strokes so the rings survive 16 px.
const icons = [
  ['tray-icon.png', 16, { corner: 0.18, stroke: 0.11, gap: 0.06 }],
  ['tray-icon@2x.png', 32, { corner: 0.18, stroke: 0.1, gap: 0.05 }],
  ['icon.png', 256, { corner: 0.22, stroke: 0.075, gap: 0.04 }],
]
mkdirSync(resources, { recursive: true })
for (const [name, size, style] of icons) {
  writeFileSync(join(resources, name), drawIcon(size, style))
  console.log(`resources/${name} (${size}x${size})`)
}
