#!/usr/bin/env bash
# Start the local services the test suite talks to, when they are installed but not running.
# PostgreSQL (127.0.0.1:5432), Redis (127.0.0.1:6379) and RabbitMQ (127.0.0.1:5672).
set -u

up() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for() {
  for _ in $(seq 1 60); do up "$1" && return 0; sleep 1; done
  echo "services: $2 did not come up on port $1" >&2
  return 1
}

if ! up 5432; then
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    echo "services: starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
    wait_for 5432 PostgreSQL || exit 1
  else
    echo "services: PostgreSQL is not installed; the database tests need it on 127.0.0.1:5432" >&2
    exit 1
  fi
fi

if ! up 6379 && command -v redis-server >/dev/null 2>&1; then
  echo "services: starting Redis"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log || true
  wait_for 6379 Redis || true
fi

if ! up 5672 && command -v rabbitmq-server >/dev/null 2>&1; then
  echo "services: starting RabbitMQ"
  rabbitmq-server -detached || true
  wait_for 5672 RabbitMQ || true
fi
exit 0
