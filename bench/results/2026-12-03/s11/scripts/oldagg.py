import sys,re,collections
# oldagg.py FILE HH:MM:SS [depth]: old-object samples allocated at or after the given time, grouped by class and stack
f=open(sys.argv[1]).read(); since=sys.argv[2]; depth=int(sys.argv[3]) if len(sys.argv)>3 else 4
evs=f.split("jdk.OldObjectSample {")[1:]
c=collections.Counter(); tot=0; times=[]
for e in evs:
    at=re.search(r"allocationTime = (\S+)",e).group(1)
    times.append(at)
    if at < since: continue
    cls=re.search(r"object =\s+\[\s*\n\s*(.*?)\n",e).group(1).strip()
    cls=re.sub(r"\[\d+\]","[]",cls)
    st=re.search(r"stackTrace = \[\n(.*?)\n  \]",e,re.S)
    fr=[l.strip() for l in st.group(1).split("\n")][:depth] if st else []
    fr=[re.sub(r"\(.*?\)","",x).replace(" line:","") for x in fr]
    c[(cls," < ".join(fr))]+=1; tot+=1
print("samples",len(evs),"allocated since",since,":",tot, "first",min(times),"last",max(times))
for (cls,st),n in c.most_common(40): print(f"{n:5d} {cls} <- {st}")
