import json,sys,collections,re,datetime
ev=json.load(open(sys.argv[1]))['recording']['events']
pref=sys.argv[2]
def ts(s): return datetime.datetime.fromisoformat(s.replace('Z','+00:00')).timestamp()
series=collections.defaultdict(list)
for e in ev:
    v=e['values']; t=v['thread']; name=(t.get('javaName') or '?') if t else '?'
    if name.startswith(pref): series[name].append((ts(v['startTime']),v['allocated']))
t0=min(ts(e['values']['startTime']) for e in ev)
for k,s in series.items():
    s.sort(); out=[]
    for (a,x),(b,y) in zip(s,s[1:]):
        if b-a<0.5: continue
        out.append('%d:%.0f'%(b-t0,(y-x)/(b-a)/1e3))
    print(k,' '.join(out))
