/**
 * npm run bench:attachments: makes a 12-megapixel JPEG (with EXIF GPS and camera) and a 30-page PDF (a scan
 * on each page, Info and XMP), then times stripping and sealing each (median of 5, after a warm-up) with the
 * process's peak memory. Then a child process runs the app on a throw-away embedded database and takes one
 * ~20 MB upload through the real route, the body streamed from disk so the client holds no copy; the child
 * samples its own resident memory and the bench checks the upload raised the peak by at most 100 MB.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { newKey, parseKeyRing } from '../crypto/field-encryption';
import { multipartBody, uploadInChild } from './bench-upload';
import { cleanUpload } from './clean';
import { seal } from './sealed';

const RUNS = 5;
const PEAK_LIMIT_MB = 100;
const MB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

/** A photo-like image (12 MP by default): a gradient with grain of the given strength. */
async function photo(
  grain: number,
  quality: number,
  width = 4000,
  height = 3000,
  start = 7,
): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  let seed = start;
  for (let i = 0; i < pixels.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const x = (i / 3) % width;
    pixels[i] = Math.min(
      255,
      Math.max(0, Math.round((x / width) * 200 + ((seed >> 16) % grain) - grain / 2 + 28)),
    );
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality })
    .withExif({
      IFD0: { Make: 'Bench', Model: 'Phone' },
      IFD3: { GPSLatitudeRef: 'N', GPSMapDatum: 'WGS-84' },
    })
    .toBuffer();
}

async function thirtyPages(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setAuthor('bench');
  for (let i = 0; i < 30; i++) {
    // Each page its own scan: an A4 sheet at 150 dpi.
    const scan = await doc.embedJpg(await photo(40, 75, 1240, 1754, i + 1));
    const page = doc.addPage([595, 842]);
    page.drawImage(scan, { x: 0, y: 0, width: 595, height: 842 });
    page.drawText(`Page ${i + 1}`, { x: 50, y: 800, size: 18 });
  }
  return Buffer.from(await doc.save());
}

async function time(bytes: Buffer): Promise<{ ms: number; out: number }> {
  const ring = parseKeyRing(newKey());
  const runs: number[] = [];
  let out = 0;
  for (let i = 0; i <= RUNS; i++) {
    const start = performance.now();
    const cleaned = await cleanUpload(bytes);
    if (!cleaned.ok) throw new Error(`bench file refused: ${cleaned.reason}`);
    Array.from(seal(ring, { caseId: 'c', attachmentId: 'a', variant: 'file' }, cleaned.file.bytes));
    if (i > 0) runs.push(performance.now() - start); // the first run warms up
    out = cleaned.file.bytes.length;
  }
  runs.sort((a, b) => a - b);
  return { ms: runs[Math.floor(runs.length / 2)]!, out };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'waypost-att-bench-'));
  try {
    const twelve = await photo(24, 90);
    const pdf = await thirtyPages();
    // A grainy 19-megapixel photo just under the 20 MB limit.
    const grainy = (q: number) => photo(256, q, 5000, 3750);
    let big = await grainy(100);
    for (let q = 99; big.length > 20 * MB && q > 80; q--) big = await grainy(q);
    console.log(
      `inputs: 12 MP JPEG ${mb(twelve.length)}, 30-page PDF ${mb(pdf.length)}, upload ${mb(big.length)}`,
    );
    for (const [name, bytes] of [
      ['12 MP JPEG', twelve],
      ['30-page PDF', pdf],
    ] as const) {
      const { ms, out } = await time(bytes);
      console.log(`${name}: strip + encrypt ${ms.toFixed(0)} ms (median of ${RUNS}), stored ${mb(out)}`);
    }
    console.log(`this process's peak resident memory: ${mb(process.resourceUsage().maxRSS * 1024)}`);

    const boundary = 'waypostbench';
    const bodyFile = join(dir, 'body.bin');
    writeFileSync(bodyFile, multipartBody(big, boundary));
    const report = JSON.parse(
      execFileSync(
        process.execPath,
        [...process.execArgv, '--expose-gc', import.meta.filename, '--upload', bodyFile, boundary],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      ),
    ) as { status: number; baseline: number; peak: number };
    const raise = report.peak - report.baseline;
    const verdict = raise <= PEAK_LIMIT_MB * MB ? 'within' : 'OVER';
    console.log(
      `upload of ${mb(statSync(bodyFile).size)} through the app: HTTP ${report.status}, resident ${mb(report.baseline)} -> peak ${mb(report.peak)}, raised ${mb(raise)} (${verdict} the ${PEAK_LIMIT_MB} MB target)`,
    );
    if (report.status !== 303 || verdict === 'OVER') process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--upload') {
  const [file, boundary] = process.argv.slice(3) as [string, string];
  console.log(JSON.stringify(await uploadInChild(file, boundary)));
} else {
  await main();
}
