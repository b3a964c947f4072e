import sys, re, collections
txt=open(sys.argv[1]).read()
evs=txt.split('jdk.ObjectAllocationSample {')[1:]
first=None; agg=collections.Counter(); tot=collections.Counter()
skip=float(sys.argv[2]) if len(sys.argv)>2 else 0
end=float(sys.argv[4]) if len(sys.argv)>4 else 1e9
rows=[]
for e in evs:
    m=re.search(r'startTime = (\S+)',e); t=m.group(1)
    hh,mm,ss=t.split(':'); sec=int(hh)*3600+int(mm)*60+float(ss.rstrip('Z').split('+')[0] if True else ss)
    cls=re.search(r'objectClass = (\S+)',e).group(1)
    w=re.search(r'weight = ([\d.]+) (\w+)',e); val=float(w.group(1)); unit=w.group(2)
    val*= {'bytes':1,'byte':1,'kB':1e3,'MB':1e6,'GB':1e9}.get(unit,1)
    frames=re.findall(r'^\s+(\S+?)\(',e.split('stackTrace = [')[1],re.M) if 'stackTrace = [' in e else []
    rows.append((sec,cls,val,frames))
t0=min(r[0] for r in rows); t1=max(r[0] for r in rows)
print("span", t1-t0)
for sec,cls,val,frames in rows:
    if sec-t0<skip or sec-t0>end: continue
    tot[cls]+=val
    key=cls+' <- '+' < '.join(frames[:4])
    agg[key]+=val
dur=min(t1-t0,end)-skip
print("total MB/s", sum(tot.values())/dur/1e6)
for c,v in tot.most_common(8): print(f"{v/dur/1e3:8.1f} kB/s {c}")
print('---')
for k,v in agg.most_common(int(sys.argv[3]) if len(sys.argv)>3 else 25): print(f"{v/dur/1e3:8.1f} kB/s {k[:260]}")
