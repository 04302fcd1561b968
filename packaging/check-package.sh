#!/usr/bin/env bash
# Builds the .deb from an already built tree (CPack) into a temporary
# directory and checks it as a user would meet it: the control fields, every
# installed file, the extracted binary running an example with nothing from
# the build tree, the manual against --help, desktop-file-validate,
# appstreamcli and lintian. Run by ctest as tst_package.
# usage: check-package.sh BUILD_DIR
# Exit status: 0 all good, 1 a check failed, 77 a tool is missing (skipped).
set -euo pipefail

build=$(cd "${1:?usage: check-package.sh BUILD_DIR}" && pwd)
app_id=io.github.spikestudio.SpikeStudio

missing=()
for tool in cpack dpkg-deb dpkg-shlibdeps readelf file desktop-file-validate appstreamcli lintian \
    rsvg-convert man; do
    command -v "$tool" >/dev/null || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "skipped: ${missing[*]} not installed (bash packaging/install-deps.sh installs them;" \
        "configure again after installing rsvg-convert)"
    exit 77
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/spikestudio-package.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}
now_ms() { echo "$(($(date +%s%N) / 1000000))"; }
ms_since() { echo "$(($(now_ms) - $1))"; }

# --- build the package ---------------------------------------------------
start=$(now_ms)
if ! cpack --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1; then
    cat "$work/cpack.log"
    echo "FAIL: cpack could not build the package"
    exit 1
fi
echo "cpack: $(ms_since "$start") ms"
debs=("$work"/out/spikestudio_*_amd64.deb)
[ -f "${debs[0]}" ] || {
    ls "$work/out"
    echo "FAIL: no spikestudio_<version>_amd64.deb"
    exit 1
}
deb=${debs[0]}
version=$(dpkg-deb -f "$deb" Version)
[ "$(basename "$deb")" = "spikestudio_${version}_amd64.deb" ] || fail "file name $(basename "$deb")"

# --- control fields -------------------------------------------------------
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = spikestudio ] || fail "Package: $(field Package)"
[ "$(field Architecture)" = amd64 ] || fail "Architecture: $(field Architecture)"
depends=$(field Depends | tr ',' '\n' | awk '{print $1}')
for library in libc6 libstdc++6 libqt6core6 libqt6widgets6 libqt6svg6 libqcustomplot2.1-qt6 \
    libsqlite3-0; do
    grep -qxF "$library" <<<"$depends" ||
        fail "Depends does not name $library (dpkg-shlibdeps): $(field Depends)"
done
grep -qxF python3 <<<"$depends" || fail "Depends does not name python3: $(field Depends)"
field Recommends | grep -q "gcc | c-compiler" || fail "Recommends: $(field Recommends)"
field Suggests | grep -q "python3-brian" || fail "Suggests: $(field Suggests)"

