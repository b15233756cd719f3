# Tandem: one image for every app instance (decision 113). Not built in CI here (no docker on the
# build machine); `docker compose up` with compose.yaml runs two instances, PostgreSQL and Redis.

# --- build: the web app and the server bundle ---
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY . .
RUN npm ci --no-audit --no-fund && node scripts/build.mjs --force

# --- run: the bundle, the built web app and the server's production dependencies only ---
FROM node:20-bookworm-slim
# pg_dump/pg_restore for `npm run backup` / `restore` (Debian 12 ships version 15: keep the server at 15).
RUN apt-get update && apt-get install -y --no-install-recommends postgresql-client-15 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production PORT=3000 TANDEM_DATA_DIR=/data
COPY package.json package-lock.json ./
COPY packages/core/package.json packages/core/
COPY packages/contracts/package.json packages/contracts/
COPY packages/db/package.json packages/db/
COPY apps/server/package.json apps/server/
COPY apps/web/package.json apps/web/
COPY e2e/package.json e2e/
COPY bench/package.json bench/
RUN npm ci --omit=dev --no-audit --no-fund -w apps/server && npm cache clean --force
COPY --from=build /src/apps/server/dist apps/server/dist
COPY --from=build /src/apps/web/dist apps/web/dist
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The same process `npm start` runs after its build step; SIGTERM drains in-flight requests.
CMD ["node", "--enable-source-maps", "apps/server/dist/main.js"]
