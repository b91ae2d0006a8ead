/**
 * A tiny PNG decoder for tests (8-bit RGB/RGBA, non-interlaced): IHDR for the size, the IDAT
 * chunks inflated with node:zlib, then the scanline filters undone.
 */
import { inflateSync } from 'node:zlib'

export interface Png {
  width: number
  height: number
  /** RGBA, 4 bytes a pixel. */
  pixel(x: number, y: number): [number, number, number, number]
  /** How many distinct RGBA colours. */
  colours(): number
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

export function decodePng(buf: Buffer): Png {
  if (!buf.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG')
  let width = 0
  let height = 0
  let channels = 0
  const idat: Buffer[] = []
  for (let o = 8; o < buf.length;) {
    const len = buf.readUInt32BE(o)
    const type = buf.toString('latin1', o + 4, o + 8)
    const data = buf.subarray(o + 8, o + 8 + len)
    if (type === 'IHDR') {
      width = data.readUInt32BE(0)
      height = data.readUInt32BE(4)
      const [depth, colourType, , , interlace] = [data[8], data[9], data[10], data[11], data[12]]
      if (depth !== 8 || interlace !== 0) throw new Error('only 8-bit non-interlaced PNGs')
      channels = colourType === 6 ? 4 : colourType === 2 ? 3 : 0
      if (channels === 0) throw new Error(`colour type ${colourType} not supported`)
    } else if (type === 'IDAT') idat.push(data)
    else if (type === 'IEND') break
    o += 12 + len
  }
  const raw = inflateSync(Buffer.concat(idat))
  const stride = width * channels
  const out = Buffer.alloc(height * stride)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1))
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? out[y * stride + i - channels]! : 0
      const b = y > 0 ? out[(y - 1) * stride + i]! : 0
      const c = y > 0 && i >= channels ? out[(y - 1) * stride + i - channels]! : 0
      let pred = 0
      if (filter === 1) pred = a
      else if (filter === 2) pred = b
      else if (filter === 3) pred = (a + b) >> 1
      else if (filter === 4) {
        const p = a + b - c
        const pa = Math.abs(p - a)
        const pb = Math.abs(p - b)
        const pc = Math.abs(p - c)
        pred = pa <= pb && pa <= pc ? a : pb <= pc ? b : c
      } else if (filter !== 0) throw new Error(`bad filter ${filter}`)
      out[y * stride + i] = (line[i]! + pred) & 0xff
    }
  }
  const pixel = (x: number, y: number): [number, number, number, number] => {
    const i = y * stride + x * channels
    return [out[i]!, out[i + 1]!, out[i + 2]!, channels === 4 ? out[i + 3]! : 255]
  }
  return {
    width,
    height,
    pixel,
    colours() {
      const seen = new Set<number>()
      for (let y = 0; y < height; y++)
        for (let x = 0; x < width; x++) seen.add(pixel(x, y).reduce((n, v) => n * 256 + v, 0))
      return seen.size
    },
  }
}
