import json,collections,datetime,sys
d=json.load(open(sys.argv[1]))
ev=d['recording']['events']
def t(s): return datetime.datetime.fromisoformat(s[:26])
ts=sorted(e['values']['startTime'] for e in ev); end=t(ts[-1])
tot=0; byk=collections.Counter(); byth=collections.Counter()
for e in ev:
    v=e['values']
    if (end-t(v['startTime'])).total_seconds()>45: continue
    w=v['weight']; tot+=w
    fr=v['stackTrace']['frames'] if v.get('stackTrace') else []
    key=' < '.join(f"{f['method']['type']['name'].split('/')[-1]}.{f['method']['name']}:{f['lineNumber']}" for f in fr[:4])
    byk[key]+=w; byth[v['eventThread']['javaName'] if v.get('eventThread') else '?']+=w
print('last 45 s of samples: total MB', round(tot/1e6,2), 'KB/s', round(tot/45e3,1))
for k,w in byth.most_common(6): print(f"{w/45e3:9.1f} KB/s  {k}")
for k,w in byk.most_common(int(sys.argv[2]) if len(sys.argv)>2 else 8): print(f"{w/45e3:9.1f} KB/s  {k}")
