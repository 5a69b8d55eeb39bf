#!/bin/sh
# Start-up benchmark of the esc distribution (docs/benchmarks.md, "CLI start-up"): `esc env get` and
# `esc run ENV -- true` on a local environment of 20 values, against a trivial Java main run with the same JVM
# flags in the same hyperfine run. Needs hyperfine (apt-get install -y hyperfine) and a built distribution
# (./esc version builds it). Usage: esc-cli/bench/startup.sh [runs] [extra hyperfine options...]
# ESC_BENCH_STREAM=0 skips the 1 GiB redaction part; ESC_BENCH_BASELINE, ESC_BENCH_AOT and ESC_BENCH_INTERLEAVED
# are below.
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
# The class path bin/esc gives a distribution's lib folder (its class-data archive is made for that one, in that
# order): lib/start.jar then lib/esc.jar, or every jar for a distribution from before lib/start.jar.
classpath_of() { if [ -f "$1/start.jar" ]; then echo "$1/start.jar:$1/esc.jar"; else echo "$1/*"; fi; }
# ESC_BENCH_BASELINE=<another distribution folder> (its bin/esc, e.g. main's esc-cli/target/dist) adds its two
# commands to the same run, on the same ESC_HOME, for a before/after ratio.
set -- "$@" -n "trivial Java main" "$java $flags -cp $work/hello Hello" \
  -n "esc env get" "sh $E env get default/bench" \
  -n "esc run -- true" "sh $E run default/bench -- true"
if [ -n "$ESC_BENCH_BASELINE" ]; then
  B="$ESC_BENCH_BASELINE/bin/esc"
  # The class-data archive names the class path it was made for: in a copied distribution it no longer maps
  # (and the baseline would run without it). Re-made there then, as the build makes it.
  if ! ESC_JAVA_OPTS=-Xshare:on sh "$B" version >/dev/null 2>&1; then
    bl="$ESC_BENCH_BASELINE/lib"
    gc=$(ESC_PRINT_JAVA_FLAGS=1 sh "$B"); gc=${gc%% *}
    "$java" -XX:DumpLoadedClassList="$work/baseline.classlist" $gc -Xss2m -cp "$(classpath_of "$bl")" \
      dev.openesc.cli.CdsTraining >/dev/null
    rm -f "$bl/esc.jsa"
    "$java" -Xshare:dump -XX:SharedClassListFile="$work/baseline.classlist" -XX:SharedArchiveFile="$bl/esc.jsa" \
      $gc -Xlog:cds=off -cp "$(classpath_of "$bl")" >/dev/null
    # And the opening commands' archive of a distribution that has one (docs/decisions.md 33).
    if [ -f "$bl/open.jsa" ]; then
      "$java" -XX:DumpLoadedClassList="$work/baseline-open.classlist" $gc -Xss2m -cp "$(classpath_of "$bl")" \
        dev.openesc.cli.CdsTraining --open >/dev/null
      rm -f "$bl/open.jsa"
      "$java" -Xshare:dump -XX:SharedClassListFile="$work/baseline-open.classlist" \
        -XX:SharedArchiveFile="$bl/open.jsa" $gc -Xlog:cds=off -cp "$(classpath_of "$bl")" >/dev/null
    fi
  fi
  set -- "$@" -n "baseline: esc env get" "sh $B env get default/bench" \
    -n "baseline: esc run -- true" "sh $B run default/bench -- true"
fi
# ESC_BENCH_AOT=<a Java 25 JDK> (e.g. /usr/lib/jvm/temurin-25-jdk-amd64) adds the two commands run by that JDK
# with an AOT cache (JEP 483/514) recorded from the same training run as the CDS archive (docs/decisions.md 10).
if [ -n "$ESC_BENCH_AOT" ]; then
  j25="$ESC_BENCH_AOT/bin/java"
  native="$dist/lib/native/org/sqlite/native/Linux/x86_64"
  "$j25" -XX:AOTCacheOutput="$work/esc.aot" $flags -Xlog:aot=warning -Xlog:cds=off \
    --enable-native-access=ALL-UNNAMED -cp "$(classpath_of "$dist/lib")" dev.openesc.cli.CdsTraining >/dev/null 2>&1
  A="$j25 $flags -XX:AOTCache=$work/esc.aot -Dorg.sqlite.lib.path=$native -Dorg.sqlite.lib.name=libsqlitejdbc.so -Dorg.sqlite.tmpdir=$native"
  A="$A --enable-native-access=ALL-UNNAMED -cp $(classpath_of "$dist/lib") dev.openesc.cli.Main"
  set -- "$@" -n "trivial Java main, Java 25" "$j25 $flags -cp $work/hello Hello" \
    -n "Java 25 + AOT cache: esc env get" "$A env get default/bench" \
    -n "Java 25 + AOT cache: esc run -- true" "$A run default/bench -- true"
fi
# ESC_BENCH_INTERLEAVED=1 runs the same commands in interleaved rounds (esc-cli/bench/interleaved.py, python3)
# instead of hyperfine's one after the other: on a shared machine whose load changes, every command is slowed alike.
if [ -n "$ESC_BENCH_INTERLEAVED" ]; then
  python3 "$root/esc-cli/bench/interleaved.py" "$runs" "$@"
else
  hyperfine -N -w 3 -r "$runs" "$@"
fi

# Redaction throughput: 1 GiB of random bytes through `esc run` (5 secrets to hide) against plain `cat`, both
# feeding a pipe. ESC_BENCH_STREAM=0 skips it.
if [ "${ESC_BENCH_STREAM:-1}" != 0 ]; then
  head -c 1073741824 /dev/urandom >"$work/stream.bin"
  hyperfine -N -w 1 -r 3 \
    -n "cat, 1 GiB" "sh -c 'cat $work/stream.bin | cat >/dev/null'" \
    -n "esc run -- cat, 1 GiB" "sh -c 'sh $E run default/bench -- cat $work/stream.bin | cat >/dev/null'"
fi
