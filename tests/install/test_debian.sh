#!/usr/bin/env bash
# The Debian source package stays buildable without building it (dpkg-buildpackage takes minutes;
# scripts/check-deb.sh builds, installs and tries the real package): every library CMake looks
# for with pkg-config comes from a package named in debian/control's Build-Depends (so a clean
# builder has it), every library the programs load themselves is named in the binary package's
# Depends or Recommends (dh_shlibdeps cannot see a dlopen), the version fits the source format (a native package has no Debian revision,
# or `dpkg-source -b` refuses it), the rules file runs, and docs/install.md names the .deb file
# that the build really writes.
# Usage: test_debian.sh SOURCE_DIR
set -u
src=$1
passed=0
failed=0
# pass NAME / fail NAME WHY: count one check
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAILED: $1: $2"; }

# the Build-Depends field's package names, one a line
build_depends() {
    sed -n '/^Build-Depends:/,/^[A-Za-z-]*:/p' "$src/debian/control" | sed '$!b; /^[A-Za-z-]*:/d' |
        sed 's/^Build-Depends://' | tr ',' '\n' | sed -E 's/^[[:space:]]*//; s/[[:space:](\[].*//' | grep .
}
# the pkg-config modules named in the top CMakeLists.txt, one a line
cmake_modules() {
    grep -o 'pkg_check_modules([^)]*)' "$src/CMakeLists.txt" |
        sed -E 's/pkg_check_modules\([A-Za-z0-9_]+//; s/\)//; s/(REQUIRED|IMPORTED_TARGET|QUIET)//g' |
        tr ' ' '\n' | grep .
}

deps=$(build_depends)
for must in debhelper-compat cmake pkg-config; do
    if grep -qx "$must" <<< "$deps"; then pass; else fail "Build-Depends names $must" "missing"; fi
done
if ! command -v dpkg > /dev/null || ! command -v pkg-config > /dev/null; then
    echo "skipped: no dpkg or pkg-config here to find which package holds each library"
else
    while read -r module; do
        pc="$(pkg-config --variable=pcfiledir "$module" 2> /dev/null)/$module.pc"
        owner=$(dpkg -S "$pc" 2> /dev/null | head -1 | cut -d: -f1)
        if [ -z "$owner" ]; then fail "the package holding $module.pc" "not installed here (scripts/setup.sh)"
        elif grep -qx "$owner" <<< "$deps"; then pass
        else fail "CMake's $module comes from $owner" "add $owner to Build-Depends in debian/control"; fi
    done < <(cmake_modules)
fi

# a library the programs load themselves (dlopen, by its soname) is not seen by dh_shlibdeps: the
# binary package must name the package that holds it in Depends or Recommends
relations=$(sed -n '/^Package:/,$p' "$src/debian/control" | sed -n '/^\(Depends\|Recommends\):/,/^[A-Z][A-Za-z-]*:/p' |
    grep -v '^[A-Z][A-Za-z-]*: *$' | sed 's/^\(Depends\|Recommends\)://' | tr ',|' '\n\n' |
    sed -E 's/^[[:space:]]*//; s/[[:space:](\[].*//' | grep .)
while read -r soname; do
    [ -n "$soname" ] || continue
    file=$(ldconfig -p 2> /dev/null | awk -v s="$soname" '$1 == s { print $NF; exit }')
    owner=$( [ -n "$file" ] && dpkg -S "$(readlink -f "$file")" 2> /dev/null | head -1 | cut -d: -f1)
    if [ -z "$owner" ]; then echo "skipped: which package holds $soname (not installed here)"
    elif grep -qx "$owner" <<< "$relations"; then pass
    else fail "the programs load $soname themselves" "add $owner to Recommends (or Depends) in debian/control"; fi
done < <(grep -rhoE '"lib[A-Za-z0-9_+-]*\.so\.[0-9]+"' "$src/game" | tr -d '"' | sort -u)

format=$(cat "$src/debian/source/format")
version=$(sed -n '1s/^[^(]*(\([^)]*\)).*/\1/p' "$src/debian/changelog")
if [ -z "$version" ]; then fail "debian/changelog's first line" "no version in parentheses"
elif [ "$format" = "3.0 (native)" ] && [[ $version == *-* ]]; then
    fail "a native package's version" "$version has a Debian revision; dpkg-source -b refuses it"
else pass; fi
if [ -x "$src/debian/rules" ] && head -1 "$src/debian/rules" | grep -q '^#!/usr/bin/make -f'; then pass
else fail "debian/rules" "not an executable make file"; fi
arch=$(dpkg --print-architecture 2> /dev/null || echo amd64)
deb="guidedtouch_${version}_${arch}.deb"
if grep -q "$deb" "$src/docs/install.md"; then pass
else fail "docs/install.md names the package the build writes" "$deb is not mentioned"; fi
cmake_version=$(sed -n 's/^project([^)]*VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")
if [ "${version%%-*}" = "$cmake_version" ]; then pass
else fail "the package's version is the program's" "changelog $version, CMakeLists.txt $cmake_version"; fi

echo "debian: $passed passed, $failed failed"
test "$failed" -eq 0
