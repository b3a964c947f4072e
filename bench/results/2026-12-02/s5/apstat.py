import sys, re, collections
tot=0; thr=collections.Counter(); selfc=collections.Counter(); kern=collections.Counter(); incl=collections.Counter()
for line in open(sys.argv[1]):
    stack, n = line.rstrip().rsplit(' ',1); n=int(n); tot+=n
    frames=stack.split(';'); t=re.sub(r'[-_ ]?\d+\]?$','',frames[0]); thr[t]+=n
    leaf=frames[-1]; selfc[leaf]+=n
    k = any(f.endswith('_[k]') for f in frames)
    if k: kern[t]+=n
    seen=set()
    for f in frames[1:]:
        if f not in seen: incl[f]+=n; seen.add(f)
print("total samples", tot)
for t,n in thr.most_common(12): print(f"{n*100/tot:5.1f}%  kernel {kern[t]*100/max(n,1):4.0f}%  {t}")
print("--- self")
for f,n in selfc.most_common(int(sys.argv[2]) if len(sys.argv)>2 else 30): print(f"{n*100/tot:5.1f}% {f}")
if len(sys.argv)>3:
    print("--- inclusive matching", sys.argv[3])
    for f,n in incl.most_common():
        if re.search(sys.argv[3], f): print(f"{n*100/tot:5.1f}% {f}")
