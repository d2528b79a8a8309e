# Sourced by the repo's commands: exports JAVA_HOME as a JDK 25 or newer found on this machine, or says in one
# line what is missing and exits. Looks at JAVA_HOME, the java on PATH, SDKMAN, and the usual install folders of
# Linux and macOS, in that order.

taskflow_java_version() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ { print $2 }'
}

taskflow_find_jdk() {
  local on_path="" candidate version
  if command -v java >/dev/null 2>&1; then
    on_path=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  fi
  for candidate in "${JAVA_HOME:-}" "$on_path" "${SDKMAN_CANDIDATES_DIR:-$HOME/.sdkman/candidates}"/java/* \
      /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    version=$(taskflow_java_version "$candidate" 2>/dev/null)
    if [ "${version%%.*}" -ge 25 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if ! JAVA_HOME=$(taskflow_find_jdk); then
  echo "TaskFlow needs a JDK 25 or newer: none in JAVA_HOME, on PATH, in SDKMAN or /usr/lib/jvm; install one (e.g. Temurin 25) or set JAVA_HOME to it." >&2
  exit 1
fi
export JAVA_HOME
