#!/bin/sh
# Start-up benchmark of the esc distribution (docs/benchmarks.md, "CLI start-up"): `esc env get` and
# `esc run ENV -- true` on a local environment of 20 values, against a trivial Java main run with the same JVM
# flags in the same hyperfine run. Needs hyperfine (apt-get install -y hyperfine) and a built distribution
# (./esc version builds it). Usage: esc-cli/bench/startup.sh [runs] [extra hyperfine options...]
set -e
root=$(CDPATH= cd -- "$(dirname -- "$0")/../.." && pwd)
dist="$root/esc-cli/target/dist"
runs=${1:-20}
[ $# -gt 0 ] && shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export ESC_HOME="$work/home" ESC_LOCAL_USER=bench
E="$dist/bin/esc"
sh "$E" env init default/bench >/dev/null
# 20 values: 10 plain, 5 secrets, 5 environment variables interpolating them.
defn="values:"
for i in 1 2 3 4 5 6 7 8 9 10; do defn="$defn
  plain$i: value-number-$i"; done
for i in 1 2 3 4 5; do defn="$defn
  secret$i:
    fn::secret: s3cret-value-$i"; done
defn="$defn
  environmentVariables:"
for i in 1 2 3 4 5; do defn="$defn
    VAR$i: \${plain$i}-\${secret$i}"; done
printf '%s\n' "$defn" >"$work/def.yaml"
sh "$E" env edit default/bench -f "$work/def.yaml" >/dev/null
# The trivial main gets the JVM flags bin/esc uses (it prints them with ESC_PRINT_JAVA_FLAGS=1).
flags=$(ESC_PRINT_JAVA_FLAGS=1 sh "$E")
mkdir -p "$work/hello"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' \
  >"$work/hello/Hello.java"
java=$(ESC_PRINT_JAVA=1 sh "$E")
case $java in */*) javac="${java%/java}/javac" ;; *) javac=javac ;; esac
"$javac" -d "$work/hello" "$work/hello/Hello.java"
hyperfine -N -w 3 -r "$runs" "$@" \
  -n "trivial Java main" "$java $flags -cp $work/hello Hello" \
  -n "esc env get" "sh $E env get default/bench" \
  -n "esc run -- true" "sh $E run default/bench -- true"

# Redaction throughput: 1 GiB of random bytes through `esc run` (5 secrets to hide) against plain `cat`, both
# feeding a pipe. ESC_BENCH_STREAM=0 skips it.
if [ "${ESC_BENCH_STREAM:-1}" != 0 ]; then
  head -c 1073741824 /dev/urandom >"$work/stream.bin"
  hyperfine -N -w 1 -r 3 \
    -n "cat, 1 GiB" "sh -c 'cat $work/stream.bin | cat >/dev/null'" \
    -n "esc run -- cat, 1 GiB" "sh -c 'sh $E run default/bench -- cat $work/stream.bin | cat >/dev/null'"
fi
