#!/usr/bin/env bash
# The steps of deploy/docker/Dockerfile, one subcommand each, so that `make image-steps` runs the
# same steps on this machine (there is no Docker engine here) and they cannot rot unseen.
#
#   stride-image.sh build SRC PREFIX     release build of SRC (Swift's runtime linked statically, so
#                                        the image needs no Swift toolchain); the binary and the
#                                        papermill translator's sources into PREFIX
#   stride-image.sh runtime-packages     the shared libraries the binary needs (apt, as root)
#   stride-image.sh install PREFIX       kernelspec into the Python environment of `python3` (the
#                                        image's conda env; a venv under make), the papermill
#                                        translator, and Fashion-MNIST (in its Debian place,
#                                        /usr/share/datasets/fashion-mnist) decoded once into
#                                        PREFIX/dataset-cache, which every kernel maps read-only
#   stride-image.sh check PREFIX         a kernel from that kernelspec answers and maps the cache
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
step=${1:?usage: stride-image.sh build|runtime-packages|install|check ...}

build() {
  local src=$1 prefix=$2
  local flags=${STRIDE_BUILD_FLAGS:---static-swift-stdlib} scratch=${STRIDE_SCRATCH:-$src/.build}
  # shellcheck disable=SC2086  # the flags are words
  (cd "$src" && swift build -c release $flags --product stride --scratch-path "$scratch")
  mkdir -p "$prefix/bin"
  install -m 755 "$(cd "$src" && swift build -c release $flags --show-bin-path --scratch-path "$scratch")/stride" \
    "$prefix/bin/stride"
  cp -r "$src/python/stride-papermill" "$prefix/stride-papermill"
  rm -rf "$prefix/stride-papermill/build" "$prefix/stride-papermill"/*.egg-info
}

runtime_packages() {
  local ssl=libssl3
  local jpeg=libturbojpeg0
  apt-get update -q
  apt-cache show libssl3t64 >/dev/null 2>&1 && ssl=libssl3t64  # Ubuntu 24.04 renamed it
  apt-cache show libturbojpeg0 >/dev/null 2>&1 || jpeg=libturbojpeg  # Ubuntu's name
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    libzmq5 libopenblas0-pthread zlib1g "$jpeg" "$ssl"
  rm -rf /var/lib/apt/lists/*
}

install_kernel() {
  local prefix=$1
  VIRTUAL_ENV=$(python3 -c 'import sys; print(sys.prefix)') "$prefix/bin/stride" install --sys-prefix
  python3 -m pip install -q --no-deps --disable-pip-version-check "$prefix/stride-papermill"
  mkdir -p "$prefix/dataset-cache"
  printf 'let data = FashionMNIST()\nprint("Fashion-MNIST cached:", data.train.count, data.test.count)\n' \
    > "$prefix/warm-cache.swift"
  STRIDE_CACHE_DIR="$prefix/dataset-cache" "$prefix/bin/stride" run "$prefix/warm-cache.swift"
  chmod -R a+rX "$prefix"
}

case "$step" in
  build) build "${2:?SRC}" "${3:?PREFIX}" ;;
  runtime-packages) runtime_packages ;;
  install) install_kernel "${2:?PREFIX}" ;;
  check) "${STRIDE_CHECK_PYTHON:-python3}" "$here/check_image.py" "${2:?PREFIX}" ;;
  *) echo "unknown step: $step" >&2; exit 2 ;;
esac
