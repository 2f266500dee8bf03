# Sourced by jobs/spark-standalone and jobs/hdfs-standalone: wait for a background JVM, stop one by its PID file.

# wait_for LOG PATTERN PID WHAT: waits until LOG matches PATTERN while PID lives (180 s at most: a loaded machine is slow)
wait_for() {
  for _ in $(seq 1 360); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    kill -0 "$3" 2>/dev/null || { echo "$(basename "$0"): $4 exited; see $1" >&2; tail -20 "$1" >&2; return 1; }
    sleep 0.5
  done
  echo "$(basename "$0"): $4 not ready after 180 s; see $1" >&2
  return 1
}

stop_pid() {  # stop_pid FILE WHAT: stops the process whose PID FILE holds (TERM, KILL after 10 s), removes FILE
  [[ -f "$1" ]] || return 0
  local pid; pid="$(cat "$1")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid"; fi
    echo "stopped $2 (pid $pid)"
  fi
  rm -f "$1"
}

running() {  # running FILE: whether the process whose PID FILE holds is alive
  [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null
}
