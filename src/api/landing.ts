/**
 * A small page at / so `npm start` shows something useful in a browser: a search box over the API and the list
 * of endpoints. The full web app is its own piece of work. Results are rendered with textContent only.
 */
export function landingPage(): string {
  return `<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Techfence · 科技围栏</title>
<style>
body{font:16px/1.5 system-ui,"Noto Sans CJK SC",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d2430}
h1{margin-bottom:.2rem} .sub{color:#5a6472;margin-top:0} input{font-size:1.1rem;padding:.4rem .6rem;width:70%}
button{font-size:1.1rem;padding:.4rem .9rem} table{border-collapse:collapse;width:100%;margin-top:1rem}
td,th{border-bottom:1px solid #e3e6ea;padding:.3rem .5rem;text-align:left;vertical-align:top} code{background:#f3f4f6;padding:0 .25rem}
.type{color:#5a6472;font-size:.85rem}
</style></head><body>
<h1>Techfence · 科技围栏</h1>
<p class="sub">The US–China technology-control regime, sourced and bilingual · 美国对华科技管制体系：有出处、双语、可查询</p>
<form id="f"><input id="q" name="q" placeholder="实体清单 · 實體清單 · Entity List · 华为 · TTC" autofocus maxlength="200"> <button>Search 搜索</button></form>
<table id="r" hidden><thead><tr><th>id</th><th>name 名称</th><th>matched 匹配</th></tr></thead><tbody></tbody></table>
<h2>API</h2>
<ul>
<li><code>/api/search?q=實體清單</code> — search in any script</li>
<li><code>/api/records/entity-list</code> — one record with relations and evidence</li>
<li><code>/api/timeline?pillar=export_control&amp;period=biden</code> — events in order</li>
<li><code>/api/frameworks/artemis-accords/members?on=2024-12-13</code> — members on a date</li>
<li><code>/api/changes?from=2024-01-01&amp;to=2025-06-30</code> — what changed</li>
<li><code>/api/figures?topic=trade</code> — figures</li>
<li><code>/api/export</code> — everything · <a href="/openapi.json">OpenAPI</a></li>
</ul>
<script>
const f=document.getElementById('f'),tb=document.querySelector('#r tbody');
f.addEventListener('submit',async(e)=>{e.preventDefault();
 const r=await fetch('/api/search?q='+encodeURIComponent(document.getElementById('q').value));
 const hits=await r.json();tb.replaceChildren();document.getElementById('r').hidden=false;
 if(!Array.isArray(hits)){const tr=tb.insertRow();tr.insertCell().textContent=(hits.error&&hits.error.message)||'error';return}
 for(const h of hits){const tr=tb.insertRow();const a=document.createElement('a');a.href='/api/records/'+encodeURIComponent(h.id);a.textContent=h.id;
  const c=tr.insertCell();c.append(a);const t=document.createElement('div');t.className='type';t.textContent=h.type;c.append(t);
  tr.insertCell().textContent=[h.label.en,h.label.zh].filter(Boolean).join(' · ');tr.insertCell().textContent=h.matched+' ('+h.how+')';}
});
</script>
</body></html>`;
}
