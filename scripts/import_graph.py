#!/usr/bin/env python3
# Edges between the top-level modules of src/ in non-test code: "from -> to (n files)", one line each.
# A module's own tests (its `#[cfg(test)] mod tests { … }`, at the end) and tests.rs files are left out.
import os,re,sys,collections
root=sys.argv[1] if len(sys.argv)>1 else '.'
src=os.path.join(root,'src')
edges=collections.defaultdict(set)
for d in sorted(os.listdir(src)):
    p=os.path.join(src,d)
    if not os.path.isdir(p): continue
    for dp,_,fs in os.walk(p):
        for f in fs:
            if not f.endswith('.rs') or f=='tests.rs': continue
            t=open(os.path.join(dp,f)).read()
            m=re.search(r'#\[cfg\(test\)\]\s*mod \w*tests\s*\{',t)
            if m: t=t[:m.start()]
            for m in re.findall(r'crate::([a-z_]+)',t):
                if m!=d: edges[d].add((m,os.path.relpath(os.path.join(dp,f),src)))
for d in sorted(edges):
    tg=collections.defaultdict(list)
    for m,f in edges[d]: tg[m].append(f)
    for m in sorted(tg):
        print(f"{d} -> {m}  ({len(tg[m])} files)")
