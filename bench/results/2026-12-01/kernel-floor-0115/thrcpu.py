import glob,sys,time,re,collections
pid=sys.argv[1]
def snap():
    r={}
    for d in glob.glob(f'/proc/{pid}/task/*'):
        try:
            name=open(d+'/comm').read().strip(); st=open(d+'/stat').read().rsplit(')',1)[1].split()
            cs=0
            for line in open(d+'/status'):
                if line.startswith(('voluntary_ctxt','nonvoluntary_ctxt')): cs+=int(line.split()[1])
            r[d]=(name,int(st[11]),int(st[12]),cs)
        except Exception: pass
    return r
a=snap(); time.sleep(float(sys.argv[2])); b=snap()
g=collections.defaultdict(lambda:[0,0,0,0])
for k,(n,u,s,c) in b.items():
    u0,s0,c0=(a[k][1],a[k][2],a[k][3]) if k in a else (0,0,0)
    key=re.sub(r'\d+$','#',n)
    g[key][0]+=u-u0; g[key][1]+=s-s0; g[key][2]+=1; g[key][3]+=c-c0
T=float(sys.argv[2])
tot=sum(v[0]+v[1] for v in g.values())
for k,v in sorted(g.items(), key=lambda kv:-(kv[1][0]+kv[1][1])):
    if v[0]+v[1]>0 or v[3]>0: print(f"{k:28s} n={v[2]:3d} user {v[0]/T:6.1f}% sys {v[1]/T:6.1f}% cs/s {v[3]/T:8.0f}")
print(f"TOTAL {tot/T:.1f}%  cs/s {sum(v[3] for v in g.values())/T:.0f}")
