# Sourced by ./nightjar and ./build (after scripts/jdk.sh): the CLI's fast-start form of target/nightjar.jar.
#
# A Spring Boot jar nests its libraries, so every class of a cold command is read through a nested-jar
# loader; the JDK's class-data caches do not work with it. `nightjar_app_image` therefore extracts the
# jar once into target/app (nightjar.jar + lib/*.jar on a plain class path) and, on JDK 25 or newer,
# records an AOT cache (JEP 483/514: classes loaded and linked ahead of time) from a training run of
# status/ask/brief on the sandbox company (dev.nightjar.bench.StartupTraining). On JDK 21-24 the
# launcher instead lets the JVM keep a dynamic CDS archive (-XX:+AutoCreateSharedArchive, JDK 19+).
# Both are only caches: a missing, stale or refused one costs speed, never a result.

nightjar_app_dir="$here/target/app"
nightjar_app_jar="$nightjar_app_dir/nightjar.jar"
nightjar_aot_cache="$nightjar_app_dir/nightjar.aot"
nightjar_cds_archive="$nightjar_app_dir/nightjar-dynamic.jsa"

# JVM flags for short CLI commands (not serve/sync/demo/bench/reindex): one C1 compiler tier and the
# serial collector start fastest for a sub-second process and leave the second core to the work. The
# AOT cache is recorded with the same flags so that it matches them.
NIGHTJAR_CLI_JVM_FLAGS=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData --enable-native-access=ALL-UNNAMED)

# Extracts target/nightjar.jar into target/app and records the AOT cache when the JDK has one.
# Prints progress on stderr; returns non-zero only when the extraction failed.
nightjar_app_image() {
  local jar="$here/target/nightjar.jar" log="$here/target/app-image.log" tmp
  rm -rf "$nightjar_app_dir"
  "$JAVA_HOME/bin/java" -Djarmode=tools -jar "$jar" extract --destination "$nightjar_app_dir" >"$log" 2>&1 \
    || { echo "nightjar: could not extract $jar (see $log)" >&2; rm -rf "$nightjar_app_dir"; return 1; }
  [ "$NIGHTJAR_JAVA_MAJOR" -ge 25 ] || return 0
  echo "nightjar: recording the start-up cache (once per build, ~30 s)..." >&2
  tmp="$(mktemp -d "${TMPDIR:-/tmp}/nightjar-aot.XXXXXX")"
  if "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$nightjar_app_jar" dev.nightjar.bench.StartupTraining seed "$tmp" >>"$log" 2>&1 \
     && "$JAVA_HOME/bin/java" "${NIGHTJAR_CLI_JVM_FLAGS[@]}" -XX:AOTCacheOutput="$nightjar_aot_cache" \
          -cp "$nightjar_app_jar" dev.nightjar.bench.StartupTraining run "$tmp" >>"$log" 2>&1; then
    :
  else
    echo "nightjar: no start-up cache this time (see $log); commands still run, only slower to start" >&2
    rm -f "$nightjar_aot_cache"
  fi
  rm -rf "$tmp"
  return 0
}

# The JVM flags that use whichever cache this JDK supports (none when the AOT cache is missing or
# older than the extracted jar). -Xlog:aot/cds off: a cache the JVM refuses must not print on stderr.
nightjar_cache_flags() {
  local major
  major="$NIGHTJAR_JAVA_MAJOR"
  if [ "$major" -ge 25 ]; then
    if [ -f "$nightjar_aot_cache" ] && [ "$nightjar_aot_cache" -nt "$nightjar_app_jar" ]; then
      printf '%s\n' "-XX:AOTCache=$nightjar_aot_cache" "-Xlog:aot=off" "-Xlog:cds=off"
    fi
  else
    printf '%s\n' "-XX:+AutoCreateSharedArchive" "-XX:SharedArchiveFile=$nightjar_cds_archive" "-Xlog:cds=off"
  fi
}
