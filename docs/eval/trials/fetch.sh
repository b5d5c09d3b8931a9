#!/usr/bin/env bash
# How the documents of the new-user trial rounds were made (README.md here, first table): real documents from
# Debian bookworm packages, none written by this project, each round beside the release
# (seeds/dhs-human-smuggling-campaign.txt). Nothing comes from /usr/share/common-licenses or Node.js's documentation.
# Usage: docs/eval/trials/fetch.sh OUTDIR
#   makes OUTDIR/round0/seeds ... OUTDIR/round92/seeds (each replaced if it exists), one folder per round to use as
#   QA_SEEDS_DIR. Needs apt-get (run as root, after apt-get update), dpkg-deb, python3, man (man-db) and col
#   (bsdextrautils), the last two installed with apt-get when missing; round 12 also pip and npm (PyPI, npm).
set -euo pipefail
start=$SECONDS
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
if (($# != 1)); then echo "usage: $0 OUTDIR" >&2; exit 2; fi
out=$1
mkdir -p "$out"
out=$(cd "$out" && pwd)
release=$repo/seeds/dhs-human-smuggling-campaign.txt
[[ -f $release ]] || { echo "missing $release" >&2; exit 1; }

missing=()
command -v man >/dev/null || missing+=(man-db)
command -v col >/dev/null || missing+=(bsdextrautils)
if ((${#missing[@]})); then apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null; fi
for tool in apt-get dpkg-deb python3 man col pip npm; do
    command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
# The binary package that ships each path (a few differ from the doc directory's name):
#   /usr/share/doc/dpkg/spec/*       dpkg-dev          /usr/share/doc/libffi8/html/*  libffi-dev
#   /usr/share/doc/bzip2/manual.pdf  bzip2-doc         /usr/share/doc/python3/python-policy.txt.gz  python3
#   man 5 apt_auth.conf, sources.list  apt            man 1 xargs  findutils
#   man 1 diff  diffutils            man 1 sort  coreutils             man 8 adduser  adduser
#   man 5 ssh_config  openssh-client  man 8 logrotate  logrotate       man 5 crontab  cron
#   man 5 nanorc  nano               man 1 tree  tree
#   /usr/share/info/ed.info.gz  ed     /usr/share/doc/yq/README.rst.gz  yq
#   /usr/share/doc/jq/changelog.Debian.gz  jq                       /etc/adduser.conf  adduser
#   /usr/share/doc/bash/COMPAT.gz, RBASH  bash
#   /usr/share/doc/apache2/README.Debian.gz  apache2                man 8 useradd  passwd
#   /usr/share/doc/openssh-client/README.Debian.gz  openssh-client  man 5 fstab  mount
#   /usr/share/doc/sudo/README.Debian, OPTIONS  sudo
#   /usr/share/doc/htop/README.gz  htop                             man 1 rrsync  rsync
#   /usr/share/doc/tmux/README  tmux                                man 5 rsyncd.conf  rsync
#   /usr/share/doc/fzf/README.Debian  fzf                           man 5 systemd.timer  systemd
#   /usr/share/doc/ufw/README.gz  ufw
#   /usr/share/doc/unattended-upgrades/README.md.gz  unattended-upgrades   man 1 grep  grep
#   /usr/share/doc/needrestart/README.md, README.batch.md  needrestart      man 5 logind.conf  systemd
#   /usr/share/doc/chrony/FAQ.gz  chrony                          man 5 resolv.conf  manpages
#   man 8 sshd, man 5 moduli  openssh-server
#   /usr/share/doc/python3.11/html/library/zipapp.html, faq/installed.html  python3.11-doc
#   /usr/share/doc/restic/html/050_restore.html, 070_encryption.html  restic
#   /usr/share/doc/git-lfs/locking.md.gz  git-lfs
#   /usr/share/doc/borgbackup/README.rst.gz  borgbackup           man 5 sshd_config  openssh-server
#   /usr/share/doc/python3.11/html/howto/sorting.html, library/shlex.html  python3.11-doc
#   man 8 apt-get  apt             /usr/share/doc/git-lfs/server-discovery.md  git-lfs
#   man 1 watch  procps            /usr/share/doc/dnsmasq-base/FAQ.gz  dnsmasq-base
#   man 5 jail.conf  fail2ban      /usr/share/doc/smartmontools/badblockhowto.html  smartmontools
#   man 1 git-stash  git-man       /usr/share/doc/asciinema/README.md.gz  asciinema
#   man 5 journald.conf  systemd   /usr/share/doc/cryptsetup/README.Debian.gz  cryptsetup
#   /usr/share/doc/sqlite3/limits.html  sqlite3-doc                 man 1 zstd  zstd
#   man 5 mke2fs.conf  e2fsprogs   /usr/share/doc/aria2/README.html  aria2
#   man 1 iperf3  iperf3           /usr/share/doc/vsftpd/FAQ.gz  vsftpd
#   /usr/share/doc/btop/README.md.gz  btop
#   /usr/share/doc/postgresql-doc-15/html/runtime-config-connection.html  postgresql-doc-15
#   man 5 exports  nfs-kernel-server   /usr/share/doc/tig/tig.1.html  tig
#   /usr/share/doc/mosh/README.md.gz  mosh   /usr/share/doc/python3.11/html/library/glob.html  python3.11-doc
#   /usr/share/doc/node-marked/CONTRIBUTING.md.gz  node-marked   /usr/share/doc/rakudo/copyright  rakudo
#   /usr/share/doc/containerd/README.md.gz  containerd   /usr/share/doc/postfix/html/CONNECTION_CACHE_README.html  postfix-doc
#   /usr/share/doc/etckeeper/README.mdwn.gz  etckeeper   man 5 gitignore  git-man
#   /usr/share/doc/apache2-doc/manual/en/howto/htaccess.html  apache2-doc   man 5 nsswitch.conf  manpages
#   /usr/share/doc/less/NEWS.gz  less   man 1 ssh-keygen  openssh-client
#   /usr/share/doc/debian/FAQ/ftparchives.en.html  debian-faq   man 5 interfaces  ifupdown
#   /usr/share/doc/pipx/README.md.gz  pipx   man 1 pv  pv
#   man 5 login.defs  login          /usr/share/doc/socat/socat-multicast.html  socat
#   man 1 quilt  quilt               /usr/share/doc/screen/changelog.gz  screen
#   man 5 nslcd.conf  nslcd          /usr/share/doc/gettext/gettext_3.html  gettext-doc
#   man 5 dhclient.conf  isc-dhcp-client   /usr/share/doc/nano/faq.html  nano
#   /usr/share/doc/glances/README.rst.gz  glances   /usr/share/doc/openvpn/management-notes.txt.gz  openvpn
#   man 5 crypttab  cryptsetup   /usr/share/doc/podman/troubleshooting.md.gz  podman
#   /usr/share/doc/wget/NEWS.gz  wget   /usr/share/doc/git-doc/gitfaq.html  git-doc
#   man 1 gzip  gzip   /usr/share/doc/shellcheck/changelog.gz  shellcheck
#   /usr/share/doc/sqlite3/wal.html  sqlite3-doc   /usr/share/doc/mdadm/FAQ.gz  mdadm
#   man 1 ncdu  ncdu   /usr/share/doc/mc-data/FAQ.gz  mc-data
#   /usr/share/doc/rsyslog-doc/html/configuration/modules/imjournal.html  rsyslog-doc
#   /usr/share/doc/sshfs/README.rst  sshfs
#   man 8 ping  iputils-ping   /usr/share/doc/sysstat/FAQ.md.gz  sysstat
#   /usr/share/doc/sphinx-doc/html/man/sphinx-build.html  sphinx-doc   /usr/share/doc/procmail/FAQ  procmail
#   man 8 mtr  mtr-tiny   /usr/share/doc/lsof/00QUICKSTART.gz  lsof
#   /usr/share/doc/bc/bc.html  bc   /usr/share/doc/micro/README.md.gz  micro
#   man 1 fdfind  fd-find   /usr/share/doc/buildah/tutorials/01-intro.md.gz  buildah
#   /usr/share/doc/python-requests-doc/html/user/quickstart.html  python-requests-doc
#   /usr/share/doc/autossh/README.gz  autossh
#   man 1 rsnapshot  rsnapshot   /usr/share/doc/rkhunter/FAQ.gz  rkhunter
#   /usr/share/doc/python-flask-doc/html/cli.html  python-flask-doc
#   /usr/share/doc/ddclient/README.md.gz  ddclient
#   man 5 vnstat.conf  vnstat   /usr/share/doc/earlyoom/README.md.gz  earlyoom
#   /usr/share/doc/python-click-doc/html/options.html  python-click-doc
#   /usr/share/doc/rdiff-backup/FAQ.adoc.gz  rdiff-backup
#   man 5 auditd.conf  auditd   /usr/share/doc/irssi/startup-HOWTO.html  irssi
#   /usr/share/doc/bat/changelog.gz  bat   /usr/share/doc/resolvconf/README.gz  resolvconf
#   man 5 tinyproxy.conf  tinyproxy   /usr/share/doc/foot/README.md.gz  foot
#   /usr/share/doc/sqlite3/datatype3.html  sqlite3-doc   /usr/share/doc/haveged/README.gz  haveged
#   man 1 gocryptfs  gocryptfs   /usr/share/doc/mutt/examples/mutt_oauth2.py.README  mutt
#   man 8 hdparm  hdparm   /usr/share/doc/prometheus-node-exporter/README.md.gz  prometheus-node-exporter
#   man 1 ncat  ncat   /usr/share/doc/redis-server/README.md.gz  redis-server
#   man 1 msmtp  msmtp   /usr/share/doc/privoxy/faq/configuration.html  privoxy
packages=(python3 systemd dpkg-dev tcl8.6 python3-pip libaom3
          apt findutils man-db libnss-mdns libffi-dev
          bzip2-doc git zstd
          procps openssl libpng16-16
          curl wrk
          zlib1g-dev postgresql-common pkgconf-bin adduser
          valgrind libjson-c5 diffutils
          psmisc
          polkitd coreutils
          xz-utils libxslt1-dev gir1.2-pango-1.0
          adwaita-icon-theme libcrypt-dev
          libsisu-inject-java dbus-bin
          vim-runtime
          php8.2-common libboost1.74-dev node-glob
          libmono-system4.0-cil node-semver
          libdb5.3 libbz2-1.0 node-minimist
          gcc-12-base node-undici
          texlive-base node-ws
          python3.11-doc
          python3.11 node-tar
          node-commander node-yargs
          fonts-sil-gentium node-debug
          node-chokidar node-yaml node-axios
          openssh-client
          logrotate cron
          nano tree
          ed yq
          jq
          bash
          apache2 passwd
          mount
          sudo
          htop rsync
          tmux
          fzf
          ufw
          unattended-upgrades grep
          needrestart
          chrony manpages
          openssh-server
          restic git-lfs
          borgbackup
          dnsmasq-base
          fail2ban smartmontools
          git-man asciinema
          cryptsetup
          sqlite3-doc
          e2fsprogs aria2
          iperf3 vsftpd
          btop postgresql-doc-15
          nfs-kernel-server tig
          mosh
          node-marked rakudo
          containerd postfix-doc
          etckeeper
          apache2-doc
          less
          debian-faq ifupdown
          pipx pv
          login socat
          quilt screen
          nslcd gettext-doc
          isc-dhcp-client
          glances openvpn
          podman
          wget git-doc
          gzip shellcheck
          mdadm
          ncdu mc-data
          rsyslog-doc sshfs
          iputils-ping sysstat
          sphinx-doc procmail
          mtr-tiny lsof
          bc micro
          fd-find buildah
          python-requests-doc autossh
          rsnapshot rkhunter
          python-flask-doc ddclient
          vnstat earlyoom
          python-click-doc rdiff-backup
          auditd irssi
          bat resolvconf
          tinyproxy foot
          haveged
          gocryptfs mutt
          hdparm prometheus-node-exporter
          ncat redis-server
          msmtp privoxy)
# apt-get may warn that the download is "unsandboxed" (root in a folder _apt cannot read): harmless.
if ! apt-get download "${packages[@]}" >/dev/null 2>apt.err; then cat apt.err >&2; exit 1; fi
grep -v 'unsandboxed' apt.err >&2 || true
for deb in *.deb; do dpkg-deb -x "$deb" root; done
doc=root/usr/share/doc
manpages=root/usr/share/man

# A man page rendered as the trials did: MANWIDTH=80 man -P cat ... | col -b (col -b keeps runs of blanks as tabs;
# the locale is fixed to C.UTF-8, so a word hyphenated at a line end shows U+2010).
render_man() { MANWIDTH=80 LC_ALL=C.UTF-8 man -l -P cat "$manpages/$1" | col -b; }

# Text taken out of a Debian copyright file (machine-readable format), the way datasets/crossdoc/fetch.sh takes its
# CC BY-SA 4.0 text: a field's text is the lines after its first line up to the next line that starts with neither
# a space nor nothing (so the blank line that ends the stanza is kept); each loses one leading space, and a line that
# is then only "." becomes an empty line (the format's paragraph break).
#   debian_text licence FILE NAME [NTH]   the text of a "License: NAME" stanza. Without NTH, the occurrence with the
#       longest text, since a "Files:" stanza names its licence on a line of its own and the text sits in a
#       stand-alone stanza further down; with NTH, the NTH occurrence (1-based).
#   debian_text field FILE NAME           the text of a header field such as "Comment:" (its first occurrence).
#   debian_text between FILE START END TITLE   from the line holding START up to, not including, the line holding
#       END, taken as above, lines of "." and spaces as empty lines, the common indentation removed and trailing
#       empty lines dropped, under a first line TITLE and an empty line.
debian_text() {
    python3 - "$@" <<'PY'
import re, sys, textwrap

mode, path, *args = sys.argv[1:]
lines = open(path, encoding="utf-8").read().split("\n")
if lines and lines[-1] == "":
    lines.pop()  # the file's final newline

def body(i):
    """The lines after line i up to the next one that is neither empty nor starts with a space."""
    text = []
    for line in lines[i + 1:]:
        if line and not line.startswith(" "):
            break
        text.append(line)
    return text

def clean(text):
    text = [line[1:] if line.startswith(" ") else line for line in text]
    return ["" if line == "." else line for line in text]

def starts(pattern):
    return [i for i, line in enumerate(lines) if re.fullmatch(pattern, line)]

if mode == "licence":
    name, nth = args[0], (int(args[1]) if len(args) > 1 else None)
    heads = starts(r"License: " + re.escape(name))
    if not heads or (nth is not None and not 1 <= nth <= len(heads)):
        sys.exit(f"{path}: {len(heads)} 'License: {name}' lines, none taken")
    text = body(heads[nth - 1]) if nth is not None else max((body(i) for i in heads), key=len)
elif mode == "field":
    heads = starts(re.escape(args[0]) + r":\s*")
    text = body(heads[0]) if heads else []
elif mode == "between":
    start, end, title = args
    first = next((i for i, line in enumerate(lines) if start in line), None)
    last = None if first is None else next((i for i in range(first + 1, len(lines)) if end in lines[i]), None)
    if last is None:
        sys.exit(f"{path}: no text from '{start}' to '{end}'")
    text = ["" if line.strip() == "." else line for line in clean(lines[first:last])]
    text = textwrap.dedent("\n".join(text)).split("\n")
    while text and not text[-1].strip():
        text.pop()
    text = [title, ""] + text
else:
    sys.exit(f"unknown mode {mode}")
if mode != "between":
    if not any(line.strip() for line in text):
        sys.exit(f"{path}: no text for {mode} {args[0]}")
    text = clean(text)
sys.stdout.write("\n".join(text) + "\n")
PY
}

round() {  # round N: a fresh OUTDIR/roundN/seeds holding the release; prints its path
    local dir=$out/round$1/seeds
    rm -rf "$dir"
    mkdir -p "$dir"
    cp "$release" "$dir/"
    echo "$dir"
}

# Round 0
r=$(round 0)
zcat "$doc/python3/python-policy.txt.gz"                           > "$r/python-policy.txt"
zcat "$doc/systemd/UIDS-GIDS.md.gz"                                > "$r/systemd-UIDS-GIDS.md"
cp "$doc/dpkg/spec/rootless-builds.txt"                              "$r/dpkg-rootless-builds.txt"
# Tcl's licence: tcl8.6's copyright file is not in the machine-readable format and is its licence (who debianized
# it, the copyright holders, the Tcl licence, the other files' terms); taken whole.
cp "$doc/tcl8.6/copyright"                                           "$r/tcl-licence.txt"
zcat "$doc/python3-pip/html/development/issue-triage.md.gz"         > "$r/pip-issue-triage.md"
# The patent licence section of libaom3's copyright: its header's "Comment:" field ("In addition to the copyright
# license, aom contains the following patent license: ... Alliance for Open Media Patent License 1.0 ...").
debian_text field "$doc/libaom3/copyright" Comment                  > "$r/aom-patent-licence.txt"

# Round 1
r=$(round 1)
render_man man5/apt_auth.conf.5.gz                                  > "$r/apt_auth.conf.5.txt"
render_man man1/xargs.1.gz                                          > "$r/xargs.1.txt"
zcat "$doc/man-db/README.md.gz"                                    > "$r/man-db-readme.md"
zcat "$doc/libnss-mdns/README.md.gz"                               > "$r/nss-mdns-readme.md"
cp "$doc/python3-pip/html/topics/authentication.md"                 "$r/pip-authentication.md"
cp "$doc/libffi8/html/The-Closure-API.html"                         "$r/libffi-closure-api.html"

# Round 2
r=$(round 2)
zcat "$doc/bzip2/manual.pdf.gz"                                    > "$r/bzip2-manual.pdf"
cp "$doc/dpkg/spec/triggers.txt"                                    "$r/dpkg-triggers.txt"
cp "$doc/git/RelNotes/2.33.0.txt"                                   "$r/git-2.33.0-release-notes.txt"
zcat "$doc/zstd/CONTRIBUTING.md.gz"                                > "$r/zstd-contributing.md"
cp "$doc/libffi8/html/Thread-Safety.html"                           "$r/libffi-thread-safety.html"

# Round 3
r=$(round 3)
cp "$doc/procps/bugs.md"                                            "$r/procps-bugs.md"
zcat "$doc/systemd/ENVIRONMENT.md.gz"                              > "$r/systemd-ENVIRONMENT.md"
cp "$doc/python3-pip/html/topics/repeatable-installs.md"            "$r/pip-repeatable-installs.md"
zcat "$doc/openssl/README-ENGINES.md.gz"                           > "$r/openssl-README-ENGINES.md"
# The libpng licence: within the "License: libpng" stanza, from "COPYRIGHT NOTICE, DISCLAIMER, and LICENSE:" up to
# the "contrib/pngsuite:" part (left out: it licenses the test images, not libpng), titled "libpng License".
debian_text between "$doc/libpng16-16/copyright" \
    "COPYRIGHT NOTICE, DISCLAIMER, and LICENSE:" "contrib/pngsuite:" "libpng License" > "$r/libpng-licence.txt"

# Round 4
r=$(round 4)
# The OpenLDAP Public License 2.8: the stand-alone "License: OLDAP-2.8" stanza of curl's copyright (the one in the
# "Files: debian/tests/LDAP-bindata.c" stanza only names it).
debian_text licence "$doc/curl/copyright" OLDAP-2.8                 > "$r/oldap-2.8.txt"
cp "$doc/wrk/README.md"                                             "$r/wrk-readme.md"
cp "$doc/systemd/DISTRO_PORTING.md"                                 "$r/systemd-DISTRO_PORTING.md"
cp "$doc/python3-pip/html/installation.md"                          "$r/pip-installation.md"

# Round 5
r=$(round 5)
cp "$doc/zlib1g-dev/examples/zlib_how.html"                         "$r/zlib_how.html"
zcat "$doc/postgresql-common/README.md.gz"                         > "$r/postgresql-common-readme.md"
zcat "$doc/pkgconf-bin/README.md.gz"                               > "$r/pkgconf-readme.md"
render_man man8/adduser.8.gz                                        > "$r/adduser.8.txt"

# Round 6
r=$(round 6)
cp "$doc/valgrind/html/quick-start.html"                            "$r/valgrind-quick-start.html"
cp "$doc/libjson-c5/README.html"                                    "$r/json-c-readme.html"
render_man man1/diff.1.gz                                           > "$r/diff.1.txt"
render_man man5/sources.list.5.gz                                   > "$r/sources.list.5.txt"

# Round 7
r=$(round 7)
zcat "$doc/zlib1g-dev/crc-doc.1.0.pdf.gz"                          > "$r/crc-doc.1.0.pdf"
cp "$doc/psmisc/README.md"                                          "$r/psmisc-readme.md"

# Round 8
r=$(round 8)
zcat "$doc/polkitd/NEWS.md.gz"                                     > "$r/polkit-news.md"
render_man man1/sort.1.gz                                           > "$r/sort.1.txt"

# Round 9
r=$(round 9)
zcat "$doc/xz-utils/faq.txt.gz"                                    > "$r/xz-faq.txt"
cp "$doc/man-db/FAQ"                                                "$r/man-db-faq.txt"
cp "$doc/libxslt1-dev/html/html/libxslt-security.html"              "$r/libxslt-security.html"
# The SIL Open Font License 1.1: the stand-alone "License: OFL-1.1" stanza of gir1.2-pango-1.0's copyright.
debian_text licence "$doc/gir1.2-pango-1.0/copyright" OFL-1.1       > "$r/ofl-1.1.txt"

# Round 10
r=$(round 10)
# CC BY-SA 4.0: the second "License: CC-BY-SA-4.0" stanza of adwaita-icon-theme's copyright, as
# datasets/crossdoc/fetch.sh makes cc-by-sa-4.0.txt (the same bytes as datasets/crossdoc/documents/cc-by-sa-4.0.txt).
debian_text licence "$doc/adwaita-icon-theme/copyright" CC-BY-SA-4.0 2 > "$r/cc-by-sa-4.0.txt"
zcat "$doc/libcrypt-dev/README.md.gz"                              > "$r/libxcrypt-readme.md"

# Round 11
r=$(round 11)
# The Eclipse Public License 1.0: the stand-alone "License: EPL-1.0" stanza of libsisu-inject-java's copyright.
debian_text licence "$doc/libsisu-inject-java/copyright" EPL-1.0    > "$r/epl-1.0.txt"
# The Academic Free License 2.1: the "License: AFL-2.1" stanza of dbus-bin's copyright.
debian_text licence "$doc/dbus-bin/copyright" AFL-2.1               > "$r/afl-2.1.txt"

# Round 12: beside a Debian package, a licence from PyPI and a README from npm (pinned versions).
r=$(round 12)
cp root/usr/share/vim/vim90/doc/uganda.txt                          "$r/vim-license-uganda.txt"
# The Zope Public License 2.1: LICENSE.txt of the zope.interface 8.7 source distribution.
pip download --quiet --no-deps --no-binary :all: zope.interface==8.7 -d pypi >/dev/null
tar -xzf pypi/zope_interface-8.7.tar.gz -C pypi
cp pypi/zope_interface-8.7/LICENSE.txt                              "$r/zope-public-license-2.1.txt"
# node-fetch 2.7.0's README (an API reference in the style of Node.js's own, which is not used).
npm pack --silent node-fetch@2.7.0 >/dev/null
mkdir -p npm && tar -xzf node-fetch-2.7.0.tgz -C npm
cp npm/package/README.md                                            "$r/node-fetch-readme.md"

# Round 13
r=$(round 13)
# The PHP License 3.01 and the Boost Software License 1.0: the stand-alone licence stanzas of php8.2-common's and
# libboost1.74-dev's copyright files.
debian_text licence "$doc/php8.2-common/copyright" PHP-3.01          > "$r/php-license-3.01.txt"
debian_text licence "$doc/libboost1.74-dev/copyright" BSL-1.0        > "$r/boost-software-license-1.0.txt"
zcat "$doc/node-glob/README.md.gz"                                   > "$r/node-glob-readme.md"

# Round 14
r=$(round 14)
# The Microsoft Public License: the stand-alone "License: Ms-PL" stanza of libmono-system4.0-cil's copyright.
debian_text licence "$doc/libmono-system4.0-cil/copyright" Ms-PL    > "$r/ms-pl.txt"
zcat "$doc/node-semver/README.md.gz"                                 > "$r/node-semver-readme.md"

# Round 15
r=$(round 15)
# The Sleepycat licence (its "License: Sleepycat" stanza in libdb5.3's copyright, a licence kept as a C comment)
# and bzip2's licence (the "License: BSD-variant" stanza of libbz2-1.0's copyright).
debian_text licence "$doc/libdb5.3/copyright" Sleepycat             > "$r/sleepycat-licence.txt"
debian_text licence "$doc/libbz2-1.0/copyright" BSD-variant         > "$r/bzip2-licence.txt"
cp "$doc/node-minimist/README.md"                                   "$r/minimist-readme.md"

# Round 16
r=$(round 16)
# The GCC Runtime Library Exception 3.1 as gcc-12-base's copyright file (not machine-readable) holds it: from its
# title line up to the next file's terms ("libquadmath/*.[hc]:"), the blank lines before that left out.
awk '/^GCC RUNTIME LIBRARY EXCEPTION$/ {on = 1} /^libquadmath\// {exit} on' "$doc/gcc-12-base/copyright" |
    sed -e ':a' -e '/^\n*$/{$d;N;ba' -e '}'                         > "$r/gcc-runtime-library-exception-3.1.txt"
# Two pages of undici's API reference (written in the style of Node.js's own, which is not used).
zcat "$doc/node-undici/api/Client.md.gz"                             > "$r/undici-client.md"
cp "$doc/node-undici/api/Errors.md"                                  "$r/undici-errors.md"

# Round 17
r=$(round 17)
# The LaTeX Project Public License 1.3c as texlive-base's copyright file (not machine-readable) holds it, under "B. lppl
# (LaTeX Project Public License)": from its title line up to the next licence ("C. Artistic"), the blank lines before
# that left out.
awk '/^B\. lppl / {on = 1; next} /^C\. Artistic/ {exit} on && (seen || NF) {seen = 1; print}' \
    "$doc/texlive-base/copyright" | sed -e ':a' -e '/^\n*$/{$d;N;ba' -e '}' > "$r/lppl-1.3c.txt"
# ws's API reference (written in the style of Node.js's own, which is not used).
zcat "$doc/node-ws/ws.md.gz"                                         > "$r/ws-api.md"

# Round 18
r=$(round 18)
# Two pages of the Python 3.11 library reference, as HTML.
cp "$doc/python3.11/html/library/secrets.html"                       "$r/python-secrets.html"
cp "$doc/python3.11/html/library/tempfile.html"                      "$r/python-tempfile.html"

# Round 19
r=$(round 19)
# The Python licence as python3.11's copyright file holds it: its history, the table of releases and the four licence
# agreements (PSF, BeOpen, CNRI, CWI), from "Python License" up to the licences of incorporated software, the blank
# lines before that left out.
awk '/^Python License$/ {on = 1} /^Licenses and Acknowledgements for Incorporated Software$/ {exit} on' \
    "$doc/python3.11/copyright" | sed -e ':a' -e '/^\n*$/{$d;N;ba' -e '}'  > "$r/python-license.txt"
# node-tar's README (an API reference of options lists) and its security policy (GitHub's).
zcat "$doc/node-tar/README.md.gz"                                    > "$r/node-tar-readme.md"
cp "$doc/node-tar/SECURITY.md"                                       "$r/node-tar-security.md"

# Round 20
r=$(round 20)
# Two command-line parsers' references: Commander.js's README and yargs's API reference (Setext headings, one per
# method, an HTML anchor before each).
zcat "$doc/node-commander/Readme.md.gz"                              > "$r/commander-readme.md"
zcat "$doc/node-yargs/api.md.gz"                                     > "$r/yargs-api.md"

# Round 21
r=$(round 21)
# Three more pages of undici's API reference (rounds 16's package; written in the style of Node.js's own, which is not
# used): the Dispatcher every client extends, Pool and MockAgent.
zcat "$doc/node-undici/api/Dispatcher.md.gz"                         > "$r/undici-dispatcher.md"
cp "$doc/node-undici/api/Pool.md"                                    "$r/undici-pool.md"
zcat "$doc/node-undici/api/MockAgent.md.gz"                          > "$r/undici-mockagent.md"

# Round 22
r=$(round 22)
# The SIL Open Font License 1.1 as fonts-sil-gentium's copyright file holds it (from its title to the end, the
# copyright format's leading space and "." lines undone), the OFL's own FAQ (numbered questions under numbered
# sections), and the README of the debug module (an API reference with tables, in the style of Node.js's own, which
# is not used).
awk '/^ SIL OPEN FONT LICENSE Version 1.1/ {on = 1} on' "$doc/fonts-sil-gentium/copyright" \
    | sed -e 's/^ //' -e 's/^\.$//' -e 's/ *$//'                    > "$r/ofl-1.1.txt"
zcat "$doc/fonts-sil-gentium/OFL-FAQ.txt.gz"                         > "$r/ofl-faq.txt"
zcat "$doc/node-debug/README.md.gz"                                  > "$r/debug-readme.md"

# Round 23
r=$(round 23)
# Gentium's own FAQ (questions on lines of their own, the answers indented by a tab, under underlined headings) and
# chokidar's README (an API reference of options lists with their defaults, in the style of Node.js's own, which is
# not used).
zcat "$doc/fonts-sil-gentium/GENTIUM-FAQ.txt.gz"                     > "$r/gentium-faq.txt"
zcat "$doc/node-chokidar/README.md.gz"                               > "$r/chokidar-readme.md"

# Round 24
r=$(round 24)
# The yaml module's security policy and its reference of options (Markdown tables of names, types and defaults), and
# axios's README (an HTTP client's API reference, in the style of Node.js's own, which is not used).
cp "$doc/node-yaml/SECURITY.md"                                      "$r/yaml-security.md"
zcat "$doc/node-yaml/03_options.md.gz"                               > "$r/yaml-options.md"
zcat "$doc/node-axios/README.md.gz"                                  > "$r/axios-readme.md"

# Round 25
r=$(round 25)
# The OpenSSH client's configuration reference (a man page: keywords as terms over indented text, words broken at
# line ends by the typesetter's hyphen) and the Python 3.11 argparse tutorial (HTML).
render_man man5/ssh_config.5.gz                                      > "$r/ssh-config.txt"
cp "$doc/python3.11/html/howto/argparse.html"                        "$r/python-argparse-howto.html"

# Round 26
r=$(round 26)
# logrotate's manual (options and directives over indented text, in subsections) and the crontab file format.
render_man man8/logrotate.8.gz                                       > "$r/logrotate.8.txt"
render_man man5/crontab.5.gz                                         > "$r/crontab.5.txt"

# Round 27
r=$(round 27)
# nano's configuration file (terms of several words: "set tabsize number") and tree's manual.
render_man man5/nanorc.5.gz                                          > "$r/nanorc.5.txt"
render_man man1/tree.1.gz                                            > "$r/tree.1.txt"

# Round 28
r=$(round 28)
# GNU ed's manual as an Info file (nodes under "File: ... Node: ..." lines, asterisk-underlined titles, menus,
# quoted terms over indented text), without its last node, the GNU Free Documentation License, whose text is kept for
# the independent check; and yq's README in reStructuredText (underlined titles, "::" literal blocks, directives).
zcat "root/usr/share/info/ed.info.gz" | sed '/^File: ed.info,  Node: GNU Free Documentation License,/,$d' > "$r/ed.info.txt"
zcat "$doc/yq/README.rst.gz"                                         > "$r/yq-readme.rst"

# Round 29
r=$(round 29)
# jq's Debian changelog (entries under "package (version) distribution; urgency=..." lines, each closed by its
# uploader's " -- name <email>  date" line) and adduser's configuration file (settings commented out at their
# default, each under comments that say what it does), both saved as .txt, the kinds read.
zcat "$doc/jq/changelog.Debian.gz"                                   > "$r/jq-changelog.Debian.txt"
cp "root/etc/adduser.conf"                                           "$r/adduser.conf.txt"

# Round 30
r=$(round 30)
# bash's notes on its incompatibilities with earlier versions (numbered items with indented code) and its section
# on the restricted shell (Texinfo's text: 'quoted' names, a list of what is disallowed).
zcat "$doc/bash/COMPAT.gz"                                           > "$r/bash-compat.txt"
cp "$doc/bash/RBASH"                                                 "$r/bash-rbash.txt"

# Round 31
r=$(round 31)
# apache2's README.Debian (titles underlined with "=" and "-", file names as terms over tab-indented text, a numbered
# list of common problems, each an error message over its remedy) and useradd(8) (options, configuration variables
# and exit values as terms over indented text).
zcat "$doc/apache2/README.Debian.gz"                                 > "$r/apache2-README.Debian.txt"
render_man man8/useradd.8.gz                                         > "$r/useradd.8.txt"

# Round 32
r=$(round 32)
# OpenSSH's README.Debian (titles underlined with "=" and "-", settings named in quotes, commands indented by two
# blanks) and fstab(5) (its six fields as subsections, mount options as terms over indented text).
zcat "$doc/openssh-client/README.Debian.gz"                          > "$r/openssh-README.Debian.txt"
render_man man5/fstab.5.gz                                           > "$r/fstab.5.txt"

# Round 33
r=$(round 33)
# sudo's README.Debian (paragraphs between "- - - - -" separators, settings indented below "Examples:") and its
# OPTIONS (configure options alone on their lines, each over its tab-indented meaning after a blank line).
cp "$doc/sudo/README.Debian"                                         "$r/sudo-README.Debian.txt"
cp "$doc/sudo/OPTIONS"                                               "$r/sudo-OPTIONS.txt"

r=$(round 34)
# htop's README (Markdown: badges, build options as list items over their meaning and default) and man 1 rrsync
# (rsync's restricted-login script: options as terms over indented text).
gunzip -c "$doc/htop/README.gz"                                      > "$r/htop-README.md"
render_man man1/rrsync.1.gz                                          > "$r/rrsync.1.txt"

r=$(round 35)
# tmux's README (plain text: "* Dependencies" headings, commands and addresses indented by a tab) and man 5
# rsyncd.conf (78 KB: parameters as terms over indented text, justified lines).
cp "$doc/tmux/README"                                                "$r/tmux-README.txt"
render_man man5/rsyncd.conf.5.gz                                     > "$r/rsyncd.conf.5.txt"

r=$(round 36)
# fzf's README.Debian (titles underlined with "=", commands indented below the sentences that introduce them) and
# man 5 systemd.timer (settings ending in "=" as terms over indented text, a box-drawn table, "Defaults to ...").
cp "$doc/fzf/README.Debian"                                          "$r/fzf-README.Debian.txt"
render_man man5/systemd.timer.5.gz                                   > "$r/systemd.timer.5.txt"

r=$(round 37)
# ufw's README (plain text: titles underlined with "-", file and command tables in tabbed columns, chains drawn
# with "->", a list of the default ruleset).
gunzip -c "$doc/ufw/README.gz"                                       > "$r/ufw-README.txt"

r=$(round 38)
# unattended-upgrades' README (Markdown: "Setup" headings underlined with "-", an options reference of list items
# "`Name` - type (default:value)" over their meaning and a fenced example) and man 1 grep (options grouped under
# sub-headings, a regular-expression syntax section, environment variables).
gunzip -c "$doc/unattended-upgrades/README.md.gz"                    > "$r/unattended-upgrades-README.md"
render_man man1/grep.1.gz                                            > "$r/grep.1.txt"

r=$(round 39)
# needrestart's README and its batch-mode README (Markdown: "Frontends" headings underlined with "-", names in
# asterisks, lists of modules, a console example, a list of status values) and man 5 logind.conf (settings ending in
# "=" as terms over indented text, several terms to an entry, "Defaults to ..." sentences).
cp "$doc/needrestart/README.md"                                      "$r/needrestart-README.md"
cp "$doc/needrestart/README.batch.md"                                "$r/needrestart-README.batch.md"
render_man man5/logind.conf.5.gz                                     > "$r/logind.conf.5.txt"

r=$(round 40)
# chrony's FAQ (plain text rendered from AsciiDoc: a table of contents, numbered questions as headings, configuration
# lines and command output between paragraphs, 50 KB) and man 5 resolv.conf (keywords as terms over indented text,
# resolver options as a nested list of terms, "(since glibc 2.14)" after a term).
gunzip -c "$doc/chrony/FAQ.gz"                                       > "$r/chrony-FAQ.txt"
render_man man5/resolv.conf.5.gz                                     > "$r/resolv.conf.5.txt"

r=$(round 41)
# man 8 sshd (a BSD man page, mdoc: options as terms over indented text, numbered login steps, file formats as
# sections) and man 5 moduli (fields as terms in a tabbed column, values and flags in nested columns).
render_man man8/sshd.8.gz                                            > "$r/sshd.8.txt"
render_man man5/moduli.5.gz                                          > "$r/moduli.5.txt"

r=$(round 42)
# Two pages of Python 3.11's HTML documentation: the zipapp module (a command-line interface with options as terms,
# an API with signatures, examples, a C launcher) and the FAQ "Why is Python Installed on my Computer?".
cp "$doc/python3.11/html/library/zipapp.html"                        "$r/python-zipapp.html"
cp "$doc/python3.11/html/faq/installed.html"                         "$r/python-faq-installed.html"

r=$(round 43)
# Two pages of restic's HTML manual (Sphinx: commands and their output in literal blocks, notes in boxes) on
# restoring a backup and on its keys and encryption, and git-lfs's proposal for file locking (Markdown: an API of
# commands with their flags and output, "###" headings per command).
cp "$doc/restic/html/050_restore.html"                               "$r/restic-restore.html"
cp "$doc/restic/html/070_encryption.html"                            "$r/restic-encryption.html"
gunzip -c "$doc/git-lfs/locking.md.gz"                               > "$r/git-lfs-locking.md"

r=$(round 44)
# BorgBackup's README (reStructuredText: a feature list of terms over indented paragraphs, an example session as a
# literal block, links and badges) and man 5 sshd_config (keywords as terms over indented text, 60 KB).
gunzip -c "$doc/borgbackup/README.rst.gz"                            > "$r/borgbackup-README.rst"
render_man man5/sshd_config.5.gz                                     > "$r/sshd_config.5.txt"

r=$(round 45)
# Two more pages of Python 3.11's HTML documentation: the Sorting HOW TO (prose with examples at the interpreter's
# prompt) and the shlex module (a reference of functions and attributes with their signatures, parsing rules).
cp "$doc/python3.11/html/howto/sorting.html"                         "$r/python-sorting-howto.html"
cp "$doc/python3.11/html/library/shlex.html"                         "$r/python-shlex.html"

r=$(round 46)
# man 8 apt-get (commands and options as terms over indented text, exit codes) and git-lfs's notes on how a client
# finds its LFS server (Markdown: URLs in code blocks, a configuration key per case).
render_man man8/apt-get.8.gz                                         > "$r/apt-get.8.txt"
cp "$doc/git-lfs/server-discovery.md"                                "$r/git-lfs-server-discovery.md"

r=$(round 47)
# man 1 watch (procps: options as terms over indented text, exit statuses in a tabbed column, examples indented below
# the sentences that introduce them) and dnsmasq's FAQ (plain text: "Q:" over "A:" paragraphs, indented by three
# blanks, addenda, configuration lines inside the answers, 27 KB).
render_man man1/watch.1.gz                                           > "$r/watch.1.txt"
gunzip -c "$doc/dnsmasq-base/FAQ.gz"                                 > "$r/dnsmasq-FAQ.txt"

r=$(round 48)
# man 5 jail.conf (fail2ban: the four kinds of configuration file, then their settings as terms over indented text,
# some on the line of their text, "Default: ..." sentences, a list of time abbreviations, tags written <name>) and
# smartmontools' bad block HOWTO (HTML from DocBook, ISO-8859-1, 53 KB: a table of contents, worked examples of
# commands and their output in <pre> blocks between paragraphs, numbered footnotes at the end).
render_man man5/jail.conf.5.gz                                       > "$r/jail.conf.5.txt"
cp "$doc/smartmontools/badblockhowto.html"                           "$r/smartmontools-badblockhowto.html"

r=$(round 49)
# man 1 git-stash (git-man: a command with subcommands, each subcommand with its synopsis as a term over indented
# text, options each "only valid for" some subcommands, a drawn ancestry graph, worked examples of shell sessions,
# configuration variables with "Defaults to ..." sentences) and asciinema's README (Markdown, 15 KB: "###" headings
# per subcommand written `rec [filename]`, options as list items "`-x, --long=<arg>` - meaning", fenced commands, a
# commented INI configuration file whose comments give each setting's default, notes as "> " quotes).
render_man man1/git-stash.1.gz                                       > "$r/git-stash.1.txt"
gunzip -c "$doc/asciinema/README.md.gz"                              > "$r/asciinema-README.md"

r=$(round 50)
# man 5 journald.conf (systemd: the configuration files and their precedence as prose, then settings written
# "Name=" as terms over indented text, several to an entry, "Defaults to ..." sentences, a box-drawn table of disk
# space against burst multiplier, numbered notes) and cryptsetup's README.Debian (Markdown-like plain text, 15 KB:
# a numbered table of contents, numbered titles underlined with "-", paragraphs opening with one blank, crypttab,
# fstab and shell lines indented by four blanks, reference-style links, a list of credits).
render_man man5/journald.conf.5.gz                                   > "$r/journald.conf.5.txt"
gunzip -c "$doc/cryptsetup/README.Debian.gz"                         > "$r/cryptsetup-README.Debian.txt"

r=$(round 51)
# SQLite's page on its implementation limits (sqlite3-doc, HTML, 21 KB: the site's menu, search form and script
# before the title, an introduction, then a numbered list of 15 limits, each a bold title over paragraphs naming a
# SQLITE_MAX_... macro and its default, compile-time options in quoted blocks, exponents in <sup>) and man 1 zstd
# (zstd 1.5.4: options as terms over indented text and as "○" bullets "-x, --long=#: meaning (default: ...)",
# environment variables, a dictionary builder and advanced options "name=x, x=x" as terms; tbl warns about the
# source's broken synopsis table, which is left out of the rendering, as man itself shows it).
cp "$doc/sqlite3/limits.html"                                        "$r/sqlite-limits.html"
render_man man1/zstd.1.gz                                            > "$r/zstd.1.txt"

r=$(round 52)
# man 5 mke2fs.conf (e2fsprogs 1.47.0: an INI-style file described in prose with an indented example, then one
# section per stanza, [options], [defaults], [fs_types] and [devices], its relations as terms over indented text,
# a few "Defaults to ..." / "The default value is ..." sentences, the values of "errors" in a nested column) and
# aria2's README (aria2/README.html, Docutils HTML with an inline stylesheet, 38 KB: a feature list, a two-column
# table of features and their dependencies, notes in boxes, commands after a "$" prompt, build variables as terms).
render_man man5/mke2fs.conf.5.gz                                     > "$r/mke2fs.conf.5.txt"
cp "$doc/aria2/README.html"                                          "$r/aria2-README.html"

r=$(round 53)
# man 1 iperf3 (iperf3 3.12: a long description with commands indented below their sentences, then options in
# three sections, general, server-specific and client-specific, as terms over indented text, "(default ...)" in the
# text of some, examples of authentication set-up as "> " command lines;
# troff warns "cannot adjust line" on stderr, harmless) and vsftpd's FAQ (vsftpd/FAQ.gz: plain text,
# 13 KB, "Q)" questions over "A)" answers, several answers numbered "A1)", "A2)", settings written name=VALUE).
render_man man1/iperf3.1.gz                                          > "$r/iperf3.1.txt"
gunzip -c "$doc/vsftpd/FAQ.gz"                                       > "$r/vsftpd-FAQ.txt"

r=$(round 54)
# btop's README (Markdown, 28 KB: badges, an index, dated "#####" news, a feature list, installation and compilation
# for Linux, macOS and FreeBSD as numbered bold steps over fenced commands, make variables "Append `NAME=value` ...",
# an auto-generated btop.conf with "#*" comments over each setting, command-line options in a text block) and the
# PostgreSQL 15 manual's page on connection and authentication settings (postgresql-doc-15, DocBook HTML, 42 KB:
# settings "name (type)" as definition terms over their meaning, "The default is ..." sentences, notes in boxes,
# a definition list explaining the default ssl_ciphers value).
gunzip -c "$doc/btop/README.md.gz"                                   > "$r/btop-README.md"
cp "$doc/postgresql-doc-15/html/runtime-config-connection.html"      "$r/postgresql-runtime-config-connection.html"

r=$(round 55)
# man 5 exports (nfs-kernel-server, rendered as in round 1: the export table's format, machine-name formats as terms,
# general options and user-ID mapping options as terms over indented text, "This is the default" sentences, an
# example table) and tig's manual page in HTML (tig/tig.1.html, AsciiDoc output: options and environment variables in
# definition lists, commands in a synopsis block, files and bugs sections).
render_man man5/exports.5.gz                                         > "$r/exports.5.txt"
cp "$doc/tig/tig.1.html"                                             "$r/tig.1.html"

r=$(round 56)
# mosh's README (mosh/README.md.gz, Markdown) and the Python 3.11 library reference's glob page
# (python3.11-doc/html/library/glob.html, Sphinx: functions as definition terms with their signatures, notes on
# hidden files and recursion, "Changed in version" notes, an audit event).
gunzip -c "$doc/mosh/README.md.gz"                                   > "$r/mosh-README.md"
cp "$doc/python3.11/html/library/glob.html"                          "$r/python-glob.html"

r=$(round 57)
# marked's contributing guide (node-marked/CONTRIBUTING.md.gz: Markdown, 6 KB, a checklist of "- [ ]" steps, design
# principles in bold, two pipe tables: ticket type labels such as "NFU - new feature (user requested)" over their
# descriptions, and test folders; npm scripts in fenced blocks) and the Artistic License 2.0 (rakudo's copyright: its
# stand-alone "License: Artistic-2.0" stanza, as above; 9 KB, a preamble, definitions, numbered sections "(1)" to
# "(14)"; not the Artistic License 1.0 of /usr/share/common-licenses).
gunzip -c "$doc/node-marked/CONTRIBUTING.md.gz"                      > "$r/marked-CONTRIBUTING.md"
debian_text licence "$doc/rakudo/copyright" Artistic-2.0             > "$r/artistic-license-2.0.txt"

r=$(round 58)
# containerd's README (containerd/README.md.gz: Markdown, 16 KB, banner images, Go client examples, a config.toml
# snippet, kernel requirements, "Releases and API Stability", CRI and CNCF spelt out, how to report a security
# issue) and Postfix's connection cache README (postfix-doc: postfix/html/CONNECTION_CACHE_README.html, old plain
# HTML, 14 KB: a table of contents, an ASCII-art diagram in <pre>, main.cf parameters, Postfix versions, "fatal
# attractor" defined).
gunzip -c "$doc/containerd/README.md.gz"                             > "$r/containerd-readme.md"
cp "$doc/postfix/html/CONNECTION_CACHE_README.html"                  "$r/postfix-connection-cache.html"

r=$(round 59)
# etckeeper's README (etckeeper/README.mdwn.gz: Markdown, 11 KB, "##" sections on security warnings, VCS
# limitations, a tutorial, configuration, sudo integration and changing VCS, commands tab-indented below the
# sentences that introduce them, a sample git diff session) and man 5 gitignore (git-man, rendered as in round 1:
# "•" bullet lists of pattern sources, where to put patterns and pattern-format rules, the "**" rules, examples as
# tab-indented shell sessions).
gunzip -c "$doc/etckeeper/README.mdwn.gz"                            > "$r/etckeeper-README.md"
render_man man5/gitignore.5.gz                                       > "$r/gitignore.5.txt"

r=$(round 60)
# Apache's .htaccess tutorial (apache2-doc: manual/en/howto/htaccess.html, old-style HTML, 28 KB: the site's menu and
# a language bar, a table of contents and a table of related modules and directives, then sections on when (not) to
# use .htaccess, how directives are applied, authentication, SSI, rewrite and CGI examples, troubleshooting; directives
# in <code>, configuration snippets and error-log lines in <pre> blocks, notes in boxes; from bookworm-security, so a
# later point release may change the page) and man 5 nsswitch.conf (manpages, rendered as in round 1: databases as
# terms over tab-indented text, an example file, STATUS and ACTION values as terms with "The default action for this
# condition is ..." sentences, compat-mode entries in columns, the libraries and files per database, notes on glibc
# versions).
cp "$doc/apache2-doc/manual/en/howto/htaccess.html"                  "$r/apache-htaccess.html"
render_man man5/nsswitch.conf.5.gz                                   > "$r/nsswitch.conf.5.txt"

r=$(round 61)
# less's NEWS (less/NEWS.gz: plain ASCII, 35 KB, 1,105 lines, no release dates: 50 sections titled 'Major changes
# between "less" versions X and Y' between "=====" rules, newest first, each a list of "* " items on new options,
# commands, environment variables and prompt escapes, a boxed "Things that may surprise you" part, a tab-aligned table
# of search commands) and man 1 ssh-keygen (openssh-client, rendered as in round 1: a BSD man page, 42 KB, a long
# synopsis, options as terms over tab-indented text with "The default is ..." sentences, sections on moduli
# generation, certificates, FIDO authenticators, key revocation lists and the allowed signers format, bullet lists of
# time formats, example validity intervals and command lines indented below the sentences that introduce them; from
# a bookworm point release, so a later one may change the page).
gunzip -c "$doc/less/NEWS.gz"                                        > "$r/less-NEWS.txt"
render_man man1/ssh-keygen.1.gz                                      > "$r/ssh-keygen.1.txt"

r=$(round 62)
# The Debian FAQ's chapter on the archives (debian-faq 11.1: debian/FAQ/ftparchives.en.html, DocBook XHTML, 28 KB:
# navigation tables, a table of contents, numbered questions as headings over paragraphs, the release codenames and
# the Toy Story characters they come from as paragraphs, directory names in <code>, numbered footnotes at the end;
# written while bullseye was stable) and man 5 interfaces (ifupdown 0.8.41, rendered as in round 1, 35 KB: stanza
# keywords described in prose sections with indented examples, "command" options, hook directories and environment
# variables as terms over indented text, then each address family's methods as subsections, each with an "Options"
# list of terms over their meaning, some with 'Default value: "..."' sentences).
cp "$doc/debian/FAQ/ftparchives.en.html"                               "$r/debian-faq-archives.html"
render_man man5/interfaces.5.gz                                      > "$r/interfaces.5.txt"

r=$(round 63)
# pipx's README (pipx 1.1.0: pipx/README.md.gz, Markdown, 11 KB: a logo and a demo GIF in centred HTML <p>s,
# installation on macOS, Linux and Windows as "###" headings over fenced commands, a Windows PATH warning, an overview
# with "How is it Different from pip?" and "Where Does `pipx` Install Apps From?" as questions in headings, a feature
# list, walkthroughs of pipx install and pipx run with sample sessions, git and URL sources, testimonials in HTML
# <div>s, credits and maintainers) and man 1 pv (pv 1.6.20, rendered as in round 1, 16 KB: example command lines
# indented below the sentences that introduce them, options in four sections, display switches, output modifiers, data
# transfer modifiers and general options, as terms over tab-indented text, "%" format sequences as terms, suggested
# switch combinations, exit statuses as a bitmask in a tabbed column, known problems as "*" items).
gunzip -c "$doc/pipx/README.md.gz"                                   > "$r/pipx-README.md"
render_man man1/pv.1.gz                                              > "$r/pv.1.txt"

r=$(round 64)
# man 5 login.defs (login 1:4.13+dfsg1-1+deb12u2, shadow-utils 4.13, rendered as in round 1, 18 KB: a configuration
# file's settings written "NAME (type)" as terms over tab-indented text, some headed by two or three names at once,
# defaults given in sentences such as "The default value for UID_MIN (resp. UID_MAX) is 1000 (resp. 60000)", "If not
# specified, ... will be assumed" and "Default is no", notes that the setting only affects group passwords, an example
# shell script, then a cross-reference list of programs over the settings they read; from a bookworm point release, so a
# later one may change the page) and socat's tutorial on IP multicasting (socat 1.7.4.4: socat/socat-multicast.html,
# hand-written HTML, 15 KB, last modified in May 2009: four numbered examples of command lines in framed <span>s, each
# followed by what it does and bulleted accept criteria, troubleshooting subsections, a red error table, "(In)Security"
# notes, a history of address types in a definition list, "New Features in socat 1.6.0" and "1.7.0", sample environment
# variables in a <pre> block, link lists into socat.html).
render_man man5/login.defs.5.gz                                      > "$r/login.defs.5.txt"
cp "$doc/socat/socat-multicast.html"                                 "$r/socat-multicast.html"

r=$(round 65)
# man 1 quilt (quilt 0.67+really0.66-1, rendered as in round 1, 34 KB: a tool with 31 subcommands, each a
# synopsis line of options in brackets over tab-indented text and its options as nested terms, "(default: 2)" and
# "defaults to ..." sentences; common options, exit statuses 0, 1 and 2, a box-drawn tree of a working directory,
# .quiltrc variables as terms with their defaults, a column of QUILT_COLORS format names over colour codes; dated Dec 17,
# 2013, no version given) and screen's upstream changelog (screen 4.9.0-4: screen/changelog.gz, plain text, 20 KB:
# "Version X.Y.Z (DD/MM/YYYY):" entries, newest first, of "*" items and "-" fixes with bug and CVE numbers, lists of
# new commands, .screenrc expansions, window-list keys, developers and contributors with e-mail addresses; then an
# older history, dates written 31.7.93 and 21.10.92 beside versions under "=====" rules, some versions undated,
# from 3.5.1 back to 2.0a).
render_man man1/quilt.1.gz                                           > "$r/quilt.1.txt"
gunzip -c "$doc/screen/changelog.gz"                                 > "$r/screen-changelog.txt"

r=$(round 66)
# man 5 nslcd.conf (nslcd 0.9.12-4, nss-pam-ldapd's LDAP name service daemon, rendered as in round 1, 26 KB: a
# daemon's configuration file, its options under eight subsections, runtime, general connection, SASL, Kerberos,
# search/mapping, timing/reconnect, SSL/TLS and other options, as "name ARGUMENT" terms over tab-indented text with
# "The default is ..." sentences, values written on|off|start_tls, a note on the fixed client time-outs, a list of
# supported maps, attribute mapping expressions in shell syntax over what they substitute, files; dated Nov 2021) and
# chapter 3 of the GNU gettext manual, "The Format of PO Files" (gettext-doc 0.21-12: gettext/gettext_3.html,
# Texinfo HTML made by texi2html 1.78a, 23 KB: "[ << ] [ >> ] [Top] [Contents] [Index]" navigation bars above and
# below, schematic PO entries in <pre> blocks with <var> placeholders, the "#," flags as a definition list of
# <code> terms paired "x-format" / "no-x-format" over "Likewise for ..." lines into other chapters, example entries,
# a numbered footnote mark pointing to another page, no gettext version given).
render_man man5/nslcd.conf.5.gz                                      > "$r/nslcd.conf.5.txt"
cp "$doc/gettext/gettext_3.html"                                     "$r/gettext-po-format.html"

r=$(round 67)
# man 5 dhclient.conf (isc-dhcp-client 4.4.3-P1-2, ISC DHCP's client configuration file, rendered as in round 1,
# 32 KB, no version or date shown: prose sections on protocol timing, DHCPv6 lease selection, lease requirements and
# requests, dynamic DNS, option modifiers, lease, alias and other declarations, each statement's syntax alone on a
# tab-indented line over its meaning, defaults spelt out in words ("By default, this timeout is sixty seconds", "five
# minutes", "It defaults to fifteen seconds"), a lease-scoring formula "bindings * X + addresses * Y + options", the
# two date formats of db-time-format, a sample configuration from a NetBSD 1.3 laptop; the last declarations indented
# one level deeper than the rest) and nano's FAQ (nano 7.2-1+deb12u1: nano/faq.html, hand-written HTML 4.01
# Transitional, 30 KB: a table of contents of links whose titles differ a little from the headings below them, seven
# <h1> sections of 38 numbered <h3> questions over <blockquote> answers, the history of TIP renamed nano with its
# dates, configure's --disable-* options in a <pre> list, commands in indented <p class="indented"> blocks, urxvt
# key settings, "Update: Since version 4.8" notes, three mailing lists; the bug-report question headed "7.3" in the
# text but "7.2" in the contents).
render_man man5/dhclient.conf.5.gz                                   > "$r/dhclient.conf.5.txt"
cp "$doc/nano/faq.html"                                              "$r/nano-faq.html"

r=$(round 68)
# Glances' README (glances 3.3.1.1+dfsg-1: glances/README.rst.gz, reStructuredText, 15 KB: a title between "=" rules,
# nine badge images, a summary, requirements and optional dependencies as "- ``name`` (for ...)" lists with
# [Linux-only] and Python-version marks, notes in *italic* paragraphs, installation per method and system as "-"- and
# "`"-underlined titles over ".. code-block:: console" blocks (pip extras, an auto-install script, Docker tags and run
# lines, FreeBSD, macOS, Windows, Android with Termux), usage of the standalone, web server and client/server modes
# with sample --stdout, --stdout-csv and --stdout-json output, export targets, author and licence, link targets at the
# end) and OpenVPN's management interface notes (openvpn 2.6.14-0+deb12u2: openvpn/management-notes.txt.gz, plain
# text, 48 KB: "COMMAND -- name" titles underlined with "-", some with "(OpenVPN 2.1 or higher)" or "management
# version > 3", command examples "cmd args -- meaning" indented below, real-time ">PREFIX:" notification formats, a
# list of states, lettered output fields "(a) ... (i)", WEB_AUTH flags, signature padding algorithms, the output and
# real-time message formats, the CLIENT notification's numbered types, command parsing escapes, the dynamic and static
# challenge/response protocols with base-64 worked examples; from a bookworm point release, so a later one may change
# the file).
gunzip -c "$doc/glances/README.rst.gz"                               > "$r/glances-README.rst"
gunzip -c "$doc/openvpn/management-notes.txt.gz"                     > "$r/openvpn-management-notes.txt"

r=$(round 69)
# man 5 crypttab (cryptsetup 2:2.6.1-4~deb12u2, Debian's crypttab format for its initramfs and SysVinit scripts,
# rendered as in round 1, 17 KB, dated 2023-12-18: the four fields of an entry described in prose paragraphs, a
# section on systemd's own crypttab, then options written "name=<value>" as terms over tab-indented text, some headed
# by two names at once ("readonly, read-only"), "Default is “3”" and "(blkid by default)" sentences, "This option is
# specific to the Debian crypttab format. It's not supported by systemd." notes, WARNING and LIMITATIONS paragraphs,
# the keyscript's CRYPTTAB_* environment variables as nested terms, two check scripts with "•" bullets, example
# entries with "#" comments, three /etc/default/cryptdisks variables, known upgrade issues; from a bookworm point
# release, so a later one may change the page) and Podman's troubleshooting guide (podman 4.3.1+ds1-8+deb12u1+b3:
# podman/troubleshooting.md.gz, Markdown, 52 KB, 1,293 lines: a logo image, 38 numbered problems as "### N) title"
# headings, most over "#### Symptom" and "#### Solution" subheadings (one "### Solution"), error messages and commands
# in ```console blocks after "$" and "#" prompts, storage.conf, containers.conf and systemd unit snippets, a Python
# script, "* " lists of steps, HTML comments, links to issues and man pages, a worked UID/GID mapping computation).
render_man man5/crypttab.5.gz                                        > "$r/crypttab.5.txt"
gunzip -c "$doc/podman/troubleshooting.md.gz"                        > "$r/podman-troubleshooting.md"

r=$(round 70)
# GNU Wget's NEWS (wget 1.21.3-1+deb12u1: wget/NEWS.gz, plain ASCII, 41 KB, 1,197 lines: "history of user-visible
# changes", newest first, from 1.21.3 back to Geturl 1.1; 43 sections headed "* Noteworthy changes in release X
# (YYYY-MM-DD)" (the last three releases only, the others undated) or "* Changes in Wget X" (Geturl for the two
# oldest), their items "** " or, from 1.17.1 to 1.19.5, "* " like the headings, a few "*** " sub-items, "* Wget X is
# a bugfix release with no user-visible changes." lines, options written --name and `--name', CVE numbers, wgetrc
# settings, indented URLs and commands; a copyright notice at the end) and the Git FAQ in HTML (git-doc
# 1:2.39.5-0+deb12u3: git-doc/gitfaq.html, gitfaq(7) made by AsciiDoc 10.2.0, XHTML 1.1 with CRLF line ends, 44 KB
# of which 15 KB are an inline stylesheet and script: NAME, SYNOPSIS and DESCRIPTION, then six <h2> sections,
# Configuration, Credentials, Common Issues, Merging and Rebasing, Hooks and Cross-Platform Issues, over 20 questions
# as <dt class="hdlist1"> terms, each over a first answer paragraph in its <dd> and further paragraphs after it,
# commands, an ~/.ssh/config and gitattributes lines in <pre> listing blocks, apostrophes as &#8217;, "Last updated
# 2024-05-31" in the footer; from a bookworm point release, so a later one may change the page).
gunzip -c "$doc/wget/NEWS.gz"                                        > "$r/wget-NEWS.txt"
cp "$doc/git-doc/gitfaq.html"                                        "$r/gitfaq.html"

r=$(round 71)
# man 1 gzip (gzip 1.12-1, rendered as in round 1, 18 KB, no date or version shown: gzip, gunzip and zcat described in
# prose paragraphs, the suffixes gunzip recognizes (.gz, -gz, .z, -z, _z, .tgz, .taz), the formats it can decompress,
# text reduced by 60-70%, a worst case of 5 bytes per 32 KiB block; options written "-k --keep" as terms over
# tab-indented text, "-# --fast --best" with the default level -6, the fields of --list indented below it; advanced
# usage with command lines indented below the sentences that introduce them, the obsolescent GZIP variable and a
# wrapper script, exit statuses 0, 1 and 2 in one sentence, diagnostics as messages over their meaning, caveats, bugs,
# RFC 1951 and RFC 1952, words hyphenated at line ends by the typesetter) and ShellCheck's changelog (shellcheck
# 0.9.0-1: shellcheck/changelog.gz, upstream's CHANGELOG.md, Markdown, 21 KB, 503 lines: 26 releases, newest first,
# each "## vX.Y.Z - YYYY-MM-DD" from v0.9.0 (2022-12-12) back to v0.1.0 (2013-07-23), over "### Added", "### Fixed",
# "### Changed" and "### Removed" lists of "- " items, most naming a check "SCxxxx: Warn about ...", code in
# backquotes, "(thanks, name!)" credits, a few items wrapped onto indented lines).
render_man man1/gzip.1.gz                                            > "$r/gzip.1.txt"
gunzip -c "$doc/shellcheck/changelog.gz"                             > "$r/shellcheck-CHANGELOG.md"

r=$(round 72)
# SQLite's page on write-ahead logging (sqlite3-doc 3.40.1-2+deb12u2, round 51's package: sqlite3/wal.html, HTML,
# 38 KB: the site's menu, search form and script before the title, a table of contents, ten numbered sections and six
# subsections as <h1> and <h2> headings over paragraphs, advantages and disadvantages as bullet lists (one struck out
# in <s>, superseded since 3.11.0), "PRAGMA journal_mode=WAL;" in <pre> blocks, versions written "version 3.7.0
# (2010-07-21)", the 1000-page checkpoint threshold, the ways a WAL file can grow without bound as bullets each opening
# with a bold title sentence, "This page last modified on 2018-11-26" at the end) and the Debian mdadm FAQ (mdadm
# 4.2-5: mdadm/FAQ.gz, plain UTF-8 text, 33 KB, 669 lines: questions numbered "0." to "26." with "4b.", "6b." and
# "9b.", each underlined with "~" (three of them over two lines), answers indented by two blanks, commands,
# mdadm.conf and /proc/mdstat lines indented further, subheadings for the superblock versions underlined with
# apostrophes, box-drawn diagrams of the RAID10 near, far and offset layouts, a table of the failed devices a RAID10
# survives by devices and copies, a long quotation of Doug Ledford, footnotes "[0]", signed by martin f. krafft on
# 13 May 2009).
cp "$doc/sqlite3/wal.html"                                           "$r/sqlite-wal.html"
gunzip -c "$doc/mdadm/FAQ.gz"                                        > "$r/mdadm-FAQ.txt"

r=$(round 73)
# man 1 ncdu (ncdu 1.18-0.2, NCurses Disk Usage, rendered as in round 1, 18 KB, 435 lines, "ncdu-1.18" and
# 2022-11-30 in the footer: options under three subsections, Mode Selection, Scan Options and Interface options, as
# terms over tab-indented text, most headed by two or three names at once ("--show-hidden, --hide-hidden"), defaults
# written "(default)" after a name or as "This is the default" and "Enabled by default" sentences, export sizes
# "600 to 700 KiB" for 10.000 files, the configuration files as command-line options one to a line with an indented
# example, the browser's keys and the one-character file flags ("!", ".", "<", ">", "^", "@", "H", "e") as terms,
# examples indented below the sentences that introduce them (export through gzip, remote scanning over ssh -C), how
# ncdu 1.5, 1.6 and 1.7 and later count hard links, bugs with the 8 EiB size limit, the author) and GNU Midnight
# Commander's FAQ (mc-data 3:4.8.29-2: mc-data/FAQ.gz, plain ASCII, 35 KB, 924 lines: a bulleted table of contents of
# twelve sections and their numbered questions, then "N Title" section lines over "N.M Question" lines, some wrapped
# onto a second line, answers indented by three blanks (a few questions and answers, 6.8 and 6.9, by two, and missing
# from the contents), commands and terminal settings indented further, a quoted exchange between Torben and Miguel,
# numbered and "*" lists, a C test program, X resources, a list of authors with the dates they joined, mailing lists
# over their descriptions; the body's section 2 titled "f2 Keyboard", its section 8 "Other common problems" where
# the contents say "Internal editor", question 3.3 only in the contents).
render_man man1/ncdu.1.gz                                            > "$r/ncdu.1.txt"
gunzip -c "$doc/mc-data/FAQ.gz"                                      > "$r/mc-FAQ.txt"

r=$(round 74)
# rsyslog's page on its systemd journal input module (rsyslog-doc 8.2302.0+dfsg-1:
# rsyslog-doc/html/configuration/modules/imjournal.html, Sphinx HTML made with Docutils 0.19, UTF-8, 31 KB: a
# navigation bar and breadcrumbs above and below, the module's name, author and "Available since: 7.3.11" in a
# two-column table, purpose and a warning on journal corruption and rate limiting ("20,000 messages within 10 minutes"), 13
# module parameters as headings each over a table of type, default, mandatory and the obsolete legacy directive and
# its paragraphs, "New in version 8.1908.0" notes, the values of UsePid as a definition list, the statistic counters
# as "name - meaning" paragraphs with impstats and journald sample lines, a RainerScript rule and an example
# configuration in <pre> blocks, caveats, build requirements, a sidebar table of contents and links to the previous
# and next modules) and SSHFS's README (sshfs 3.7.3-1.2~deb12u1: sshfs/README.rst, reStructuredText, 4 KB, 110 lines:
# an "orphaned project" notice before the title, sections About, Development Status, How to use, Installation and
# Getting Help underlined with "=" and "-", commands in "::" literal blocks indented by four blanks, Meson and Ninja
# build steps after "$" prompts with comments, link targets ".. _libfuse:" at the end of a section; from a bookworm
# point release, so a later one may change the file).
cp "$doc/rsyslog-doc/html/configuration/modules/imjournal.html"     "$r/rsyslog-imjournal.html"
cp "$doc/sshfs/README.rst"                                           "$r/sshfs-README.rst"

r=$(round 75)
# man 8 ping (iputils-ping 3:20221126-1+deb12u1, rendered as in round 1, 17 KB, 426 lines, "iputils 20221126" in the
# footer: a synopsis of bracketed options, options as terms alone on their lines over tab-indented text, the -N
# node information queries and their flags as nested terms, defaults in sentences ("The default is 56, which
# translates into 64 ICMP data bytes", "wait for one second between each packet"), super-user limits (200msec, 2 ms,
# a preload of 3), round-trip statistics and mdev in prose, exit codes 0, 1 and 2 in one paragraph, sections on
# IPv6 link-local destinations with "•" bullets and the kernel versions that support -I, ICMP packet details, data
# patterns, TTL details with the three things a remote system may do as "•" bullets, bugs, history (ping6 merged
# into ping as of s20150815) and the CAP_NET_RAW cases numbered "1) ... 2) ... 3)" inside one sentence; from a
# bookworm point release, so a later one may change the page) and the sysstat FAQ (sysstat 12.6.1-1:
# sysstat/FAQ.md.gz, Markdown, 36 KB, 774 lines: a "##" title, a table of contents of four bold section links over
# 39 questions as "[N.M.](#N_M)" links ended by two blanks, then "###" section headings with HTML anchors, each
# question a "N.M.<a name=...></a>" line, some wrapped onto a second line, over an "A:" answer, with "---" rules
# between questions; error messages, commands, crontabs and sample sar and iostat output in ``` fences, bold and
# italic words, lines ended by two blanks as breaks, a few questions worded differently in the contents and in the
# text (2.12, 2.20, 3.3), the maintainer's name and address in words at the end).
render_man man8/ping.8.gz                                            > "$r/ping.8.txt"
gunzip -c "$doc/sysstat/FAQ.md.gz"                                   > "$r/sysstat-FAQ.md"

r=$(round 76)
# Sphinx's page on its sphinx-build command (sphinx-doc 5.3.0-4: sphinx-doc/html/man/sphinx-build.html, Sphinx HTML
# made with Docutils 0.19 in the project's own "sphinx13" theme, UTF-8, 34 KB, of which about 9 KB are visible text:
# a header image, a navigation bar, then a sidebar of the page's own contents and the site's pages before the body;
# Synopsis and Description, then the options as <dt> terms with "¶" permalinks over their text, the builders of -b
# and the pipelines of -M as nested definition lists, an "Important" box, "New in version 1.2" and "Changed in
# version 1.7" notes, environment variables and the Makefile's variables as definition lists, a "Note" box on PAPER,
# deprecation warnings with a list of ways to set PYTHONWARNINGS, "© Copyright 2007-2023" and "Created using Sphinx
# 5.3.0" in the footer) and procmail's FAQ (procmail 3.22-27: procmail/FAQ, plain ASCII, 14 KB, 301 lines:
# "Frequently Asked Questions" between rules of dashes, 20 numbered questions, many wrapped onto lines indented by
# three blanks, answers indented by a tab, a block framed by lines of asterisks listing where the mail filtering FAQ
# can be had (web, FTP, e-mail, UUCP), commands and .procmailrc recipes indented by two tabs, a "- " list of
# solutions to lockfile failures, tabs inside sentences where the text was once aligned, no date or version given).
cp "$doc/sphinx-doc/html/man/sphinx-build.html"                      "$r/sphinx-build.html"
cp "$doc/procmail/FAQ"                                               "$r/procmail-FAQ.txt"

r=$(round 77)
# man 8 mtr (mtr-tiny 0.95-1, mtr without its GTK+ interface; the page is mtr's own, rendered as in round 1, 14 KB,
# 352 lines, "mtr 0.95" in the footer, no date: a synopsis of bracketed options, a short description of mtr as
# traceroute and ping in one tool, options written "-c COUNT, --report-cycles COUNT" as terms over tab-indented text,
# one paragraph of -r's text set back to the options' column, examples of the raw, CSV (";"-separated) and AS-number
# output indented below their sentences, a box-drawn table of the one-letter fields of -o, the values 0 to 4 of -y as
# a tabbed column, defaults in sentences ("The default value for this parameter is one second", "Defaults to 1",
# "Default is 30"), the MTR_OPTIONS, MTR_PACKET and DISPLAY variables with an example, the keys of the interactive
# display in a two-column list with their defaults ("default str='LRS N BAWV'"), a bug about routers that give ICMP
# ECHO a lower priority, words hyphenated at line ends by the typesetter) and lsof's quick start (lsof 4.95.0-1:
# lsof/00QUICKSTART.gz, plain ASCII, 38 KB, 1,047 lines: "A Quick Start for Lsof", a centred contents list of 17
# numbered sections with lettered subsections and four lettered appendices of options, then each title underlined
# with "=", commands after "$ " prompts indented by two or four blanks, sample lsof, netstat and idrlogin.perl output
# from Solaris, HP-UX, AIX and UnixWare hosts, two shell scripts testing the exit code, options as terms that open
# the first line of their text (after four blanks in section 10's -p<PID>, -a, d9,10 and -r, after a tab in the
# appendices A to D), the rest of the text indented by two tabs, the 15-second defaults of -r and of the kernel-call
# time-out ("15 seconds", "fifteen seconds"), exit codes 0 and 1 in prose, options quoted ``-adcwd'', signed by Vic
# Abell on October 13, 2014).
render_man man8/mtr.8.gz                                             > "$r/mtr.8.txt"
gunzip -c "$doc/lsof/00QUICKSTART.gz"                                > "$r/lsof-QUICKSTART.txt"

r=$(round 78)
# The GNU bc manual in HTML (bc 1.07.1-3+b1: bc/bc.html, Texinfo HTML made by makeinfo 6.7, UTF-8, 59 KB, about 35 KB
# of visible text: a "Next: ..., Previous: ..., Up: ..." navigation line above its top node and each of its 10
# chapters and 13 sections, menus as tables of bullets, the command-line options, the expressions, statements, math
# library functions, differences from POSIX bc, limits and environment variables as <dl> lists of <code> terms over
# paragraphs, the special variables scale, ibase, obase and last in prose ("The default value of scale is 0"), the
# precedence of operators one to a line, a void function's session, the math library's e(x) and a checkbook program in
# <pre> blocks, limits such as 999 for the output base and 65535 for BC_DIM_MAX, the table of contents at the end, no
# bc version given) and micro's README (micro 2.0.11-2+b1: micro/README.md.gz, Markdown, 13 KB, 273 lines: a logo
# image and six badges, a linked table of contents, a feature list of "- " items with indented sub-items and <kbd>
# keys, installation under "###" and "####" headings (pre-built binaries, a quick-install script, Eget, package
# managers per system as nested "* " lists with commands in backquotes, an HTML comment on an outdated Debian package,
# building from source with Go 1.16, a fully static binary, macOS terminals, colours, Cygwin, Mingw and Plan9), usage,
# the help files as a list of links, contributing).
cp "$doc/bc/bc.html"                                                 "$r/bc-manual.html"
gunzip -c "$doc/micro/README.md.gz"                                  > "$r/micro-README.md"

r=$(round 79)
# man 1 fdfind (fd-find 8.6.0-3: fd, "a simple, fast and user-friendly alternative to find(1)", installed as fdfind
# in Debian; the page is fd's own and calls the command fd, rendered as in round 1, 15 KB, 454 lines, "FD(1)" in the
# footer, no date or version: a synopsis of bracketed options, options written "-H, --hidden" or "-d, --max-depth d"
# as terms over tab-indented text, defaults in parentheses ("(default: hidden files and directories are skipped)",
# "(default: number of available CPU cores)") or in sentences ("By default, there is no limit on the search depth"),
# "The flag can be overridden with '--no-hidden'" sentences, the ignore files of -I and the units of -S as "•" bullets
# and nested terms ("'ki' kibibytes (base two, 2^10 = 1024 bytes)"), the file types of -t, the colour modes of -c
# and the placeholders of -x and -X ("{//} parent directory") as nested terms, examples as "- " lines indented below
# "Examples:", smart case, durations such as "10h, 1d, 35min", the exit codes 0 and 1 of -q in a sentence, pattern
# syntax as two links, the LS_COLORS, NO_COLOR, XDG_CONFIG_HOME and HOME variables, examples of "$ fd ..." command
# lines, words hyphenated at line ends by the typesetter) and the first Buildah tutorial (buildah
# 1.28.2+ds1-3+deb12u1+b3: buildah/tutorials/01-intro.md.gz, Markdown, 18 KB, 283 lines: a logo image, "# Buildah
# Tutorial 1" over "## Building OCI container images" and seven more "##" sections (installing with dnf, rootless
# users, verification, a container from scratch, portability to Docker, Containerfiles/Dockerfiles, congratulations),
# long paragraphs with inline links and reference-style link definitions, commands after "# " and "$ " prompts and
# their output in blocks indented by four blanks (one by five), a "buildah containers" table, a "**NOTE:**" on the
# Fedora release number, the runecho.sh script and a Dockerfile with comments, "-working-container" as the default
# name suffix, port 8123 mapped to 80; from a bookworm point release, so a later one may change the file).
render_man man1/fdfind.1.gz                                          > "$r/fd.1.txt"
gunzip -c "$doc/buildah/tutorials/01-intro.md.gz"                    > "$r/buildah-tutorial-1.md"

r=$(round 80)
# The quickstart of the Requests library's documentation (python-requests-doc 2.28.1+dfsg-1:
# python-requests-doc/html/user/quickstart.html, Sphinx HTML made with Docutils 0.17.1 in the alabaster theme, UTF-8,
# 61 KB, 650 lines, about 18 KB of visible text: "Quickstart — Requests 2.28.1 documentation" as its title, an <h1>
# over 15 <h2> sections with "¶" permalinks (making a request, parameters in URLs, text, binary, JSON and raw response
# content, custom headers, POST requests, multipart file uploads, status codes, response headers, cookies,
# redirection and history, timeouts, errors and exceptions), sessions at the ">>> " prompt in highlighted <pre>
# blocks with their output, "Note" and "Warning" boxes, a list of the sources that take precedence over custom
# headers, a quotation of RFC 7230, curly apostrophes and dashes, the version that added the json parameter (2.4.2),
# then a sidebar with the project's blurb, the page's table of contents, "Previous" and "Next" links and a search
# form, "©MMXVIX. A Kenneth Reitz Project." in the footer) and autossh's README (autossh 1.4g-1+b1: autossh/README.gz,
# plain ASCII, 10 KB, 230 lines: "autossh Version 1.4" and section titles underlined with "-", the build steps and the
# usage line indented by a tab, the three options of its own as terms (" -M <port>[:echo_port], to specify ...",
# " -f     Causes ...") over text indented by a tab or by eight blanks, rules for the ssh process's manner of death,
# startup behaviour and continued failures as "- " lists, the monitor ports 20000 and 20001 as an example, port 7 for
# the echo service, the environment variables as a two-column table of "NAME - meaning" with tabs and blanks mixed
# and defaults in sentences ("Default is 30 seconds", "poll time in seconds; default is 600"), two OpenSSH options
# numbered "1)" and "2)", logging to syslog's LOG_USER facility, signed "Kudos and raspberries to harding [at]
# motd.ca" after a "-- " line).
cp "$doc/python-requests-doc/html/user/quickstart.html"              "$r/requests-quickstart.html"
gunzip -c "$doc/autossh/README.gz"                                   > "$r/autossh-README.txt"

r=$(round 81)
# man 1 rsnapshot (rsnapshot 1.4.5-1: rsnapshot, "remote filesystem snapshot utility", a Perl program over rsync; the
# page is made by pod2man and rendered as in round 1, 35 KB, 941 lines, "rsnapshot-tools 2022-12-27" in the footer,
# no words hyphenated by the typesetter: a one-line synopsis "rsnapshot [-vtxqVD] [-c cfgfile] [command] [args]", the
# command-line options as indented lines "-v verbose, show shell commands being executed" inside DESCRIPTION, then
# CONFIGURATION: tabs as the only separators of rsnapshot.conf, continuation lines, then the parameters as a
# "name    value" column (some wrapped onto the next line; cmd_preexec, cmd_postexec and four linux_lvm_cmd_* names
# alone on their lines, the last four over one shared paragraph) over text indented further, defaults in sentences ("Default is 1.2", "The default is 2",
# "The default is 0 (off)", "stop_on_stale_lockfile defaults to 0", "If not specified, "-a" is the default"), the
# verbose levels 1 to 5 as a tabbed table of number, name and meaning, retain levels alpha, beta, gamma and delta with
# their rotation ("<snapshot_root>/alpha.5/ will be deleted"), backup, backup_script and backup_exec lines as examples
# over indented explanations, per-backup-point options and the "+" of +rsync_long_args, a whole example file; USAGE
# with an example crontab, what it does ("6 alpha backups a day (once every 4 hours, at 0,4,8,12,16,20)"), why "beta"
# runs 10 minutes before "alpha", the du, diff, sync and configtest commands; EXIT VALUES 0, 1 and 2 in a tabbed
# column; DIAGNOSTICS; NOTES on tabs, trailing slashes, chmod 700, restores by regular users, ssh keys for cron,
# --numeric-ids; a long AUTHORS list of names over "- " lines; the GPL notice) and Rootkit Hunter's FAQ (rkhunter
# 1.4.6-11: rkhunter/FAQ.gz, plain ASCII, 26 KB, 636 lines, no version or date: "ROOTKIT HUNTER FREQUENTLY ASKED
# QUESTIONS (FAQ)" underlined with "=", a contents list of six numbered parts and their 23 questions "1.1)" to "6.1)",
# several wrapped onto indented lines (3.2 and 6.1 worded differently in the contents and the text), parts between
# rules of "=" with titles underlined with "=", each question over an answer that opens "A." and runs on indented by
# five blanks, steps numbered "1." and "1)", commands, crontab lines and cron scripts indented further, sample cron
# mail with its ANSI colour codes written out as text ("[1;33mChecking rkhunter data files...[0;39m"), a "NOTES"
# block underlined with "=", options quoted '--propupd', '--rwo', '--cronjob', '--nocolors', configuration options
# in capitals (DISABLE_TESTS, MAIL-ON-WARNING, BINDIR, PKGMGR), and awk and grep one-liners that turn rkhunter.log
# lines into SCRIPTWHITELIST=, ALLOWHIDDENDIR= and other whitelist settings).
render_man man1/rsnapshot.1.gz                                       > "$r/rsnapshot.1.txt"
gunzip -c "$doc/rkhunter/FAQ.gz"                                     > "$r/rkhunter-FAQ.txt"

r=$(round 82)
# Flask's page on its command line interface (python-flask-doc 2.2.2-3: python-flask-doc/html/cli.html, Sphinx HTML
# made by Sphinx 5.3.0 in the Pallets "flask" theme, UTF-8, 49 KB, 567 lines, about 14 KB of visible text: "Command
# Line Interface — Flask Documentation (2.2.x)" as its title, a navigation bar "index | modules | next | previous"
# above the body, an <h1> over nine <h2> and six <h3> sections with "¶" permalinks (application discovery, the
# development server, debug mode, the reloader's --extra-files and --exclude-patterns, the shell, dotenv, command
# options from FLASK_COMMAND_OPTION variables, disabling dotenv, virtualenv activate scripts, custom commands,
# blueprints' cli_group, the application context, plugins through the flask.commands entry point, custom scripts
# with FlaskGroup, PyCharm), the values of --app as a definition list of terms in <code> ("--app hello:app2") over
# their meaning, curly quotes (“app” or “wsgi”), console sessions and their output in highlighted <pre> blocks (port
# 5000, "Debugger PIN: 223-456-919"), a "Warning" box against the development server in production, sphinx-tabs of
# Bash, Fish, CMD and Powershell with three of the four panels hidden, Python examples of Click commands, groups,
# blueprints and setup.py entry points, an "Errors in Custom Scripts" box, a PyCharm screenshot (only its alt
# text), then a sidebar with the logo, the page's contents, "Previous: Extensions", "Next: Development Server" and a
# search form, "© Copyright 2023 Pallets." in the footer) and ddclient's README (ddclient 3.10.0-2:
# ddclient/README.md.gz, Markdown, 9 KB, 286 lines, two lines ending in a blank: "# DDCLIENT v3.10.0", ddclient as "a
# Perl client used to update dynamic DNS entries", the 28 supported services as a block indented by four blanks of
# "Name - See URL for details" lines, requirements as a "* " list with nested Perl modules (IO::Socket::SSL, JSON::PP,
# IO::Socket::INET6), a repology badge as raw HTML (<a> and <img>), manual installation as numbered steps with fenced
# shell blocks (./configure, make VERBOSE=1 check), "####" sections for systemd, Redhat, Alpine, Ubuntu and FreeBSD
# start-up with commands indented by four blanks below lower-case sentences, troubleshooting as a numbered list with
# commands in double backquotes (ddclient -daemon=0 -debug -verbose -noquiet) and router settings (fw=, fw-skip=,
# fw-login=, fw-password=) indented below, sections on ppp, cron (whose sentence says "once a month" and whose
# command's comment "twice a month"), dhcpcd-1.3.17 with a shell script and dhclient's exit hooks).
cp "$doc/python-flask-doc/html/cli.html"                             "$r/flask-cli.html"
gunzip -c "$doc/ddclient/README.md.gz"                               > "$r/ddclient-README.md"

r=$(round 83)
# man 5 vnstat.conf (vnstat 2.10-2: the one configuration file of vnstat, vnstati and vnstatd, a network traffic
# monitor; rendered as in round 1, 21 KB, 466 lines, "version 2.10  OCTOBER 2022" in the footer: the synopsis only
# the path /etc/vnstat.conf, a description of the file's syntax (keyword-argument pairs, comments after '#' or ';',
# double quotes, a hardcoded default for a missing or unparsable value), then 79 keyword entries in three sections,
# COMMON KEYWORDS (20), DAEMON RELATED KEYWORDS (34) and IMAGE OUTPUT RELATED KEYWORDS (25), each keyword a term
# alone on its line over tab-indented text, a short keyword (Locale, MaxBW, UseUTC, CEdge, CLine, CRx, CTxD ...)
# opening the first line of its text instead, several keywords sharing a term ("List5Mins, ListHours, ListDays,
# ListMonths, ListYears, ListTop"), value ranges in sentences ("Value range: 2..600", "Value range: PollInterval..300",
# "( UpdateInterval / 60 )..60"), settings as "1 = enabled, 0 = disabled" and numbered modes in running text ("0 =
# normal, 1 = days, 2 = months, 3 = top, 5 = short, ..."), the programs a keyword applies to in parentheses ("(vnstat
# and vnstati only)"), "Set to -1 for unlimited entries or to 0 to disable" for the five retention keywords, no
# default values (they are in the shipped /etc/vnstat.conf, not in the page), FILES with $HOME/.vnstatrc,
# RESTRICTIONS, the author's address in words, words hyphenated at line ends by the typesetter) and earlyoom's README
# (earlyoom 1.7-1+b1: earlyoom/README.md.gz, Markdown, 18 KB, 394 lines: "earlyoom - The Early OOM Daemon"
# underlined with "=", five badges, sections underlined with "-" and "###"/"####" subsections (what it does, why not
# the kernel oom killer, its own memory use, compiling and packages, use, testing, logs, notifications, preferred
# processes, the configuration file /etc/default/earlyoom, command line options, contributing, a changelog), `free -m`
# output indented by four blanks, fenced bash blocks, the startup output with its SIGTERM and SIGKILL limits ("10 %",
# "5 %"), a journal line, the usage text of earlyoom v1.6.2 in a fence with defaults in parentheses ("(default 10
# %)", "(default 1)", "(default PERCENT/2)"), a quoted block for older versions, a changelog of "* v1.7, 2022-03-05"
# items with nested "  * " changes and issue links, reference-style links [1] to [5] at the end).
render_man man5/vnstat.conf.5.gz                                     > "$r/vnstat.conf.5.txt"
gunzip -c "$doc/earlyoom/README.md.gz"                               > "$r/earlyoom-README.md"

r=$(round 84)
# Click's page on options (python-click-doc 8.1.3-2: python-click-doc/html/options.html, Sphinx HTML made by Sphinx
# 5.3.0 in the Pallets "click" theme, UTF-8, 91 KB, 984 lines, about 25 KB of visible text: "Options — Click
# Documentation (8.1.x)" as its title, a navigation bar "index | modules | next | previous" above the body, an <h1>
# over 20 <h2> sections with "¶" permalinks (naming options, basic value options, multi value options, tuples,
# multiple options, counting, boolean flags, feature switches, choice options, prompting, password prompts, dynamic
# defaults for prompts, callbacks and eager options, yes parameters, values from environment variables, multiple
# values from environment values, other prefix characters, range options, callbacks for validation, optional value),
# the rules for an option's Python name as a numbered list and its examples as a bulleted list ('"-f", "--foo-bar",
# the name is foo_bar'), Python examples of @click.option decorators in highlighted <pre> blocks, most followed by a
# "$ " shell session and its output ("--n INTEGER  [default: 1]", "Error: Invalid value for '--digit': 12 is not in
# the range 0<=x<=9."), four "Changelog" <details> boxes ("New in version 4.0.", "Changed in version 6.0.", 7.1 and
# 2.0), two "Callback Signature Changes" admonitions, parameter names in <code> (is_flag=True, flag_value,
# show_default, prompt_required=False, auto_envvar_prefix), curly apostrophes, then a sidebar with the logo, the page's
# contents, "Previous: Parameters", "Next: Arguments" and a search form, "© Copyright 2023 Pallets." and "Last updated
# on 10 January 2023" in the footer) and rdiff-backup's FAQ (rdiff-backup 2.2.2-1: rdiff-backup/FAQ.adoc.gz, the
# AsciiDoc source, kept as .txt, plain ASCII, 30 KB, 460 lines: a "= rdiff-backup: {page-name}" title over attribute
# lines (":page-name: F.A.Q.", ":sectnums:", ":toc: macro"), a "link:.[Home,...]" line, a "'''''" rule and "toc::[]",
# then 30 questions as "== " headings, some long, over answers written one sentence to a line, the verbosity levels 0
# to 9 as lines indented by one blank, mailing-list posts and a cstream command in "...." literal blocks, a session
# statistics file indented by one blank and its fields explained, "** " and "* " lists, ". " numbered steps with a "+"
# continuation, NOTE: and CAUTION: paragraphs, a "[source,python]" block and a command between "----" lines, inline
# links as "https://...[text]", "\ \" forced line breaks, inline code in backquotes, options such as
# --remove-older-than, --tempdir, --override-chars-to-quote and --api-version, figures such as "2 GB", "4 GB", "about
# 15 minutes" and port 2222, no date given).
cp "$doc/python-click-doc/html/options.html"                         "$r/click-options.html"
gunzip -c "$doc/rdiff-backup/FAQ.adoc.gz"                            > "$r/rdiff-backup-FAQ.txt"

r=$(round 85)
# man 5 auditd.conf (auditd 1:3.0.9-1: the configuration file of the Linux audit daemon; rendered as in round 1,
# 24 KB, 444 lines, "Red Hat  August 2018" in the footer, 67 words hyphenated at line ends by the typesetter: a
# description of the file's syntax (a keyword, an equal sign and its value to a line, names and values case
# insensitive, lines limited to 160 characters, comment lines starting with '#'), then 39 keywords from local_events
# to end_of_event_timeout, each a term alone on its line over tab-indented text, short ones (flush, freq, name)
# opening the first line of their text instead, the values of each action keyword (ignore, syslog, rotate, email,
# exec, suspend, single, halt, keep_logs) explained in running text, defaults in sentences ("The default is 4", "The
# default value is incremental_async", "The default address is root", "The default is 1 and the maximum is 1024", "The
# default value is 2000"), some keywords with no default stated (max_log_file, tcp_listen_port, plugin_dir),
# space_left as megabytes or a percentage with a worked example (25% of 2 gigabytes, "approximately 500 megabytes"),
# Kerberos 5 settings (transport, krb5_principal, krb5_key_file "owned by root and mode 0400"), NOTES on a CAPP
# environment (the acronym never spelt out), the recommended settings, and "List of List (LOL) event processing" with
# its end-of-event rules as indented lines, FILES, SEE ALSO, AUTHOR Steve Grubb) and Irssi's startup how-to (irssi
# 1.4.3-2: irssi/startup-HOWTO.html, a page of the irssi.org site without <html>, <head> or <body>, UTF-8, 38 KB,
# 685 lines, about 30 KB of visible text: a <base href> to irssi.org, an <h1> "Startup How-To" over an <h3> "To new
# Irssi users (not to new IRC users ..)", "Copyright (c) 2000-2002 by Timo Sirainen, release under GNU FDL 1.1
# license." (a mention, no licence text), an index as an <ol> of the 12 chapters with nested <ul>s of the FAQ
# questions each answers, then 12 numbered <h2> chapters (first steps, the user interface and split windows, server
# and channel automation, layouts, status and msgs windows and message levels, multiple servers, /LASTLOG and
# scrollback, logging, key bindings, proxies and IRC bouncers, settings, the statusbar) and three more <h3>
# subsections, commands in 63 <pre><code> blocks inside nested <div>s, some with "- meaning" columns ("/RMRECONNS
# - stop all server reconnections"), X resources, sample /SERVER output with "RECON-1", the settings in six <dl> lists
# of 28 "/SET name DEFAULT" terms over <dd> text ("/SET server_reconnect_time 300", "the unit is 1/100 of seconds"), a
# statusbar table in a <pre>, version notes ("irssi 0.8.18 or higher"), curly quotes and apostrophes, emoticons, no
# date).
render_man man5/auditd.conf.5.gz                                     > "$r/auditd.conf.5.txt"
cp "$doc/irssi/startup-HOWTO.html"                                   "$r/irssi-startup-HOWTO.html"

r=$(round 86)
# bat's changelog (bat 0.22.1-4: bat/changelog.gz, upstream's CHANGELOG.md, Markdown, UTF-8, 40 KB, 1044 lines, no
# release dates: 38 releases from "# v0.22.1" back to "# v0.1.0" as "# " headings, each over "## " lists ("Features",
# "Bugfixes" (once "Bug fixes"), "Changes", "Other", "Syntaxes", "New syntaxes", "New themes", "Performance",
# "Packaging", "Thanks", "`bat` as a library") of "- " or "* " items, some wrapped onto indented lines, most ending
# "see #1234 (@handle)", options, environment variables and file names in backquotes (`--map-syntax`, `BAT_PAGER`,
# `NO_COLOR`, `~/.config/bat/config`), "**Breaking change:**" notes, fenced bash and toml blocks (a sample
# configuration file in v0.8.0), an image link, inline links, figures such as "~75% faster", "by 90%", "about 10%
# faster", "(> 16384 chars)", a Windows security fix in v0.18.2, CVE-2022-24713 in v0.21.0, "Minimum supported Rust
# version (MSRV)", "·" (U+00B7) and "•" (U+2022), paragraphs of thanks) and resolvconf's README (resolvconf
# 1.91+nmu1: resolvconf/README.gz, plain ASCII, 31 KB, 755 lines: "README file for resolvconf" centred by blanks, a
# contents list of 14 sections, each section title underlined with "~" ("News", "Introduction", "Rationale", "HOWTO",
# "Order of entries in resolv.conf", "Requirements", "Technical overview", usage for developers, maintainers and
# administrators, "FAQ", "TODO", "DONE", "Credits"), "Last updated 8 May 2014 for version 1.75", a list of packages
# that alter resolv.conf with their popularity-contest votes in parentheses ("ppp (4533)") over indented text,
# numbered setup steps with nested "*" and "+" items and sub-steps "3.1" to "3.5", /etc/network/interfaces lines
# (dns-nameserver, dns-search) and commands indented by four to six blanks, the /etc/resolvconf/ tree as nested "*",
# "+" and "-" items, a sample shell fragment and a dpkg-event hook script, two debconf settings numbered "1." and
# "2.", one "Q." / "A." pair, TODO and DONE lists of packages with Debian bug numbers ("# 483098:") over "- DONE in
# version" lines, credits to Emile van Bergen and Thomas Hood).
gunzip -c "$doc/bat/changelog.gz"                                    > "$r/bat-CHANGELOG.md"
gunzip -c "$doc/resolvconf/README.gz"                                > "$r/resolvconf-README.txt"

r=$(round 87)
# man 5 tinyproxy.conf (tinyproxy 1.11.1-2.1+deb12u1: the configuration file of Tinyproxy, a small HTTP proxy daemon;
# the page is made from AsciiDoc-like source and rendered as in round 1, 14 KB, 354 lines, "Version 1.11.1 2024-05-22"
# in the footer, no words hyphenated by the typesetter: the synopsis only the file's name, the path
# `/etc/tinyproxy/tinyproxy.conf` and other literals kept in backquotes (57 lines hold one), the file's syntax
# (key-value pairs, '#' comments, keywords case-insensitive and values case-sensitive), then 36 keywords from User to
# ReverseBaseURL, each a term alone on its line over tab-indented text, Allow and Deny over one shared text, the log
# levels Critical to Info and the forms of Upstream rules and site specifications as "•" lists (15 items), the
# upstream types http, socks4, socks5 and none, an example filter file and Anonymous, BasicAuth, AddHeader and
# ReversePath lines indented further, a few defaults in sentences ("The default value of `StatHost` is
# `tinyproxy.stats`", the wildcard address `0.0.0.0` for Listen, "The default is to filter based on domains") but none
# for Port, Timeout, MaxClients or LogLevel, port 8888 only in the ReversePath example, RFC 2616 for the Via header,
# FilterType's bre, ere and fnmatch ("the fastest matching method of the three"), "almost twice as fast" for
# case-sensitive filters, BUGS, SEE ALSO, AUTHOR and COPYRIGHT "1998-2020" with the GPL version 2 notice) and foot's
# README (foot 1.13.1-2+deb12u1: foot/README.md.gz, Markdown, UTF-8, 20 KB, 597 lines, no version or date of its own:
# "# ![Logo: ...](icons/...) foot" as the title, "The fast, lightweight and minimalistic Wayland terminal emulator.",
# four badges as image links, an index of 22 numbered links with nested entries, sections as "## " and "# " headings
# mixed ("# Installing", "# XTGETTCAP", "# Credits", "# License" at the top level), a "* " list of features (IME via
# `text-input-v3`, "True Color (24bpp)", Sixel), the configuration paths `$XDG_CONFIG_HOME/foot/foot.ini` and
# `~/.config/foot/foot.ini`, the name's origin "_foo terminal_ → _footerm_ → _foot_" and the Swedish word _fot_, the
# default shortcuts as definition-list lines of <kbd> tags (43 lines hold one) over ": meaning" lines (keyboard,
# scrollback search, a "### URL mode" section missing from the index, mouse), font size steps written "0,5pt", server
# mode with `foot --server` and `footclient`, URL mode with `show-urls-launch`, `xdg-open` and `url-launch`, shell
# integration through OSC-7 and OSC-133;A with a fenced zsh block, Alt/meta, Backspace and Keypad modes as escape
# sequences in backquotes (`\E[?1036l`), DPI and font sizing with the `dpi-aware` option, 22 supported OSCs as a "* "
# list ("`OSC 555` - flash screen (**foot specific**)"), the tertiary and secondary Device Attributes replies,
# XTVERSION "Starting with version 1.7.0", XTGETTCAP compared with XTerm ("as of XTerm-370") and Kitty, curly quotes
# and apostrophes, bug report items, IRC on irc.libera.chat, Mastodon, sponsoring and "Foot is released under the [MIT
# license](LICENSE).").
render_man man5/tinyproxy.conf.5.gz                                  > "$r/tinyproxy.conf.5.txt"
gunzip -c "$doc/foot/README.md.gz"                                   > "$r/foot-README.md"

r=$(round 88)
# SQLite's page on datatypes (sqlite3-doc 3.40.1-2+deb12u2: sqlite3/datatype3.html, HTML from the SQLite site, ASCII,
# 39 KB, 967 lines, about 28 KB of text left when tags are stripped: "Datatypes In SQLite" as its title, the site's
# logo, tagline "Small. Fast. Reliable. Choose any three.", menus and a search form with two <script> blocks, a
# collapsible "Table Of Contents" of 22 numbered entries, then seven numbered <h1> sections (datatypes, storage
# classes, type affinity, comparison expressions, operators, sorting, grouping and compound SELECTs, collating
# sequences) with 11 <h2> and 2 <h3> subsections, the five storage classes as a list ("an 8-byte IEEE floating point
# number"), Boolean and date/time storage (ISO8601 strings, Julian day numbers, Unix Time), the affinity rules and
# comparison rules as numbered lists, one <table> of example typenames, resulting affinity and rule number, SQL
# examples and their results ("text|integer|integer|real|text", "--result 4 1 2 3") in <blockquote><pre> blocks,
# versions with dates in running text ("version 3.37.0 (2021-11-27)", "3.23.0 (2018-04-02)", "3.8.6 2014-08-15"),
# "the first 15 significant decimal digits", the historical name "NONE" of the BLOB affinity, SQLITE_MAX_LENGTH named
# but its value not given, the collating functions BINARY, NOCASE and RTRIM, "Division by zero gives a result of
# NULL", "This page last modified on 2022-04-12 00:22:10 UTC" at the foot) and haveged's README (haveged
# 1.9.14-1+deb12u1: haveged/README.gz, plain text, UTF-8 for one word ("für"), 24 KB, 474 lines, five lines ending
# in blanks, no version or date: "Haveged, an entropy source" over section titles in capitals, not underlined
# ("INTRODUCTION", "TESTING haveged", "BUILDING haveged", "CHECKING haveged", "RUNNING haveged", "DIAGNOSTIC haveged
# build", "INSTALLATION", "EXTRAS"), the HAVEGE algorithm, AIS-31 from BSI spelt out in English and German, Procedure A
# (5 tests) and B (3 tests) with pass probabilities 0.9987 and 0.9998, special features numbered "1)" to "5)", seven
# supported hosts and nine configure options numbered "1." with defaults in parentheses ("--enable-olt (default
# 'yes')", "--enable-threads (experimental)"), the entest checks as "a)" to "e)" items indented by four blanks, the
# sample size raised from 1MB to 16MB, the usage text indented by three blanks ("--buffer     , -b [] Buffer size
# [KW] - default : 128", "--pid ... default: /var/run/haveged.pid"), a summary template of <prog>-style placeholders
# with a "where" table, build flags and tuning sources, the AIS-31 failure log line, a --verbose bit mask table 0x01
# to 0x20, "A minimum of 1024 is recommended" for write_wakeup_threshold, diagnostic --run levels 2, 4 and 8,
# sysv.* and service.* init templates ("The non-forking configuration is recommended"), URLs to issihosts.com).
cp "$doc/sqlite3/datatype3.html"                                     "$r/sqlite-datatypes.html"
gunzip -c "$doc/haveged/README.gz"                                   > "$r/haveged-README.txt"

r=$(round 89)
# man 1 gocryptfs (gocryptfs 2.3-1+b4: an encrypted overlay filesystem written in Go, on FUSE; rendered as in round
# 1, 28 KB, 731 lines, "Aug 2017" in the footer and no version, 58 words hyphenated at line ends by the typesetter,
# curly quotes: a synopsis of six forms under headings indented by three blanks (init, mount, unmount with
# fusermount -u, change password, check consistency, show information), then 65 options, each a term alone on its
# line over text indented by seven blanks, in four sections: ACTION FLAGS (8: -fsck, -info, -passwd, -speed ...),
# INIT OPTIONS (9: -aessiv, -deterministic-names, -longnamemax "allowed range 62...255", -xchacha ...), MOUNT OPTIONS
# (33: -allow_other, -badname, -idle with "0 (the default)", -ko, -noprealloc, -serialize_reads "below 70MB/s",
# -sharedstorage ...) and COMMON OPTIONS (15: -extpass, -fido2, -masterkey, -passfile, -scryptn "The default is 16"
# ...), each of the last ending "Applies to: ...", two options "Obsolete and ignored on gocryptfs v2.2 and later",
# defaults in parentheses ("(default: -nodev)", "(default true)", "(default “auto”)"), commands and sample output
# indented further, the nine gitignore rules of EXCLUDING FILES as a numbered list with sub-items "i." to "iv.",
# EXAMPLES with an /etc/fstab line, NO_COLOR, EXIT CODES as "N: meaning" lines (0, 6, 10, 12, 22, 23, 24, 26), BUGS
# on "Dash duplication" since v2.1, AUTHORS only "github.com/rfjakob.") and mutt's README for its OAuth2 script (mutt
# 2.2.12-0.1~deb12u2: mutt/examples/mutt_oauth2.py.README, plain ASCII, 14 KB, 290 lines, no version of the script:
# "mutt_oauth.py README by Alexander Perlis, 2020-07-15" (sic) underlined with "=", five sections underlined with "-"
# (plain passwords, app passwords and bearer tokens; OAuth2 token support in mutt with the SASL methods OAUTHBEARER
# and XOAUTH2; the token file's encryption through the script's ENCRYPTION_PIPE and DECRYPTION_PIPE lines and gpg;
# app registrations, with "-- How to create a Google registration --" and "-- How to create a Microsoft
# registration --" parts; running the script by hand), prose paragraphs, " - " lists with nested items (the Azure
# portal's Branding, Authentication, API permissions and Overview screens as unindented labels, Microsoft Graph
# permissions such as "IMAP.AccessAsUser.All"), access tokens "good for about an hour", the three flows authcode,
# localhostauthcode and devicecode (one "- " item not indented like the others), command lines and a sample .muttrc
# indented by one blank (smtp.office365.com:587, imap_oauth_refresh_command)).
render_man man1/gocryptfs.1.gz                                       > "$r/gocryptfs.1.txt"
cp "$doc/mutt/examples/mutt_oauth2.py.README"                        "$r/mutt_oauth2-README.txt"

r=$(round 90)
# man 8 hdparm (hdparm 9.65+ds-1: a tool to get and set SATA/IDE device parameters; rendered as in round 1, 42 KB,
# 754 lines, "Version 9.65  Sep 2022" in the footer, 100 words hyphenated at line ends by the typesetter, en dashes
# in "2–3 times" and "30–50%": a one-line synopsis, a description naming libata and SAT ("SCSI-ATA Command
# Translation"), then 67 options in OPTIONS from -a to -Z and 10 in "ATA Security Feature Set", a short option's
# text starting on its own line and a long option's (--dco-freeze, --fallocate, --fibmap, --make-bad-sector,
# --offset, --prefer-ata12, --trim-sector-ranges ...) on the next, indented by seven and fourteen blanks, values and
# encodings in running text (-B from 1 to 255, -M 0, 128 and 254, the -S timeout values 1 to 255 in units of 5
# seconds and 30 minutes, -J "A setting of 30 seconds is recommended" against a factory default of "eight (8)
# seconds", -X PIO modes "plus 8", multiword DMA "plus 32" and UltraDMA "plus 64"), warnings in capitals ("EXTREMELY
# DANGEROUS", "DO NOT USE THIS OPTION!!", "VERY DANGEROUS, DON'T EVEN THINK ABOUT USING IT"), acronyms spelt out (DCO,
# HPA, AAM, NCQ, SAT, DRQ as "DataReQust") and others not (LBA, PIO only once), the --user-master and --security-mode
# values as two-column lines ("u  user password"), FILES with /etc/hdparm.conf, BUGS on kernels up to 2.6.12, AUTHOR
# Mark Lord and others, SEE ALSO three web sites) and the Prometheus node exporter's README
# (prometheus-node-exporter 1.5.0-1+b6: prometheus-node-exporter/README.md.gz, Markdown, ASCII, 17 KB, 347 lines, no
# version or date: "# Node exporter" over five badge image links, HTTP port 9100 as the default, "##" to "######"
# sections (installation with Ansible and Docker, collectors, the perf, sysctl and textfile collectors, filtering
# enabled collectors, building, tests, a TLS endpoint marked "** EXPERIMENTAL **"), fenced bash, yaml and console
# blocks (docker run, a Docker compose file), two pipe tables without outer pipes, "Name | Description | OS", of the
# 48 collectors enabled by default and the 24 disabled by default, escaped underscores (thermal\_zone,
# meminfo\_numa), "_any_" for all systems, kernel versions ("kernel 4.20+", "kernel 4.4+"), a "- " list of the
# kernel.perf_event_paranoid values 2 to -1 ("default since Linux 4.6"), sysctl settings turned into metrics
# ("node_sysctl_vm_user_reserve_kbytes 131072"), the textfile collector's glob `*.prom` and "**Note:** Timestamps
# are not supported.", commands indented by four blanks, reference-style links at the end).
render_man man8/hdparm.8.gz                                          > "$r/hdparm.8.txt"
gunzip -c "$doc/prometheus-node-exporter/README.md.gz"               > "$r/node-exporter-README.md"

r=$(round 91)
# man 1 ncat (ncat 7.93+dfsg1-1: Nmap's Ncat, "Concatenate and redirect sockets"; the page is made from DocBook,
# "Ncat Reference Guide" in the header, rendered as in round 1, 29 KB, 636 lines, "08/31/2022" in the footer, no
# words hyphenated by the typesetter, curly quotes around section names ("the section called “UNIX DOMAIN
# SOCKETS”"): an OPTIONS SUMMARY that copies the --help text (the version line "Ncat 7.93", "Options taking a time
# assume seconds. Append 'ms' ...", 50 options in tabbed columns, "(8 max)" hops for -g), connect and listen modes in
# prose with the default port 31337 in both, then 49 options in ten sections (protocol, connect mode, listen mode,
# SSL, proxy, command execution, access control, timing, output, misc), each written "-m numconns, --max-conns
# numconns (Specify maximum number of connections)" as a term, one of them wrapped onto a second line, over indented
# text; defaults in sentences ("100 is the default (60 on Windows)", "the default is TCP", "the default protocol is
# http", "remote - ... This is the default behavior", the --ssl-ciphers list on a line of its own), the proxies'
# well-known ports "1080 for SOCKS and 3128 for HTTP", -G's pointer "a multiple of 4 and no more than 28", the
# --proxy-dns values local, remote, both and none as paragraphs opening "name - ", the NCAT_PROXY_AUTH variable and
# the NCAT_REMOTE_ADDR ... NCAT_PROTO variables of the exec options as terms, acronyms spelt out (SNI, ALPN, DTLS)
# and others not (SCTP, CID, PEM), Unix-domain and AF_VSOCK sockets with example commands, ten EXAMPLES as sentences
# over indented commands (ports 8080, 8081, 9899, an HTTP proxy on 8888), EXIT CODE 0, 1 and 2 in prose, BUGS,
# four AUTHORS as "•" items and the original Netcat's *Hobbit*, LEGAL NOTICES under indented sub-headings ("(C)
# 2005–2022 Nmap Software LLC", the guide under Creative Commons Attribution 3.0, "never be installed with special
# privileges (e.g. suid root)"), six numbered NOTES with URLs; no OpenSSL version for --ssl-alpn, no default for -w,
# -i or -d) and Redis's README (redis-server 5:7.0.15-1~deb12u10: redis-server/README.md.gz, upstream's README.md of
# Redis 7.0, Markdown, ASCII, 22 KB, 503 lines, two lines ending in blanks, no version or date of its own: a first
# line "This README is just a fast *quick start* document", then titles underlined with "-" of varying lengths (some
# only "---" or "---------", one "Running Redis with TLS:" with its colon) and one "Redis internals" underlined with
# "===", build commands after "% " prompts indented by four blanks (make BUILD_TLS=yes, USE_SYSTEMD=yes,
# PROG_SUFFIX="-alt", 32bit, MALLOC=libc, V=1, CFLAGS="-DUSE_PROCESSOR_CLOCK"), jemalloc as the default allocator on
# Linux, make distclean cleaning "jemalloc, lua, hiredis, linenoise", redis-server run with --port 9999 and
# --replicaof, a redis-cli session, make install into /usr/local/bin and utils/install_server.sh ("will not work on
# Mac OSX"), /etc/init.d/redis_6379, reference-style links [1] to [4], then the source layout: "* " lists of files
# and functions in backquotes (serverCron(), beforeSleep(), activeExpireCycle(), replicationFeedSlaves() ...), a
# fenced C block of struct client and an indented one of struct redisObject, "in Redis 3.0 the `server.c` and
# `server.h` files were named `redis.c` and `redis.h`", the script unit said to be "compose of 3 units" over a list of
# five files, a command table entry {"foobar",foobarCommand,2,"rtF",...}, "Enjoy!"; no default port, memory limit or
# persistence setting given; from a bookworm point release (deb12u10), so a later one may change the file).
render_man man1/ncat.1.gz                                            > "$r/ncat.1.txt"
gunzip -c "$doc/redis-server/README.md.gz"                           > "$r/redis-README.md"

r=$(round 92)
# man 1 msmtp (msmtp 1.8.23-1: "An SMTP client"; rendered as in round 1, 45 KB, 1002 lines, "2022-06" in the footer
# and no version, text justified with runs of blanks, 108 words hyphenated at line ends by the typesetter
# ("sysex‐its.h", "$XDG_CON‐FIG_HOME"): a synopsis of four modes (sendmail mode "(default)", configuration mode with
# --configure, server information mode with --serverinfo, Remote Message Queue Starting mode with --rmqs), EXIT STATUS
# in one sentence (sysexits.h), then options in five groups under indented sub-headings, each a term such as "-a,
# --account=account_name" over text indented further, most ending "See the ... command.", options accepted but
# ignored for sendmail compatibility on one line, USAGE (accounts, the three ways to choose one, the headers msmtp
# adds or removes as "- " lines), CONFIGURATION FILES (SYSCONFDIR/msmtprc, ~/.msmtprc, $XDG_CONFIG_HOME/msmtp/config)
# and 43 configuration commands as terms over indented text ("port number ... The default is 25 ("smtp"), unless TLS
# without STARTTLS is used, in which case it is 465 ("smtps")", "The default is localhost, which is stupid but usually
# works", the five ways to give a password numbered "1." to "5.", the auth methods from plain to gssapi with their
# verdicts in parentheses, a long tls text on trusting CAs against pinning a fingerprint, "The default value ist
# "system"" (sic), the strftime default "%b %d %H:%M:%S", the syslog facilities with LOG_USER as the default, "SOCKS
# protocol version is 5", %U %H %C %M substitution patterns, two obsolete commands), EXAMPLES: a commented
# ~/.msmtprc whose long comment lines the renderer wrapped at the left margin (port 587, accounts freemail,
# freemail2 inheriting with " : freemail", isp and default), Mutt, mail and Tor settings (proxy_port 9050), an
# aliases file; FILES, ENVIRONMENT (USER, LOGNAME, TMPDIR, EMAIL, SMTPSERVER), AUTHORS Martin Lambers; no default for
# timeout or proxy_port, no size limit, acronyms spelt out (DSN, CRL, TLS, LMTP only as a protocol name)) and the
# configuration chapter of Privoxy's FAQ (privoxy 3.0.34-1: privoxy/faq/configuration.html, DocBook HTML ("Modular
# DocBook HTML Stylesheet Version 1.79"), ISO-8859-1 declared but ASCII, 38 KB, 1,749 lines with a tag's closing ">"
# at the start of the next line, about 22 KB of text: navigation tables above and below, "3. Configuration" over 30
# numbered questions "3.1." to "3.30." as <h3> headings, links into the User Manual, actions files and user.action,
# config.privoxy.org and its shortcut http://p.p/, action blocks such as "{ -crunch-incoming-cookies
# -crunch-outgoing-cookies -session-cookies-only }" in <pre> blocks, the profiles "Cautious", "Medium" and "Advanced"
# (formerly "Adventuresome"), /etc/privoxy owned by the user "privoxy" with 644 permissions, enable-edit-actions and
# enable-remote-toggle "disabled by default" as of 3.0.7, multiple filter files "as of v. 3.0.5", listen-address
# 192.168.1.1:8118 and 127.0.0.1 as the default, set-image-blocker's checkerboard, "blank" and redirect choices, a
# large red "BLOCKED" banner, Windows service since 3.0.5, transparent and intercepting proxies (RFC 2616, the Host
# header), Outlook before and after Office 2007, a white-list example of three sites, ./configure --disable-toggle
# --disable-editor --disable-force, the templates directory and templdir; no Privoxy version of its own, no date).
render_man man1/msmtp.1.gz                                           > "$r/msmtp.1.txt"
cp "$doc/privoxy/faq/configuration.html"                             "$r/privoxy-faq-configuration.html"

for n in $(seq 0 92); do
    echo "round$n:"
    for f in "$out/round$n/seeds"/*; do
        [[ -s $f ]] || { echo "empty: $f" >&2; exit 1; }
        printf '  %8d  %s\n' "$(stat -c %s "$f")" "${f##*/}"
    done
done
echo "done in $((SECONDS - start)) s: $out/round0 ... $out/round92"
