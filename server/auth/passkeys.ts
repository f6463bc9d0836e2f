// Passkeys and security keys (WebAuthn) through @simplewebauthn/server. The relying party is the public URL's
// host; the browser half is views/static/webauthn.js, served by the app itself. Challenges are kept on the
// session row and used once.

import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from '@oslojs/encoding';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { passkeys } from '../../db/schema';
import type { Config } from '../config';

// @simplewebauthn/server (with its certificate parsers) takes about half a second to load: loaded when a
// passkey is first registered or used, not at start-up.
const webauthn = () => import('@simplewebauthn/server');

const b64url = z
  .string()
  .max(20_000)
  .regex(/^[A-Za-z0-9_-]*$/);
const extensions = z.object({}).catchall(z.unknown());
const attachment = z.enum(['cross-platform', 'platform']).optional();

export const registrationResponse = z.object({
  id: b64url,
  rawId: b64url,
  type: z.literal('public-key'),
  authenticatorAttachment: attachment,
  clientExtensionResults: extensions,
  response: z.object({
    clientDataJSON: b64url,
    attestationObject: b64url,
    transports: z.array(z.string().max(40)).max(10).optional(),
  }),
});

export const authenticationResponse = z.object({
  id: b64url,
  rawId: b64url,
  type: z.literal('public-key'),
  authenticatorAttachment: attachment,
  clientExtensionResults: extensions,
  response: z.object({
    clientDataJSON: b64url,
    authenticatorData: b64url,
    signature: b64url,
    userHandle: b64url.optional(),
  }),
});

/** A browser's JSON answer, checked against its schema; null when it is not JSON or not of that shape. */
export function readJson<S extends z.ZodType>(schema: S, text: string): z.infer<S> | null {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const relyingParty = (config: Config) => {
  const url = new URL(config.publicUrl);
  return { rpID: url.hostname, origin: url.origin, rpName: config.orgName };
};

export type Passkey = typeof passkeys.$inferSelect;

export function listPasskeys(db: Db, userId: string): Promise<Passkey[]> {
  return db.select().from(passkeys).where(eq(passkeys.userId, userId)).orderBy(asc(passkeys.createdAt));
}

export async function registrationOptions(
  config: Config,
  user: { id: string; email: string; displayName: string },
  existing: Passkey[],
) {
  const { rpID, rpName } = relyingParty(config);
  const { generateRegistrationOptions } = await webauthn();
  return generateRegistrationOptions({
    rpName,
    rpID,
    userName: user.email,
    userDisplayName: user.displayName,
    userID: new TextEncoder().encode(user.id),
    attestationType: 'none',
    excludeCredentials: existing.map((k) => ({ id: k.id, transports: k.transports })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
}

/** Verifies a new credential against the session's challenge and stores it under the given name. */
export async function registerPasskey(
  db: Db,
  config: Config,
  input: {
    userId: string;
    name: string;
    challenge: string;
    response: z.infer<typeof registrationResponse>;
    now: Date;
  },
): Promise<boolean> {
  const { rpID, origin } = relyingParty(config);
  const { verifyRegistrationResponse } = await webauthn();
  const result = await verifyRegistrationResponse({
    response: input.response,
    expectedChallenge: input.challenge,
    expectedOrigin: origin,
    expectedRPID: rpID,
    requireUserVerification: false,
  }).catch(() => null);
  if (!result?.verified) return false;
  const { credential } = result.registrationInfo;
  const inserted = await db
    .insert(passkeys)
    .values({
      id: credential.id,
      userId: input.userId,
      name: input.name,
      publicKey: encodeBase64urlNoPadding(credential.publicKey),
      counter: credential.counter,
      transports: credential.transports ?? [],
      createdAt: input.now,
    })
    .onConflictDoNothing()
    .returning({ id: passkeys.id });
  return inserted.length === 1;
}

export async function authenticationOptions(config: Config, keys: Passkey[]) {
  const { generateAuthenticationOptions } = await webauthn();
  return generateAuthenticationOptions({
    rpID: relyingParty(config).rpID,
    allowCredentials: keys.map((k) => ({ id: k.id, transports: k.transports })),
    userVerification: 'preferred',
  });
}

/** True when the response is a signature, over the session's challenge, by one of this user's passkeys. */
export async function verifyPasskey(
  db: Db,
  config: Config,
  input: { userId: string; challenge: string; response: z.infer<typeof authenticationResponse>; now: Date },
): Promise<boolean> {
  const [key] = await db
    .select()
    .from(passkeys)
    .where(and(eq(passkeys.id, input.response.id), eq(passkeys.userId, input.userId)));
  if (!key) return false;
  const { rpID, origin } = relyingParty(config);
  const { verifyAuthenticationResponse } = await webauthn();
  const result = await verifyAuthenticationResponse({
    response: input.response,
    expectedChallenge: input.challenge,
    expectedOrigin: origin,
    expectedRPID: rpID,
    credential: {
      id: key.id,
      publicKey: new Uint8Array(decodeBase64urlIgnorePadding(key.publicKey)),
      counter: key.counter,
      transports: key.transports,
    },
    requireUserVerification: false,
  }).catch(() => null);
  if (!result?.verified) return false;
  await db
    .update(passkeys)
    .set({ counter: result.authenticationInfo.newCounter, lastUsedAt: input.now })
    .where(eq(passkeys.id, key.id));
  return true;
}

export async function renamePasskey(db: Db, userId: string, id: string, name: string): Promise<boolean> {
  const rows = await db
    .update(passkeys)
    .set({ name })
    .where(and(eq(passkeys.id, id), eq(passkeys.userId, userId)))
    .returning({ id: passkeys.id });
  return rows.length === 1;
}

export async function removePasskey(db: Db, userId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(passkeys)
    .where(and(eq(passkeys.id, id), eq(passkeys.userId, userId)))
    .returning({ id: passkeys.id });
  return rows.length === 1;
}
