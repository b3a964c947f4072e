#!/usr/bin/env python3
"""A JVM's resident memory by what it is: Java heap, metaspace, code, thread stacks, GC tables (from
Native Memory Tracking), mapped files (libjvm.so, the CDS archive) and the rest: anonymous memory no
NMT region claims, which is the C library's malloc arenas (live mallocs and the freed memory glibc
keeps).

usage: bench/rss-breakdown.py PID NMT_DETAIL_FILE

Start the server with -XX:NativeMemoryTracking=detail, then at the moment to look at:
    jcmd PID VM.native_memory detail > /tmp/nmt.txt
    bench/rss-breakdown.py PID /tmp/nmt.txt
It adds up /proc/PID/smaps' Rss per mapping and gives each mapping to the NMT region that contains it.
"""
import collections
import re
import sys


def main():
    pid, detail = sys.argv[1], open(sys.argv[2]).read()
    regions = []
    for line in detail.splitlines():
        m = re.match(r'\[(0x[0-9a-f]+) - (0x[0-9a-f]+)\] reserved \d+KB for (.+?) from', line)
        if m:
            regions.append((int(m.group(1), 16), int(m.group(2), 16), m.group(3)))
    mappings, current = [], None
    with open(f'/proc/{pid}/smaps') as f:
        for line in f:
            m = re.match(r'^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$', line)
            if m:
                current = [int(m.group(1), 16), m.group(3).strip(), 0]
                mappings.append(current)
            elif line.startswith('Rss:'):
                current[2] = int(line.split()[1])
    total = collections.Counter()
    for start, name, rss in mappings:
        if name and not name.startswith('['):
            total['file ' + name.split('/')[-1]] += rss
            continue
        what = next((c for s, e, c in regions if s <= start < e), None)
        total[what or 'malloc arenas and other anonymous ' + (name or '')] += rss
    print('resident %.1f MB' % (sum(total.values()) / 1024))
    for k, v in total.most_common(15):
        print('%8.1f MB  %s' % (v / 1024, k))


if __name__ == '__main__':
    main()
