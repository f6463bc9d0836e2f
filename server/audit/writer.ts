// The audit chain's background writer, one per app process: every second it links the entries committed
// since (chain.ts; the advisory lock makes one process do it at a time), and it writes the hourly signed
// checkpoint when it is due (checkpoint.ts; decided under a PostgreSQL lock, so several processes write
// one). Closing runs a last pass, so entries written just before a shutdown are chained.
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client';
import type { KeyRing } from '../crypto/field-encryption';
import { chainPending } from './chain';
import { checkpointIfDue } from './checkpoint';

const CHAIN_EVERY_MS = 1000;
const CHECKPOINT_CHECK_EVERY_MS = 60_000;

export interface AuditWriterOptions {
  db: Db;
  ring: KeyRing;
  checkpointDir: string;
  clock: () => Date;
  log: FastifyBaseLogger;
}

export class AuditWriter {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private lastCheckpointCheck = 0;

  constructor(private readonly options: AuditWriterOptions) {}

  start(): void {
    this.timer = setInterval(() => this.tick(), CHAIN_EVERY_MS);
    this.timer.unref();
    this.tick();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
    await this.pass(false, true);
  }

  private tick(): void {
    // One pass at a time in this process; a slow pass makes the next tick wait instead of piling up.
    this.running = this.running.then(() => this.pass(true));
  }

  private async pass(mayCheckpoint: boolean, wait = false): Promise<void> {
    const { db, ring, checkpointDir, clock, log } = this.options;
    try {
      await chainPending(db, ring, { wait });
      const now = Date.now();
      if (mayCheckpoint && now - this.lastCheckpointCheck >= CHECKPOINT_CHECK_EVERY_MS) {
        this.lastCheckpointCheck = now;
        const written = await checkpointIfDue(db, ring, checkpointDir, clock());
        if (written)
          log.info({ seq: written.checkpoint.seq, file: written.file }, 'audit checkpoint written');
      }
    } catch (error) {
      log.error({ err: error }, 'audit chain pass failed');
    }
  }
}
