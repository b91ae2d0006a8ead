# gqf-bot in a container: `docker compose up -d` (compose.yaml) builds and runs it.
FROM node:22-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY src ./src
COPY commands ./commands
COPY storage ./storage
COPY scripts ./scripts
COPY deploy/container-run.sh /usr/local/bin/gqf-bot-run
# Data on the volume; the puppet-service cache in the user's home, outside the data and its backups.
# Exits 2, 3 and 4 (src/exit-codes.ts) need the operator: the entry point does not let them restart.
ENV DATA_DIR=/data \
    HOME=/home/node \
    HEALTH_PORT=9464 \
    NO_RESTART_EXIT_CODES="2 3 4"
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
HEALTHCHECK --interval=30s --timeout=5s --start-period=2m --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.HEALTH_PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
ENTRYPOINT ["/usr/local/bin/gqf-bot-run"]
CMD ["node", "--import", "tsx", "src/main.ts"]
