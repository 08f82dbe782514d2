# Shared by scripts/cluster and scripts/faults (sourced, not run). Everything they start is ended
# on exit, also on failure or Ctrl-C: nginx and the app processes by the pids they recorded in the
# temp dir, a private PostgreSQL by pg_ctl; then the temp dir is removed.

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
tmp=""

ensure_nginx() {
  if ! command -v nginx >/dev/null 2>&1; then
    echo "nginx 未安装，正在安装（Debian 软件包）…" >&2
    apt-get update && apt-get install -y nginx
  fi
}

ensure_build() {
  [ -f build/index.js ] || npx remix build
}

cleanup() {
  local status=$?
  if [ -n "$tmp" ]; then
    if [ -f "$tmp/nginx/nginx.pid" ]; then kill -TERM "$(cat "$tmp/nginx/nginx.pid")" 2>/dev/null || true; fi
    if [ -f "$tmp/children.pid" ]; then
      while read -r pid; do kill -TERM "$pid" 2>/dev/null || true; done <"$tmp/children.pid"
    fi
    if [ -f "$tmp/pg/data/postmaster.pid" ]; then
      runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$tmp/pg/data" stop -m immediate >/dev/null 2>&1 || true
    fi
    rm -rf "$tmp"
  fi
  exit "$status"
}

make_tmp() {
  tmp="$(mktemp -d "/tmp/$1.XXXXXX")"
  chmod 755 "$tmp"
  trap cleanup EXIT
  trap 'exit 130' INT TERM
}

free_port() {
  node -e 'const s = require("node:net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

# A PostgreSQL 15 cluster of our own in $tmp/pg (trust auth, loopback only), so a fault check can
# stop and restart it without touching the shared server. Sets PRIVATE_PG_PORT.
start_private_postgres() {
  mkdir "$tmp/pg"
  chown postgres "$tmp/pg"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$tmp/pg/data" -A trust -U postgres >/dev/null
  PRIVATE_PG_PORT="$(free_port)"
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$tmp/pg/data" -l "$tmp/pg/log" -w -t 30 \
    -o "-p $PRIVATE_PG_PORT -k $tmp/pg -c listen_addresses=127.0.0.1" start >/dev/null
}
