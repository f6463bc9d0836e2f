// The child half of the attachments bench: the app on a throw-away embedded database, one signed-in
// caseworker and case, a warm-up upload, then the measured upload streamed from a file. Resident memory is
// sampled every millisecond meanwhile; the baseline is taken after the warm-up and a garbage collection.
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { buildApp } from '../app';
import { createSession } from '../auth/sessions';
import { createCase } from '../cases/repository';
import { getConfig } from '../config';
import { newKey } from '../crypto/field-encryption';
import { cookieNames } from '../http/cookies';
import { createUser } from '../users';

export async function uploadInChild(file: string, boundary: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'waypost-att-bench-app-'));
  const config = getConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    WAYPOST_ENCRYPTION_KEY: newKey(),
    LOG_LEVEL: 'silent',
  });
  const app = await buildApp({ config });
  try {
    const now = new Date();
    const user = await createUser(app.db, {
      email: 'bench@example.org',
      displayName: 'Bench',
      role: 'caseworker',
      password: 'plenty of words for a password',
      now,
    });
    const { id } = await createCase(app.db, app.keyRing, {
      person: { pseudonym: 'Bench', citizenships: ['RU'] },
      assignedTo: user.id,
      actorId: user.id,
      now,
    });
    const session = await createSession(app.db, user.id, now);
    const send = (payload: Buffer | NodeJS.ReadableStream) =>
      app.inject({
        method: 'POST',
        url: `/cases/${id}/attachments`,
        headers: {
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'x-csrf-token': session.csrfToken,
        },
        cookies: { [cookieNames(config).session]: session.token },
        payload,
      });
    const small = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#888' } })
      .jpeg()
      .toBuffer();
    await send(multipartBody(small, boundary));
    globalThis.gc?.();
    await new Promise((r) => setTimeout(r, 200));
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 1);
    const res = await send(createReadStream(file));
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    return { status: res.statusCode, baseline, peak };
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The multipart body of one upload (the form token goes in a header), written to a file the child streams. */
export function multipartBody(file: Buffer, boundary: string): Buffer {
  const field = (name: string, value: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  return Buffer.concat([
    Buffer.from(field('target', 'case') + field('kind', 'photo') + field('caption', '')),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="big.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
}
