#!/usr/bin/env python3
"""Diagnostic: which library owns the CPU of a Java Flight Recorder profile.

Each execution sample is counted once, under the first non-JDK frame from the top of its stack.
Usage (see docs/benchmarks.md, "Where the search CPU goes"):
    jfr print --stack-depth 300 --events jdk.ExecutionSample search.jfr > samples.txt
    python3 bench/diag/jfr_by_owner.py samples.txt
"""
import collections
import re
import sys

OWNERS = [
    ('observation / metrics (Micrometer; Spring Security filter and authorization observations)',
     r'^(io\.micrometer\.|.*Observation)'),
    ('Spring Security', r'^org\.springframework\.security\.'),
    ('Spring Session', r'^org\.springframework\.session\.'),
    ('Tomcat (HTTP parsing, I/O, servlet plumbing)', r'^(org\.apache\.(catalina|coyote|tomcat)|jakarta\.servlet)'),
    ('PgJDBC driver', r'^org\.postgresql\.'),
    ('Hikari pool', r'^com\.zaxxer\.'),
    ('Spring JDBC / JdbcClient', r'^org\.springframework\.jdbc\.'),
    ('Spring transactions', r'^org\.springframework\.transaction\.'),
    ('Jackson', r'^(tools\.jackson\.|com\.fasterxml\.)'),
    ('Spring MVC / web', r'^org\.springframework\.web\.'),
    ('application code (vn.tinhso)', r'^vn\.tinhso\.'),
    ('Spring AOP / core / beans / util', r'^org\.springframework\.'),
    ('logging', r'^(org\.apache\.commons\.logging|org\.slf4j|ch\.qos)'),
]


def main(path):
    events = open(path, encoding='utf-8').read().split('jdk.ExecutionSample {')[1:]
    owners = collections.Counter()
    total = 0
    for event in events:
        frames = re.findall(r'^\s+([\w$.<>/]+)\(', event, re.M)
        if not frames:
            continue
        total += 1
        for frame in frames:
            if frame.startswith(('java.', 'jdk.', 'sun.')):
                continue
            owner = next((name for name, rx in OWNERS if re.search(rx, frame)), None)
            owners[owner or 'other: ' + '.'.join(frame.split('.')[:3])] += 1
            break
        else:
            owners['JDK only'] += 1
    print(f'{total} samples; each counted once, under the first non-JDK frame from the top of its stack')
    for owner, count in owners.most_common():
        print(f'{count * 100 / total:5.1f}%  {owner}')


if __name__ == '__main__':
    main(sys.argv[1])
