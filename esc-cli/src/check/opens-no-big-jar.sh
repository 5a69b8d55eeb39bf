#!/bin/sh
# A check of the built distribution (the verify phase runs it; usage: opens-no-big-jar.sh DIST): the commands the
# start-up targets are about (env get, and open and run, which decrypt), and those that build picocli's whole model or
# print help (env ls, whoami, --help), read what they need from the class-data archive and lib/start.jar, and never open
# lib/esc.jar, whose directory of about 10,000 entries costs 5 to 10 ms of every command that opens it
# (docs/decisions.md 22). The JDK's class path names each jar it opens when sun.misc.URLClassPath.debug is set; the
# check fails, rather than passes, if that output does not name lib/start.jar (the one jar these commands open).
# It also checks that each of those commands maps the class-data archive bin/esc means it to.
set -eu
dist=$1
esc="$dist/bin/esc"
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export ESC_HOME="$home" ESC_LOCAL_USER=check
"$esc" env init default/check >/dev/null
"$esc" env set default/check greeting hello >/dev/null
"$esc" env set default/check password hunter2 --secret >/dev/null
"$esc" env set default/check environmentVariables.GREETING '${greeting}' >/dev/null
status=0
# The first command reads resources from lib/start.jar, so the debug output must name it: if it does not, the debug
# property was not honoured and no answer below could be trusted. The others (picocli's model built in full, help
# printed) may open no jar at all.
first=1
for command in "env get default/check" "open default/check" "run default/check -- true" "env ls" "whoami" "--help" \
    "env get --help"; do
  # shellcheck disable=SC2086 # the command's words
  if ! output=$(ESC_JAVA_OPTS=-Dsun.misc.URLClassPath.debug=true "$esc" $command 2>&1 >/dev/null); then
    echo "esc $command failed:"; echo "$output"; status=1; first=0; continue
  fi
  opened=$(echo "$output" | grep '^Opening ' || true)
  if [ $first = 1 ]; then
    first=0
    case $opened in
      *"/lib/start.jar"*) ;;
      *) echo "esc $command: the class path's debug output names no lib/start.jar; cannot tell what it opened:"
         echo "$opened"; exit 1 ;;
    esac
  fi
  case $opened in
    *"/lib/esc.jar"*)
      echo "esc $command opened lib/esc.jar; what opened it:"
      echo "$output" | grep -A40 '^Opening .*/lib/esc.jar'
      status=1 ;;
  esac
done
# Which archive each command maps (docs/decisions.md 33): the commands that open an environment lib/open.jsa, all
# else (help included) lib/esc.jsa; -Xshare:on makes a command whose archive does not map fail instead of running
# without one.
for pair in "open.jsa:env get default/check" "open.jsa:open default/check" "open.jsa:run default/check -- true" \
    "open.jsa:env open default/check" "esc.jsa:env ls" "esc.jsa:env get --help" "esc.jsa:run --help"; do
  want=${pair%%:*}
  command=${pair#*:}
  # shellcheck disable=SC2086 # the command's words
  mapped=$(ESC_JAVA_OPTS="-Xshare:on -Xlog:cds=info:stderr" "$esc" $command 2>&1 >/dev/null | grep 'Opened archive' || true)
  case $mapped in
    *"/lib/$want."*) ;;
    *) echo "esc $command: expected to map lib/$want, the JVM said: ${mapped:-nothing}"; status=1 ;;
  esac
done
exit $status
