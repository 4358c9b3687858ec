# shellcheck shell=bash disable=SC2034
# Common definitions for the QEMU harness scripts (sourced, not run).
#
# Everything downloaded or built lives in the cache, outside the repository,
# so that the checkout stays small and a second run needs no network.

set -euo pipefail

QEMU_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CACHE=${KEXEC_CHECK_CACHE:-$HOME/.cache/kexec-check/qemu}

# Kernel series the harness knows; each maps to one Debian arm64 image.
KERNEL_SERIES=(6.1 6.12)

EFI_FIRMWARE=/usr/share/qemu-efi-aarch64/QEMU_EFI.fd

# One-line errors: usage problems exit 2 (bad arguments), everything else 1.
die()   { echo "${0##*/}: error: $*" >&2; exit 1; }
usage_error() { echo "${0##*/}: $* (see ${0##*/} --help)" >&2; exit 2; }
note()  { echo "${0##*/}: $*" >&2; }
# value OPTION "$@": the value after OPTION, or a usage error if there is none.
value() { [ $# -ge 2 ] && [ -n "$2" ] || usage_error "$1 needs a value"; echo "$2"; }
