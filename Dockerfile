# syntax=docker/dockerfile:1
# The knowledge base as a container image: built on Node 22, served by nginx with Hindsight's production
# configuration (deploy/nginx/hindsight.conf: the headers of public/_headers, the 404 page, the alias
# redirects). Works in a clone of Hindsight and in a knowledge base made by `hindsight init`.
#
#   docker build -t postmortems --build-arg HINDSIGHT_SITE=https://postmortems.example.com .
#   docker run --rm -p 8080:8080 postmortems        # then open http://localhost:8080/

FROM node:22-bookworm-slim AS build
WORKDIR /site
ENV ASTRO_TELEMETRY_DISABLED=1
# Dependencies first, so that a content change reuses this layer. Build and CLI needs are all in
# "dependencies"; the development tools are left out.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY . .
# The public address (canonical links, feeds); without it the build uses its placeholder address.
ARG HINDSIGHT_SITE=""
RUN if [ -z "$HINDSIGHT_SITE" ]; then unset HINDSIGHT_SITE; fi; npm run build
# The server configuration comes with Hindsight: here in a clone, under node_modules in a knowledge base.
RUN if [ -f deploy/nginx/hindsight.conf ]; then cp deploy/nginx/hindsight.conf /site/nginx.conf; \
    else cp node_modules/hindsight/deploy/nginx/hindsight.conf /site/nginx.conf; fi

FROM nginxinc/nginx-unprivileged:1.28 AS serve
COPY --from=build /site/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /site/dist/ /usr/share/nginx/html/
EXPOSE 8080
