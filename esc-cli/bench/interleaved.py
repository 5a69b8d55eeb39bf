#!/usr/bin/env python3
"""Runs commands in interleaved rounds (A, B, C, A, B, C, ...) rather than one after the other as hyperfine does, so
that a machine whose load changes during the run slows every command alike. Prints, per command, the median and
minimum wall time, the median CPU time (user + system of the process and its children) and the median wall time as
a multiple of the first command's. Called by startup.sh when ESC_BENCH_INTERLEAVED is set.

Usage: interleaved.py ROUNDS -n NAME COMMAND [-n NAME COMMAND ...]   (COMMAND split on spaces, no shell)
"""
import os
import resource
import statistics
import subprocess
import sys
import time


def main(argv):
    load = f"{os.getloadavg()[0]:.2f}"
    rounds = int(argv[0])
    names, commands = [], []
    rest = argv[1:]
    while rest:
        if rest[0] != "-n" or len(rest) < 3:
            sys.exit("usage: interleaved.py ROUNDS -n NAME COMMAND [-n NAME COMMAND ...]")
        names.append(rest[1])
        commands.append(rest[2].split())
        rest = rest[3:]
    for command in commands:  # one warm-up run each
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    walls = [[] for _ in commands]
    cpus = [[] for _ in commands]
    for _ in range(rounds):
        for i, command in enumerate(commands):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            walls[i].append((time.perf_counter() - start) * 1000)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus[i].append((after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000)
    first = statistics.median(walls[0])
    print(f"{rounds} interleaved rounds; load average before and after: {load}, {os.getloadavg()[0]:.2f}")
    print(f"{'command':40} {'median wall':>12} {'min wall':>9} {'median CPU':>11} {'/ first':>8}")
    for name, wall, cpu in zip(names, walls, cpus):
        median = statistics.median(wall)
        print(f"{name:40} {median:9.1f} ms {min(wall):6.1f} ms {statistics.median(cpu):8.1f} ms {median / first:7.2f}x")


if __name__ == "__main__":
    main(sys.argv[1:])
