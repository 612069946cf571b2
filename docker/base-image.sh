#!/usr/bin/env bash
# Builds the container's base image, Debian 12 with OpenJDK 17's headless JRE and curl (for the health check),
# from Debian's packages, as a `docker save` tarball that Jib can build on (jib.from.image=tar://...). For a
# machine that reaches Debian's mirror but no container registry; needs root (debootstrap), no Docker daemon.
#   sudo docker/base-image.sh [OUT.tar]      (default target/base-image.tar)
set -euo pipefail
out=$(realpath -m "${1:-target/base-image.tar}")
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
arch=$(dpkg --print-architecture)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/rootfs

debootstrap --variant=minbase --include=openjdk-17-jre-headless,curl,ca-certificates bookworm "$root" "$mirror"
# What a container does not need: the package cache and lists, docs, man pages.
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* "$root"/usr/share/man/*

mkdir -p "$work/image"
tar -C "$root" --numeric-owner --xattrs -cf "$work/image/layer.tar" .
diff_id=$(sha256sum "$work/image/layer.tar" | cut -d' ' -f1)
java_home=$(cd "$root" && ls -d usr/lib/jvm/java-17-openjdk-* | head -n 1); java_home=/$java_home
cat > "$work/image/config.json" <<JSON
{"architecture":"$arch","os":"linux",
 "config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=$java_home","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},
 "history":[{"created_by":"docker/base-image.sh: debootstrap bookworm openjdk-17-jre-headless curl"}]}
JSON
echo '[{"Config":"config.json","RepoTags":["cited-base:bookworm-jre17"],"Layers":["layer.tar"]}]' \
    > "$work/image/manifest.json"
mkdir -p "$(dirname "$out")"
tar -C "$work/image" -cf "$out" manifest.json config.json layer.tar
echo "Base image: $out ($(du -h "$out" | cut -f1), java at $java_home)"
