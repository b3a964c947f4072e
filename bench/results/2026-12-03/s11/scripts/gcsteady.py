import sys,re
# gcsteady.py AGE_LOG [from_s]: young pauses after from_s seconds of uptime: pause, copied bytes, survivors by age
for f in sys.argv[1:]:
    if f.replace('.','').isdigit(): continue
    start=float(sys.argv[-1]) if sys.argv[-1].replace('.','').isdigit() else 20.0
    gcs={}
    for line in open(f):
        m=re.search(r"\]\[([\d.]+)s\] GC\((\d+)\) (.*)",line)
        if not m: continue
        t,n,rest=float(m.group(1)),int(m.group(2)),m.group(3)
        g=gcs.setdefault(n,{"t":t,"ages":[],"copied":0,"copy":None})
        if "Copied Bytes" in rest: g["copied"]=int(re.search(r"Sum: (\d+)",rest).group(1))
        if "Object Copy (ms)" in rest: g["copy"]=float(re.search(r"Avg:\s+([\d.]+)",rest).group(1))
        a=re.search(r"- age\s+(\d+):\s+(\d+) bytes",rest)
        if a: g["ages"].append((int(a.group(1)),int(a.group(2))))
        if "Evacuate Collection Set:" in rest: g["evac"]=rest.split(":")[1].strip()
    pauses={}
    import glob,os
    gclog=f.replace("age-","gc-")
    if os.path.exists(gclog):
        for line in open(gclog):
            m=re.search(r"GC\((\d+)\) Pause (Young.*?)\) [\dM\->()]+ ([\d.]+)ms",line)
            if m: pauses[int(m.group(1))]=(m.group(2)+")",float(m.group(3)))
    print("==",f)
    for n,g in sorted(gcs.items()):
        if g["t"]<start or n not in pauses: continue
        ages=" ".join(f"a{a}:{b/1e6:.2f}" for a,b in g["ages"])
        print(f"  GC({n}) {g['t']:.1f}s {pauses[n][0][:40]:40s} {pauses[n][1]:6.1f} ms  copy {g['copy']} ms  copied {g['copied']/1e6:.2f} MB  survivors {ages}")
