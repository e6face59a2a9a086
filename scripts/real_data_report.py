#!/usr/bin/env python3
# Compares `attache extract` on the real corpora in ../shared/corpora with the labels that came
# with them (docs/extraction.md). Run from the repository root after a build:
#   for f in reuters21578-labelled ungdc wiki-current-events; do
#     build/app/attache extract --format json ../shared/corpora/$f/articles.jsonl > /tmp/$f.json; done
#   python3 scripts/real_data_report.py /tmp
import os, sys
OUT = sys.argv[1] if len(sys.argv) > 1 else '/tmp'
SHARED = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'shared', 'corpora')
import json, collections, re
kb = {}
iso3 = {}
for l in open('/usr/share/iso-codes/json/iso_3166-1.json').read(), :
    d = json.loads(l)
    for c in d['3166-1']:
        iso3[c['alpha_3']] = c['alpha_2']
names = {}
for l in open(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'kb', 'data', 'countries.jsonl')):
    j = json.loads(l)
    for n in [j.get('name','')] + j.get('aliases',[]) + j.get('historical',[]):
        names[re.sub(r'[^a-z]','',n.lower())] = j['id']
for c in json.load(open('/usr/share/iso-codes/json/iso_3166-1.json'))['3166-1']:
    for k in ('name','common_name','official_name'):
        if k in c: names.setdefault(re.sub(r'[^a-z]','',c[k].lower()), c['alpha_2'])
names.update({'usa':'US','uk':'GB','ussr':'SU','westgermany':'DE','eastgermany':'DD','southkorea':'KR','northkorea':'KP','taiwan':'TW','hongkong':'HK','china':'CN','japan':'JP'})
def load(f): return [json.loads(l) for l in open(os.path.join(OUT, f))]
def src(f): return {j['id']: j for j in map(json.loads, open(os.path.join(SHARED, f, 'articles.jsonl')))}

# Reuters: places labels vs extracted countries
R = src('reuters21578-labelled'); E = load('reuters21578-labelled.json')
tp=fp=fn=0; unmapped=collections.Counter(); fns=collections.Counter(); fps=collections.Counter()
for e in E:
    gold=set()
    for p in R[e['id']]['labels']['places']:
        k=p.replace('-','')
        if k in names: gold.add(names[k])
        else: unmapped[p]+=1
    got={c['id'] for c in e['entities']['country']}
    tp+=len(gold&got); fp+=len(got-gold); fn+=len(gold-got)
    for g in gold-got: fns[g]+=1
    for g in got-gold: fps[g]+=1
print('reuters places->countries: tp %d fp %d fn %d  recall %.3f precision-vs-labels %.3f'%(tp,fp,fn,tp/(tp+fn),tp/(tp+fp)))
print(' top missed', fns.most_common(8)); print(' top extra', fps.most_common(8)); print(' unmapped labels', unmapped.most_common(5))
# Reuters people labels
tp=fn=0; missed=collections.Counter()
for e in E:
    gold=R[e['id']]['labels']['people']
    got=' '.join(p['name'].lower() for p in e['entities']['person'])
    for g in gold:
        sur=g.split('-')[-1]
        if sur in got: tp+=1
        else: fn+=1; missed[g]+=1
print('reuters people labels found (surname in an extracted name): %d of %d'%(tp,tp+fn), missed.most_common(6))
# UNGDC: speaker country
U = src('ungdc'); E = load('ungdc.json')
hit=0; kbspk=0; spkhit=0
for e in E:
    a=U[e['id']]; iso=iso3.get(a['labels']['country_iso3'])
    got={c['id'] for c in e['entities']['country']}
    hit += iso in got
print('ungdc: speaker country found in %d of %d speeches (%.1f%%)'%(hit,len(E),100*hit/len(E)))
# wiki: linked country names
W = src('wiki-current-events'); E = load('wiki-current-events.json')
tp=fn=0; extra=0; fns=collections.Counter()
for e in E:
    links=W[e['id']]['labels']['wiki_links']
    gold={names[re.sub(r'[^a-z]','',l.lower())] for l in links if re.sub(r'[^a-z]','',l.lower()) in names}
    got={c['id'] for c in e['entities']['country']}
    tp+=len(gold&got); fn+=len(gold-got); extra+=len(got-gold)
    for g in gold-got: fns[g]+=1
print('wiki: linked countries found %d of %d (recall %.3f); countries found but not linked: %d'%(tp,tp+fn,tp/(tp+fn),extra), fns.most_common(6))
