import re,collections,sys
txt=open(sys.argv[1]).read(); lo=float(sys.argv[2]); hi=float(sys.argv[3])
evs=[]
for e in txt.split('jdk.ObjectAllocationSample {')[1:]:
    t=re.search(r'startTime = (\d+):(\d+):([\d.]+)',e); sec=int(t.group(1))*3600+int(t.group(2))*60+float(t.group(3))
    evs.append((sec,e))
t0=min(s for s,_ in evs)
c=collections.Counter(); thr=collections.Counter()
for sec,e in evs:
    if not lo<=sec-t0<=hi: continue
    th=re.search(r'eventThread = "([^"]*)"',e); th=th.group(1) if th else '?'
    cls=re.search(r'objectClass = (\S+)',e).group(1)
    m=re.search(r'weight = ([\d.]+) (\w+)',e); w=float(m.group(1))*{'bytes':1,'byte':1,'kB':1e3,'MB':1e6}[m.group(2)]
    st=re.search(r'stackTrace = \[\s*(.*?)\n\s*\]',e,re.S)
    top=' | '.join(l.strip().split('(')[0] for l in st.group(1).split('\n')[:4]) if st else '?'
    c[(th,cls,top)]+=w; thr[th]+=w
tot=sum(c.values()); span=hi-lo
print("sampled weight %.0f kB/s over %g-%g s"%(tot/span/1e3,lo,hi))
for k,v in c.most_common(int(sys.argv[4]) if len(sys.argv)>4 else 10): print("%7.1f kB/s %s %s %s"%(v/span/1e3,k[0],k[1],k[2]))
