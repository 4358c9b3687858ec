#!/usr/bin/env bash
# Builds native/target/libkexeccheck-cadical.so: Debian's CaDiCaL (libcadical-dev) as one shared
# library that kexec-check loads in-process through JNA (docs/performance.md, "Engines").
# Optional: without it kexec-check solves with SAT4J, the embedded default.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
archive="${CADICAL_ARCHIVE:-/usr/lib/$(gcc -print-multiarch 2>/dev/null || echo x86_64-linux-gnu)/libcadical.a}"
header=/usr/include/ccadical.h

if ! command -v g++ >/dev/null 2>&1; then
  echo "build-cadical: g++ is missing: apt-get install g++ libcadical-dev" >&2
  exit 1
fi
if [ ! -f "$archive" ] || [ ! -f "$header" ]; then
  echo "build-cadical: CaDiCaL is not installed ($archive or $header missing): apt-get install libcadical-dev" >&2
  exit 1
fi

mkdir -p "$here/target"
out="$here/target/libkexeccheck-cadical.so"
# --whole-archive: every ccadical_* symbol is kept, not only those the shim uses (the Java side calls
# ccadical_init, ccadical_solve and ccadical_release directly); libcadical.a is position-independent.
gcc -O2 -fPIC -c "$here/kexeccheck-cadical.c" -o "$here/target/kexeccheck-cadical.o"
g++ -shared -o "$out" "$here/target/kexeccheck-cadical.o" \
  -Wl,--whole-archive "$archive" -Wl,--no-whole-archive -lstdc++
echo "build-cadical: built $out ($(dpkg-query -W -f='CaDiCaL ${Version}' libcadical-dev 2>/dev/null || echo CaDiCaL))"
