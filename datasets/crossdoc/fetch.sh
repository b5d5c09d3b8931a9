#!/usr/bin/env bash
# How documents/ was made: real documents from Debian bookworm packages, none written by this project.
# The files are committed, so nothing needs this at test time; run it to check or refresh their provenance.
# Usage: datasets/crossdoc/fetch.sh [OUT]   (default: datasets/crossdoc/documents; needs apt-get, dpkg-deb, groff)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/documents}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
packages=(python3.11-doc debian-policy debian-reference-en base-passwd git gzip make libpipeline1 libxml2
          shared-mime-info libtasn1-doc grep zstd adwaita-icon-theme node-fetch)
apt-get download "${packages[@]}" >/dev/null
for deb in *.deb; do dpkg-deb -x "$deb" root; done
doc=root/usr/share/doc
man() { zcat "root/usr/share/man/man1/$1.1.gz" | groff -man -Tutf8 -P-cbou 2>/dev/null; }
mkdir -p "$out"
cp "$here/../../seeds/dhs-human-smuggling-campaign.txt"          "$out/dhs-human-smuggling-campaign.txt"
cp "$doc/python3.11/html/faq/general.html"                        "$out/python-faq-general.html"
cp "$doc/base-passwd/users-and-groups.html"                       "$out/users-and-groups.html"
zcat "$doc/debian-policy/copyright-format-1.0.txt.gz"             > "$out/copyright-format-1.0.txt"
cp "$doc/git/README.md"                                           "$out/git-readme.md"
man gzip                                                          > "$out/gzip-manual.txt"
zcat "$doc/libpipeline1/NEWS.md.gz"                               > "$out/libpipeline-news.md"
cp "$doc/libtasn1-doc/libtasn1.pdf"                               "$out/libtasn1-manual.pdf"
cp "$doc/python3.11/html/howto/sorting.html"                      "$out/python-sorting-howto.html"
cp "$doc/python3.11/html/license.html"                            "$out/python-license.html"
cp root/usr/share/debian-reference/pr01.en.html                   "$out/debian-reference-preface.html"
zcat "$doc/debian-policy/autopkgtest.txt.gz"                      > "$out/autopkgtest.txt"
man make                                                          > "$out/make-manual.txt"
cp "$doc/libxml2/README.md"                                       "$out/libxml2-readme.md"
cp "$doc/shared-mime-info/shared-mime-info-spec.pdf"              "$out/shared-mime-info-spec.pdf"
# added later, as dev documents
man grep                                                          > "$out/grep-manual.txt"
zcat "$doc/debian-policy/menu-policy.txt.gz"                      > "$out/menu-policy.txt"
cp "$doc/python3.11/html/howto/ipaddress.html"                    "$out/python-ipaddress-howto.html"
zcat "$doc/zstd/README.md.gz"                                     > "$out/zstd-readme.md"
# added later still, as a dev document: the CC BY-SA 4.0 licence text from a Debian copyright file (its second
# "License: CC-BY-SA-4.0" stanza), one leading space and the "." of blank lines taken away
awk '/^License: CC-BY-SA-4.0$/ {n++; if (n == 2) {f = 1; next}} f && /^[^ ]/ {exit} f' \
    "$doc/adwaita-icon-theme/copyright" | sed -e 's/^ //' -e 's/^\.$//'  > "$out/cc-by-sa-4.0.txt"
# and then, as a dev document, an API reference in Markdown: node-fetch 3's README
zcat "$doc/node-fetch/README.md.gz"                               > "$out/node-fetch-readme.md"
ls -l "$out"
