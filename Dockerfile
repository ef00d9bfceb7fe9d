# offlabel-jp as a container: builds the site, then serves it with nginx from Debian (the same nginx and brotli
# module that `npm test` proves the configuration on), with the security headers, caching, types and
# pre-compressed files that the build generates (src/lib/hosting.ts).
#
#   docker build --build-arg OFFLABEL_SITE_URL=https://offlabel.example.org -t offlabel-jp .
#   docker run --rm -p 127.0.0.1:8080:8080 offlabel-jp
#
# The public address is required: a container is for publishing, and a site built without its address would
# point its canonical links, feeds and sitemap at 127.0.0.1. OFFLABEL_BASE serves it under a sub-path.

FROM node:24-bookworm-slim AS build
ARG OFFLABEL_SITE_URL
ARG OFFLABEL_BASE=/
RUN test -n "$OFFLABEL_SITE_URL" || { echo "build with --build-arg OFFLABEL_SITE_URL=https://your.address" >&2; exit 1; }
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
RUN OFFLABEL_SITE_URL="$OFFLABEL_SITE_URL" OFFLABEL_BASE="$OFFLABEL_BASE" npm run build && npm run precompress

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends nginx libnginx-mod-http-brotli-static \
 && rm -rf /var/lib/apt/lists/* /etc/nginx/sites-enabled/default \
 && ln -sf /dev/stdout /var/log/nginx/access.log && ln -sf /dev/stderr /var/log/nginx/error.log
ARG OFFLABEL_BASE=/
COPY --from=build /app/dist-hosting/nginx-site.conf /etc/nginx/conf.d/offlabel-jp.conf
COPY --from=build /app/dist /srv/offlabel-jp${OFFLABEL_BASE}
EXPOSE 8080
CMD ["nginx", "-g", "daemon off;"]
