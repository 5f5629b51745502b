# Sourced by ./nightjar and ./build: sets JAVA_HOME to a JDK >= 21 or exits with a clear message.
# Order: $JAVA_HOME, the `java` on PATH, then the newest JDK under /usr/lib/jvm.
# The JDK's release file names its version without starting a JVM (each start costs ~0.1 s of a
# launch that should take well under a second); ask the JVM only when there is no such file.
nightjar_java_major() {
  local v=""
  [ -f "$1/release" ] && v="$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$1/release" | head -n 1)"
  [ -n "$v" ] || v="$("$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ {print $2; exit}')"
  v="${v#1.}"   # 1.8 -> 8
  echo "${v%%[.+-]*}"
}

nightjar_find_jdk() {
  local candidates=() c best="" best_major=0 major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  # NIGHTJAR_JVM_DIRS (space-separated globs) replaces the usual install locations, e.g. for a test
  for c in ${NIGHTJAR_JVM_DIRS:-/usr/lib/jvm/* /opt/java/* /opt/jdk*}; do [ -d "$c" ] && candidates+=("$c"); done
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    major=$(nightjar_java_major "$c")
    [ -n "$major" ] || continue
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best="$c"; best_major=$major; fi
  done
  if [ -z "$best" ]; then
    echo "nightjar: needs a JDK 21 or newer (found none in JAVA_HOME, PATH or /usr/lib/jvm)." >&2
    echo "nightjar: install one (e.g. apt-get install openjdk-21-jdk) or set JAVA_HOME to it." >&2
    exit 2
  fi
  export JAVA_HOME="$best"
  NIGHTJAR_JAVA_MAJOR="$best_major"
  export PATH="$JAVA_HOME/bin:$PATH"
}
nightjar_find_jdk
