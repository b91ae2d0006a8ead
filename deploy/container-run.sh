#!/bin/sh
# The container's entry point: runs the bot, passes SIGTERM/SIGINT on, and turns the exits a restart
# cannot fix (NO_RESTART_EXIT_CODES, "2 3 4": configuration, data, lock; see src/exit-codes.ts) into
# a stop, so that `restart: on-failure` restarts only what a restart can fix.
set -u
"$@" &
child=$!
trap 'kill -TERM "$child" 2>/dev/null' TERM
trap 'kill -INT "$child" 2>/dev/null' INT
wait "$child"
code=$?
# A trapped signal interrupts `wait`; wait again for the bot's own exit.
while kill -0 "$child" 2>/dev/null; do
  wait "$child"
  code=$?
done
for no in ${NO_RESTART_EXIT_CODES:-2 3 4}; do
  if [ "$code" = "$no" ]; then
    echo "gqf-bot exited with $code (configuration, data or lock; see the lines above): not restarting. Fix it, then start the container again." >&2
    exit 0
  fi
done
exit "$code"
