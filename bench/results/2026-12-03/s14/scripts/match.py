import json,datetime,sys
# match.py JSON FROM TO PATTERN...: KB/s of allocation samples between FROM and TO seconds after the first sample
# whose stack (all frames) names any of the patterns, and the total
d=json.load(open(sys.argv[1])); a=float(sys.argv[2]); b=float(sys.argv[3]); pats=sys.argv[4:]
ev=d['recording']['events']
def t(s): return datetime.datetime.fromisoformat(s[:26])
start=min(t(e['values']['startTime']) for e in ev)
tot=0; hit=0
for e in ev:
    v=e['values']; s=(t(v['startTime'])-start).total_seconds()
    if s<a or s>=b: continue
    w=v['weight']; tot+=w
    fr=v['stackTrace']['frames'] if v.get('stackTrace') else []
    names=[f"{f['method']['type']['name'].split('/')[-1]}.{f['method']['name']}" for f in fr]
    if any(p in n for n in names for p in pats): hit+=w
print(f"{a}-{b} s: total {tot/(b-a)/1e3:.1f} KB/s, matching {pats}: {hit/(b-a)/1e3:.1f} KB/s")
