-- Fills a migrated, empty Newsroom database with :articles synthetic articles (psql -v articles=100000).
-- Words are drawn from a small vocabulary with a skewed distribution, so some words are in most articles
-- and others in a few, as in real text. Triggers are bypassed for speed (session_replication_role) and
-- what they would maintain (listed_at, search_vector) is filled in directly afterwards.
\set ON_ERROR_STOP on
set session_replication_role = replica;

create temporary table vocabulary as
select array[
  'market','price','bank','chip','model','network','energy','battery','solar','grid','data','cloud','security',
  'privacy','regulator','court','startup','investor','fund','token','bitcoin','ether','stablecoin','exchange',
  'wallet','ledger','headset','avatar','platform','studio','concert','school','hospital','doctor','patient',
  'factory','port','city','flood','weather','satellite','rocket','launch','robot','agent','chatbot','translation',
  'voice','camera','sensor','vehicle','charging','railway','airport','shipping','supply','demand','export',
  'tariff','policy','minister','parliament','election','union','worker','wage','contract','license','audit',
  'reserve','payment','invoice','merchant','retail','consumer','subscription','advertising','search','browser',
  'software','hardware','accelerator','processor','memory','storage','quantum','fusion','turbine','hydrogen',
  'carbon','emission','forest','ocean','glacier','drought','harvest','vaccine','genome','protein','molecule',
  'trial','diagnosis','insurance','pension','mortgage','housing','tourism','festival','museum','library',
  'archive','newspaper','broadcast','streaming','music','film','game','tournament','stadium','athlete','coach',
  'league','transfer','injury','referee','ticket','audience','critic','author','novel','poetry','language',
  'dialect','migration','border','visa','embassy','treaty','sanction','ceasefire','refugee','charity','volunteer',
  'neighbourhood','council','budget','deficit','inflation','interest','currency','digital','twin','simulation',
  'metaverse','virtual','land','parcel','ownership','lawsuit','patent','copyright','license','encryption',
  'breach','outage','backup','migration','upgrade','release','benchmark','leaderboard','dataset','label',
  'deepfake','verification','fraud','scam','lender','collateral','custody','withdrawal','liquidity','yield'
]::text[] as words;

create temporary table filler as
select array['the','a','of','and','to','in','for','on','with','as','by','at','from','that','this','its','new',
             'said','will','has','have','more','than','after','over','under','into','about','which','their']::text[] as words;

insert into categories (name, slug, description, position)
select initcap(w), w, 'Synthetic section ' || w, i
from unnest(array['technology','business','science','culture','sport','world']) with ordinality as c(w, i);

insert into tags (name, slug)
select initcap(v.words[1 + (i % array_length(v.words, 1))]) || ' ' || i, 'tag-' || i
from generate_series(1, 500) i, vocabulary v;

insert into staff (display_name, slug, bio)
select 'Reporter ' || i, 'reporter-' || i, 'Reporter ' || i || ' covers everything.'
from generate_series(1, 50) i;

-- word(n): a skewed pick from the vocabulary (low indexes far more often).
insert into articles (title, slug, dek, body_markdown, body_html, excerpt, primary_category_id, status,
                      published_at, updated_at, created_at, hero_image_url, hero_image_alt)
select t.title, 'article-' || g, t.dek, t.body, '<p>' || t.body || '</p>', left(t.dek, 200),
       1 + (g % 6),
       case when g % 20 = 0 then 'DRAFT' else 'PUBLISHED' end,
       case when g % 20 = 0 then null else pub end,
       pub + interval '10 minutes', pub - interval '1 hour',
       '/img/demo/ai-1.svg', 'An illustration'
from generate_series(1, :articles) g
cross join lateral (select now() - (:articles - g) * interval '15 minutes' - random() * interval '10 minutes' as pub) p
cross join lateral (
    select initcap(array_to_string(array(select v.words[1 + floor(power(random(), 2) * array_length(v.words, 1))::int]
                                         from generate_series(1, 6 + g % 3)), ' ')) as title,
           initcap(array_to_string(array(select v.words[1 + floor(power(random(), 2) * array_length(v.words, 1))::int]
                                         from generate_series(1, 14 + g % 2)), ' ')) || '.' as dek,
           array_to_string(array(select case when random() < 0.4
                                             then f.words[1 + floor(random() * array_length(f.words, 1))::int]
                                             else v.words[1 + floor(power(random(), 2) * array_length(v.words, 1))::int] end
                                 from generate_series(1, 150 + g % 50)), ' ') || '.' as body
    from vocabulary v, filler f) t;

insert into article_tags (article_id, tag_id, listed_at)
select a.id, tag_id, case when a.status = 'PUBLISHED' then a.published_at end
from articles a
cross join lateral (select distinct 1 + ((a.id * k * 7919) % 500) as tag_id from generate_series(1, 3) k) t;

insert into article_authors (article_id, staff_id, position, listed_at)
select a.id, 1 + (a.id % 50), 0, case when a.status = 'PUBLISHED' then a.published_at end
from articles a;

update articles set search_vector = article_search_document(id, title, dek, body_html);

set session_replication_role = origin;
vacuum analyze;
select status, count(*) from articles group by status order by status;
