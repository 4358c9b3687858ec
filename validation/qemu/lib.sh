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

# Modules the guest loads for --devices active (virtio-net over PCI, MSI-X
# through the ITS), in load order; those a kernel has built in are skipped.
NET_MODULES=(virtio_pci_legacy_dev virtio_pci_modern_dev virtio_pci failover net_failover virtio_net)
NET_MODULE_GLOBS=('./lib/modules/*/kernel/drivers/virtio/virtio_pci*' './lib/modules/*/kernel/net/core/failover.ko*'
                  './lib/modules/*/kernel/drivers/net/net_failover.ko*' './lib/modules/*/kernel/drivers/net/virtio_net.ko*')

# One-line errors: usage problems exit 2 (bad arguments), everything else 1.
die()   { echo "${0##*/}: error: $*" >&2; exit 1; }
usage_error() { echo "${0##*/}: $* (see ${0##*/} --help)" >&2; exit 2; }
note()  { echo "${0##*/}: $*" >&2; }
# value OPTION "$@": the value after OPTION, or a usage error if there is none.
value() { [ $# -ge 2 ] && [ -n "$2" ] || usage_error "$1 needs a value"; echo "$2"; }

REPO_ROOT=$(cd "$QEMU_DIR/../.." && pwd)
# The patch that makes EnableLPIs sticky (--hardware sticky) and the cache
# directory of the QEMU built with it, keyed by the patch's diff (from its
# first "diff " line on: editing the explanatory header rebuilds nothing).
STICKY_PATCH=$QEMU_DIR/patches/gicv3-sticky-enablelpis.patch
sticky_patch_hash() { sed -n '/^diff /,$p' "$STICKY_PATCH" | sha256sum | cut -c1-16; }
sticky_qemu_dir() { echo "$CACHE/qemu-sticky-$(sticky_patch_hash)"; }
