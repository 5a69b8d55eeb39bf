#!/bin/sh
# What opening a jar costs a JVM started with bin/esc's flags (docs/benchmarks.md, "CLI start-up, round 23"): a
# small main times `new ZipFile(jar)` (its first open: the JDK reads and checks the whole central directory, entry
# by entry, in code not yet compiled), run in interleaved rounds on each jar given and on a one-entry jar, so that
# a busy machine slows all of them alike. Prints the median and minimum microseconds of each.
# Usage: esc-cli/bench/jar-open.sh [rounds] [jar...]   (default: 20 rounds, the distribution's lib/esc.jar)
set -e
root=$(CDPATH= cd -- "$(dirname -- "$0")/../.." && pwd)
dist="$root/esc-cli/target/dist"
runs=${1:-20}
[ $# -gt 0 ] && shift
[ $# -gt 0 ] || set -- "$dist/lib/esc.jar"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
flags=$(ESC_PRINT_JAVA_FLAGS=1 sh "$dist/bin/esc")
java=$(ESC_PRINT_JAVA=1 sh "$dist/bin/esc")
case $java in */*) jdk="${java%/java}" ;; *) jdk=$(dirname "$(command -v java)") ;; esac
cat >"$work/JarOpen.java" <<'EOF'
public class JarOpen {
    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(args[0])) {
            System.out.println((System.nanoTime() - start) / 1000);
        }
    }
}
EOF
printf 'x' >"$work/one.txt"
"$jdk/javac" -d "$work" "$work/JarOpen.java"
"$jdk/jar" --create --no-manifest --file "$work/one-entry.jar" -C "$work" one.txt
i=0
while [ "$i" -lt "$runs" ]; do
  for jar in "$work/one-entry.jar" "$@"; do
    printf '%s %s\n' "$jar" "$("$java" $flags -cp "$work" JarOpen "$jar")"
  done
  i=$((i + 1))
done >"$work/times"
for jar in "$work/one-entry.jar" "$@"; do
  entries=$("$jdk/jar" --list --file "$jar" | wc -l)
  grep -F "$jar " "$work/times" | cut -d' ' -f2 | sort -n | awk -v name="$(basename "$jar")" -v n="$entries" \
    '{ t[NR] = $1 } END { printf "%-24s %6d entries  median %6d us  min %6d us\n", name, n, t[int((NR + 1) / 2)], t[1] }'
done
