# Shared by the jobs/ scripts: source it, then call build_quietly [maven goals...].
# Runs Maven quietly (its output is shown only when it fails) from the project root.
build_quietly() {
  local root log
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  log="$(mktemp)"
  if ! (cd "$root" && mvn -q -B -Dstyle.color=never "$@" >"$log" 2>&1); then
    cat "$log" >&2
    rm -f "$log"
    return 1
  fi
  rm -f "$log"
}
