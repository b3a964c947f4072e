import re,collections,sys
# oldwin.py OLD_TXT FROM TO [depth]: old-object samples allocated in [FROM, TO) (HH:MM:SS.mmm), by class and stack
f=open(sys.argv[1]).read(); lo,hi=sys.argv[2],sys.argv[3]; depth=int(sys.argv[4]) if len(sys.argv)>4 else 4
evs=f.split("jdk.OldObjectSample {")[1:]
c=collections.Counter(); n=0
for e in evs:
    at=re.search(r"allocationTime = (\S+)",e).group(1)
    if not (lo<=at<hi): continue
    n+=1
    cls=re.search(r"object =\s+\[\s*\n\s*(.*?)\n",e).group(1).strip()
    cls=re.sub(r"\[\d+\]","[]",cls)
    st=re.search(r"stackTrace = \[\n(.*?)\n  \]",e,re.S)
    fr=[l.strip() for l in st.group(1).split("\n")] if st else []
    fr=[re.sub(r"\(.*?\)","",x).replace(" line:","").replace("org.jetraiders.","") for x in fr if 'Arrays.copyOf' not in x][:depth]
    c[(cls," < ".join(fr))]+=1
print("samples",len(evs),"allocated in [",lo,hi,"):",n)
for (cls,st),k in c.most_common(20): print(f"{k:5d} {cls[:24]} <- {st[:260]}")
