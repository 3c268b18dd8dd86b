"""Builds tests/labs/estate/gcp/iam-vulnerable-lab from the lab's Terraform (see tests/labs/README.md)."""
import re, json, os, sys, glob
# usage: python3 gcp_iam_vulnerable.py <checkout of jbarciabf/iam-vulnerable> <output dir>
root=sys.argv[1]
base=f'{root}/gcp/modules/free-resources'
P='iam-vulnerable-lab'; N='100000000001'
files=[f'{base}/privesc-paths/common.tf']+sorted(glob.glob(f'{base}/privesc-paths/privesc*.tf'))+sorted(glob.glob(f'{base}/tool-testing/*.tf'))
keep=re.compile(r'privesc(1[6-9]|2[0-9]|39|4[0-2])[a-z]?-|common\.tf|tool-testing/(fn2|fp3|fp4)')
files=[f for f in files if keep.search(f)]
def blocks(txt):
    for m in re.finditer(r'resource "([a-z_]+)" "([A-Za-z0-9_]+)" \{', txt):
        i=m.end(); depth=1
        while depth and i<len(txt):
            if txt[i]=='{': depth+=1
            elif txt[i]=='}': depth-=1
            i+=1
        yield m.group(1), m.group(2), txt[m.end():i-1], txt[:m.start()].count('\n')+1
def attr(body,k):
    m=re.search(r'^\s*'+k+r'\s*=\s*(.+)$', body, re.M)
    return m.group(1).strip() if m else None
def sub(s):
    return s.replace('${var.resource_prefix}','privesc').replace('${var.project_id}',P).replace('${var.project_number}',N).strip('"')
sas={}; roles={}; proj=[]; sapol={}; where={}
for f in files:
    txt=open(f).read(); rel=os.path.relpath(f,root)
    for kind,name,body,line in blocks(txt):
        if kind=='google_service_account':
            aid=sub(attr(body,'account_id')); sas[name]=f'{aid}@{P}.iam.gserviceaccount.com'; where[sas[name]]=f'{rel}:{line}'
        elif kind=='google_project_iam_custom_role':
            rid=sub(attr(body,'role_id')); perms=re.findall(r'"([a-z]+\.[A-Za-z.]+)"', re.search(r'permissions\s*=\s*\[(.*?)\]', body, re.S).group(1))
            roles[name]=(f'projects/{P}/roles/{rid}', perms, f'{rel}:{line}')
for f in files:
    txt=open(f).read(); rel=os.path.relpath(f,root)
    for kind,name,body,line in blocks(txt):
        if kind not in ('google_project_iam_member','google_service_account_iam_member'): continue
        role=attr(body,'role'); member=attr(body,'member')
        mr=re.match(r'google_project_iam_custom_role\.(\w+)(?:\[0\])?\.id', role or '')
        role = roles[mr.group(1)][0] if mr else sub(role)
        mm=re.match(r'"serviceAccount:\$\{google_service_account\.(\w+)(?:\[0\])?\.email\}"', member or '')
        if mm: member='serviceAccount:'+sas[mm.group(1)]
        elif member=='var.attacker_member': member='user:attacker@example.com'
        else: member=sub(member)
        if kind=='google_project_iam_member':
            proj.append((role,member,f'{rel}:{line}'))
        else:
            sid=attr(body,'service_account_id')
            ms=re.match(r'google_service_account\.(\w+)(?:\[0\])?\.name', sid)
            email = sas[ms.group(1)] if ms else sub(sid).rsplit('/',1)[1]
            sapol.setdefault(email,[]).append((role,member,f'{rel}:{line}'))
out=sys.argv[2]; os.makedirs(out+'/roles',exist_ok=True); os.makedirs(out+'/service-account-iam-policies',exist_ok=True)
compute=f'{N}-compute@developer.gserviceaccount.com'
agents=[('roles/editor',f'serviceAccount:{N}@cloudservices.gserviceaccount.com'),
        ('roles/cloudbuild.builds.builder',f'serviceAccount:{N}@cloudbuild.gserviceaccount.com'),
        ('roles/cloudbuild.serviceAgent',f'serviceAccount:service-{N}@gcp-sa-cloudbuild.iam.gserviceaccount.com'),
        ('roles/cloudfunctions.serviceAgent',f'serviceAccount:service-{N}@gcf-admin-robot.iam.gserviceaccount.com'),
        ('roles/run.serviceAgent',f'serviceAccount:service-{N}@serverless-robot-prod.iam.gserviceaccount.com'),
        ('roles/editor',f'serviceAccount:{compute}')]
bind={}
for r,m,_ in proj: bind.setdefault(r,[]).append(m)
for r,m in agents: bind.setdefault(r,[]).append(m)
json.dump({"version":1,"etag":"BwX0lab=","bindings":[{"role":r,"members":sorted(set(ms))} for r,ms in sorted(bind.items())]}, open(out+'/iam-policy.json','w'), indent=2)
accts=sorted(set(sas.values()))+[compute]
json.dump([{"email":e,"name":f"projects/{P}/serviceAccounts/{e}","projectId":P,"uniqueId":str(100000000000000000000+i),"displayName":e.split('@')[0]} for i,e in enumerate(accts)], open(out+'/service-accounts.json','w'), indent=2)
for e,bs in sapol.items():
    b={}
    for r,m,_ in bs: b.setdefault(r,[]).append(m)
    json.dump({"version":1,"etag":"BwX0sa=","bindings":[{"role":r,"members":sorted(set(ms))} for r,ms in sorted(b.items())]}, open(f'{out}/service-account-iam-policies/{e}.json','w'), indent=2)
for name,(rid,perms,loc) in roles.items():
    json.dump({"name":rid,"title":name,"includedPermissions":sorted(set(perms)),"stage":"GA","etag":"BwX0="}, open(f"{out}/roles/{rid.replace('/','.')}.json",'w'), indent=2)
json.dump({"projectId":P,"projectNumber":N,"name":P,"lifecycleState":"ACTIVE"}, open(out+'/project.json','w'), indent=2)
json.dump([], open(out+'/functions.json','w'))
# provenance table
with open(out+'/../iam-vulnerable-lab.PROVENANCE.tsv','w') as p:
    p.write('what\tfrom\n')
    for e,l in sorted(where.items()): p.write(f'service account {e}\t{l}\n')
    for name,(rid,perms,loc) in sorted(roles.items()): p.write(f'custom role {rid}\t{loc}\n')
    for r,m,l in proj: p.write(f'project binding {r} {m}\t{l}\n')
    for e,bs in sorted(sapol.items()):
        for r,m,l in bs: p.write(f'binding on {e}: {r} {m}\t{l}\n')
    for r,m in agents: p.write(f'project binding {r} {m}\tnot in the lab: the Google APIs, Cloud Build, Cloud Functions and Cloud Run agents and the Compute default account (automatic Editor grant) every project with those APIs has, as in the real exports of GoogleCloudPlatform/gcpdiag test-data/*/json-dumps/iam-policy.json\n')
print(len(sas),'accounts',len(roles),'roles',len(proj),'bindings',len(sapol),'sa policies')