# --- installed files --------------------------------------------------------
expected=(
    ./usr/bin/spikestudio
    "./usr/share/applications/$app_id.desktop"
    "./usr/share/metainfo/$app_id.metainfo.xml"
    "./usr/share/mime/packages/$app_id.xml"
    "./usr/share/icons/hicolor/scalable/apps/$app_id.svg"
    ./usr/share/man/man1/spikestudio.1.gz
    ./usr/share/doc/spikestudio/copyright
    ./usr/share/doc/spikestudio/changelog.gz
    ./usr/share/doc/spikestudio/project-file.md
)
for size in 16 22 24 32 48 64 128 256; do
    expected+=("./usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
done
source_examples=$(cd "$(dirname "$0")/../resources/examples" && ls ./*.json)
for example in $source_examples; do
    expected+=("./usr/share/spikestudio/examples/${example#./}")
done
python_package=./usr/lib/python3/dist-packages/brian2spikestudio
for module in $(cd "$(dirname "$0")/../python/brian2spikestudio" && find . -name '*.py' | sort); do
    expected+=("$python_package/${module#./}")
done
dpkg-deb --contents "$deb" | awk '$1 !~ /^d/ {print $6}' | sort >"$work/files"
printf '%s\n' "${expected[@]}" | sort >"$work/expected"
while read -r file; do
    fail "the package lacks $file"
done < <(comm -13 "$work/files" "$work/expected")
while read -r file; do
    fail "the package holds $file, which nothing expects (add it to check-package.sh)"
done < <(comm -23 "$work/files" "$work/expected")
dpkg-deb --contents "$deb" | awk '$2 != "root/root" {print "FAIL: owner of " $6 ": " $2; exit 1}' ||
    failures=$((failures + 1))

# Debian's Python policy: byte-compile after installation, clean before removal.
dpkg-deb --ctrl-tarfile "$deb" | tar -t | sort >"$work/control-files"
for script in postinst prerm; do
    grep -qxF "./$script" "$work/control-files" || fail "the package has no $script"
done
dpkg-deb -I "$deb" postinst | grep -q "py3compile -p spikestudio" || fail "postinst runs no py3compile"
dpkg-deb -I "$deb" prerm | grep -q "py3clean -p spikestudio" || fail "prerm runs no py3clean"

root=$work/root
dpkg-deb -x "$deb" "$root"
binary=$root/usr/bin/spikestudio
for size in 16 22 24 32 48 64 128 256; do
    png=$root/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png
    [ ! -f "$png" ] || file "$png" | grep -q "PNG image data, $size x $size," ||
        fail "$png: $(file -b "$png")"
done

# --- the binary, away from the build tree ----------------------------------
if readelf -d "$binary" | grep -qE 'RPATH|RUNPATH'; then
    fail "the binary has a run path: $(readelf -d "$binary" | grep -E 'RPATH|RUNPATH')"
fi
source_dir=$(cd "$(dirname "$0")/.." && pwd)
for tree in "$source_dir" "$build"; do
    ! grep -qaF "$tree/" "$binary" || fail "the binary names a path in $tree"
done
cli() { (cd "$work" && env -i PATH=/usr/bin:/bin HOME="$work/home" \
    SPIKESTUDIO_CACHE_DIR="$work/kernels" "$binary" "$@"); }
[ "$(cli --version)" = "spikestudio $version" ] ||
    fail "--version prints '$(cli --version)', the package is $version"
examples=$(cd "$root/usr/share/spikestudio/examples" && pwd -P)
cli --help >"$work/help" || fail "--help exits with status $?"
grep -qxF "example models: $examples" "$work/help" ||
    fail "--help does not name the examples next to the binary ($examples): $(tail -1 "$work/help")"
start=$(now_ms)
if cli run "$examples/cuba.json" --duration '10*ms' >"$work/run.out" 2>&1; then
    grep -q '^spikes P (spikes): ' "$work/run.out" || fail "run printed: $(cat "$work/run.out")"
else
    fail "run of the installed CUBA example: $(cat "$work/run.out")"
fi
echo "installed binary, CUBA for 10 ms: $(ms_since "$start") ms"
if cli run "$examples/cuba.json" --no-such-option >/dev/null 2>&1; then
    fail "an unknown option does not fail"
fi
# The installed importer, found beside the binary (with Brian2 present).
if /usr/bin/python3 -c 'import brian2' >/dev/null 2>&1; then
    mkdir -p "$work/script"
    printf 'from brian2 import *\nG = NeuronGroup(2, "dv/dt = -v/ms : 1")\nrun(1*ms)\n' \
        >"$work/script/tiny.py"
    start=$(now_ms)
    if cli import "$work/script/tiny.py" -o "$work/script/tiny.json" >"$work/import.out" 2>&1; then
        cli check "$work/script/tiny.json" >/dev/null || fail "the imported model does not check"
    else
        fail "import with the installed importer: $(cat "$work/import.out")"
    fi
    echo "installed binary, importing a Brian2 script: $(ms_since "$start") ms"
    find "$root" -name __pycache__ | grep -q . && fail "importing wrote byte-code into the package"
else
    echo "not checked: import with the installed importer (python3-brian is not installed)"
fi

# The installed exporter, found beside the binary (it needs no Brian2).
start=$(now_ms)
if cli export-brian2 "$examples/cuba.json" -o "$work/cuba.py" >"$work/export.out" 2>&1; then
    grep -q "^P = NeuronGroup(4000, eqs" "$work/cuba.py" || fail "the exported script: $(head -c 400 "$work/cuba.py")"
else
    fail "export-brian2 with the installed exporter: $(cat "$work/export.out")"
fi
echo "installed binary, exporting CUBA as a Brian2 script: $(ms_since "$start") ms"
find "$root" -name __pycache__ | grep -q . && fail "exporting wrote byte-code into the package"

# --- the manual describes every command and option of --help ----------------
# An entry is the line after .TP (its tag), with roff's \- read as -.
zcat "$root/usr/share/man/man1/spikestudio.1.gz" >"$work/spikestudio.1"
awk 'previous == ".TP" {print} {previous = $0}' "$work/spikestudio.1" | sed 's/\\-/-/g' \
    >"$work/manual-entries"
commands=$(sed -nE 's/^  spikestudio ([a-z][a-z0-9-]*) .*/\1/p' "$work/help" | sort -u)
[ -n "$commands" ] || fail "--help lists no commands"
for command in $commands; do
    cli "$command" --help >"$work/help-$command" || fail "$command --help exits with status $?"
    cli "$command" -h | cmp -s - "$work/help-$command" || fail "$command -h differs from --help"
    grep -qE "^\.BI? $command( |$)" "$work/manual-entries" ||
        fail "the manual has no entry for the command $command"
done
for option in $(cat "$work"/help* | grep -oE -- '(^|[ [])--?[a-z][a-z-]*' | tr -d ' [' | sort -u); do
    grep -qE -- "(^|[^a-z-])$option([^a-z-]|$)" "$work/manual-entries" ||
        fail "the manual has no entry for the option $option"
done
man_warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l "$work/spikestudio.1" 2>&1 \
    >/dev/null) || fail "man cannot render the manual: $man_warnings"
[ -z "$man_warnings" ] || fail "groff warns about the manual: $man_warnings"

# --- desktop entry, AppStream metainfo, MIME type -----------------------------
desktop-file-validate "$root/usr/share/applications/$app_id.desktop" ||
    fail "desktop-file-validate"
grep -qx "Icon=$app_id" "$root/usr/share/applications/$app_id.desktop" ||
    fail "the desktop entry's Icon is not $app_id"
grep -q "MimeType=application/x-spikestudio;" "$root/usr/share/applications/$app_id.desktop" ||
    fail "the desktop entry does not open application/x-spikestudio"
# --no-net: the screenshot's URL cannot be fetched from a build machine.
appstreamcli validate --no-net "$root/usr/share/metainfo/$app_id.metainfo.xml" ||
    fail "appstreamcli validate"
grep -qF "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" \
    "$root/usr/share/metainfo/$app_id.metainfo.xml" || fail "the metainfo's launchable"
grep -qF "<release version=\"$version\"" "$root/usr/share/metainfo/$app_id.metainfo.xml" ||
    fail "the metainfo has no release $version"
mkdir -p "$work/mime/packages"
cp "$root/usr/share/mime/packages/$app_id.xml" "$work/mime/packages/"
if command -v update-mime-database >/dev/null; then
    mime_warnings=$(XDG_DATA_DIRS=$work XDG_DATA_HOME=$work update-mime-database "$work/mime" 2>&1)
    [ -z "$mime_warnings" ] || fail "update-mime-database: $mime_warnings"
    grep -q "application/x-spikestudio" "$work/mime/globs2" || fail "no glob for projects"
fi

# --- lintian ---------------------------------------------------------------
start=$(now_ms)
lintian_status=0
lintian --fail-on error --display-info --tag-display-limit 0 "$deb" >"$work/lintian" 2>&1 ||
    lintian_status=$?
echo "lintian: $(ms_since "$start") ms"
cat "$work/lintian"
[ "$lintian_status" -eq 0 ] || fail "lintian reports errors (status $lintian_status)"

if [ "$failures" -gt 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "ok: $(basename "$deb"), $(wc -l <"$work/files") files"
