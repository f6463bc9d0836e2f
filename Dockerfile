# Waypost, for a server. Build: docker build -t waypost .
# Run behind a TLS-terminating reverse proxy, with PostgreSQL and two database roles (README, "Production"):
#   psql: create role waypost_owner login password '...'; create role waypost_app login password '...';
#         create database waypost owner waypost_owner;
#   (waypost_app owns nothing: at each start the owner runs the migrations and grants it only INSERT and
#    SELECT on the audit tables, so it cannot ALTER, TRUNCATE, DELETE, UPDATE or disable their triggers.)
#   docker run -p 3000:3000 -e PUBLIC_URL=https://waypost.example.org -e TRUST_PROXY=true \
#     -e DATABASE_URL=postgres://waypost_app:...@db/waypost \
#     -e DATABASE_MIGRATION_URL=postgres://waypost_owner:...@db/waypost \
#     -e WAYPOST_ENCRYPTION_KEY=... -e WAYPOST_AUDIT_KEY=... \
#     -v waypost-checkpoints:/app/audit-checkpoints waypost
# Keep both keys out of the database's reach and back them up apart from its backups. Copy the signed audit
# checkpoints (the volume, or the admin's audit page) somewhere the database's holders cannot reach.
# The set-up link for the first administrator is printed in the container's log (docker logs).
# One worker process per core (WEB_CONCURRENCY to change it). The command-line tools are compiled too:
#   docker exec -i CONTAINER node dist/server/cli/user-create.js --email E --role admin
#   docker exec CONTAINER node dist/server/cli/audit-verify.js

# Stage 1: all dependencies (npm ci applies patches/ through patch-package), the compiled JavaScript in
# dist/, then the development dependencies pruned. Native modules (argon2) get their binaries here.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci --no-audit --no-fund
COPY scripts ./scripts
COPY server ./server
COPY rules ./rules
COPY db ./db
COPY views ./views
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# Stage 2: the runtime image, no build tools, not root.
FROM node:22-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/app/data \
    AUDIT_CHECKPOINT_DIR=/app/audit-checkpoints
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
RUN mkdir -p /app/data /app/audit-checkpoints && chown node:node /app/data /app/audit-checkpoints \
    && chmod 700 /app/data /app/audit-checkpoints
USER node
EXPOSE 3000
VOLUME ["/app/data", "/app/audit-checkpoints"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/server/main.js"]
