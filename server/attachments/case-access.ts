// The one place the attachment routes load a case and check that the user may see it, with the helpers the
// case routes use today (loadCase, canSeeCase); to be replaced by the case-scoped route plugin in one place.
// A case someone may not see answers 404 like one that does not exist.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { canSeeCase } from '../cases/access';
import { type LoadedCase, loadCase } from '../cases/repository';

export async function visibleCase(
  app: FastifyInstance,
  request: FastifyRequest<{ Params: { id: string } }>,
  reply: FastifyReply,
): Promise<LoadedCase | null> {
  const loaded = await loadCase(app.db, app.keyRing, request.params.id);
  if (!loaded || !canSeeCase(request.user!, loaded.row)) {
    await reply.callNotFound();
    return null;
  }
  return loaded;
}
