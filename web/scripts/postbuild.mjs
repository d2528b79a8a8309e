// After `vite build`: enforce the bundle budget on the JavaScript a first visit loads (the entry script and the
// chunks index.html preloads; routes load their own chunks later), and write gzip and brotli copies of every
// compressible file so the gateway serves them without compressing per request.
import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const dist = new URL('../dist/', import.meta.url).pathname
const BUDGET_KB = 170
const COMPRESSIBLE = /\.(js|css|html|svg|json|txt|webmanifest)$/
const MIN_BYTES = 256

const gzip = (data) => gzipSync(data, { level: 9 })
const brotli = (data) =>
  brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } })

async function files(dir) {
  const entries = await readdir(dir, { withFileTypes: true })
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)])))
  return nested.flat()
}

const html = await readFile(join(dist, 'index.html'), 'utf8')
if (/<script(?![^>]*\bsrc=)[^>]*>/i.test(html) || /<style[\s>]/i.test(html) || /\sstyle=/i.test(html)) {
  console.error('web: index.html has inline script or style, which the gateway\'s Content-Security-Policy blocks')
  process.exit(1)
}
const initial = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/([^"]+\.js)"/g)].map((m) => m[1])
let initialGzip = 0
for (const file of initial) initialGzip += gzip(await readFile(join(dist, file))).length
const kb = (bytes) => (bytes / 1024).toFixed(1)
console.log(`web: initial JavaScript ${kb(initialGzip)} KB gzip in ${initial.length} file(s) (budget ${BUDGET_KB} KB)`)
if (initialGzip > BUDGET_KB * 1024) {
  console.error(`web: initial JavaScript is over the budget of ${BUDGET_KB} KB gzip: split a route or drop a dependency`)
  process.exit(1)
}

let written = 0
for (const file of await files(dist)) {
  if (!COMPRESSIBLE.test(file)) continue
  const data = await readFile(file)
  if (data.length < MIN_BYTES) continue
  for (const [suffix, compress] of [['.gz', gzip], ['.br', brotli]]) {
    const packed = compress(data)
    if (packed.length < data.length) {
      await writeFile(file + suffix, packed)
      written++
    }
  }
}
console.log(`web: ${written} precompressed copies (gzip, brotli) in ${relative(process.cwd(), dist) || 'dist'}`)
