import json,collections,datetime,sys
# agg2.py JSON FROM TO [N]: allocation samples between FROM and TO seconds after the first sample, by thread and stack
d=json.load(open(sys.argv[1])); a=float(sys.argv[2]); b=float(sys.argv[3]); n=int(sys.argv[4]) if len(sys.argv)>4 else 12
ev=d['recording']['events']
def t(s): return datetime.datetime.fromisoformat(s[:26])
start=min(t(e['values']['startTime']) for e in ev)
tot=0; byk=collections.Counter(); byth=collections.Counter()
for e in ev:
    v=e['values']; s=(t(v['startTime'])-start).total_seconds()
    if s<a or s>=b: continue
    w=v['weight']; tot+=w
    fr=v['stackTrace']['frames'] if v.get('stackTrace') else []
    key=' < '.join(f"{f['method']['type']['name'].split('/')[-1]}.{f['method']['name']}:{f['lineNumber']}" for f in fr[:4])
    byk[key]+=w; byth[v['eventThread']['javaName'] if v.get('eventThread') else '?']+=w
span=b-a
print(f'samples {a}-{b} s after the first: total MB', round(tot/1e6,2), 'KB/s', round(tot/span/1e3,1))
for k,w in byth.most_common(6): print(f"{w/span/1e3:9.1f} KB/s  {k}")
for k,w in byk.most_common(n): print(f"{w/span/1e3:9.1f} KB/s  {k}")
