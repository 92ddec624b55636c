-- Fills a migrated, empty Newsroom database with a newsroom's worth of synthetic content:
--   psql -v articles=100000 -v comments=1000000 -v tags=5000 -f bench/seed.sql
-- 20 categories (one large, "world", so that its page 500 exists), :tags tags (~4 per article, a few
-- popular and a long tail), 50 staff, :articles published articles (plus 2% drafts) with Markdown/HTML
-- bodies of about 500-900 words, and :comments comments (90% approved, the rest pending, spam or
-- rejected; a quarter are replies), among them the article "article-with-25-comments" with exactly 25
-- approved comments, and "article-with-2000-comments" with 2,000 (a long thread: 1,500 conversations, 500
-- replies), on top of :comments. Words come from a small vocabulary with a skewed distribution, so some words are in
-- most articles and others in a few, as in real text. random() is seeded, so every seeding is the same.
--
-- Row triggers are bypassed for speed (session_replication_role = replica); what they maintain
-- (article_tags/article_authors.listed_at, articles.comment_count, article_search) is computed
-- afterwards in set-based statements, and no NOTIFY is sent (restart the app after seeding).
\set ON_ERROR_STOP on
\if :{?articles} \else \set articles 100000 \endif
\if :{?comments} \else \set comments 1000000 \endif
\if :{?tags} \else \set tags 5000 \endif
\timing on
-- One transaction: a failed seeding leaves the database empty, and the next run starts over.
begin;
set local session_replication_role = replica;
select setseed(0.6);

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

-- Sentences of 6-24 words; paragraphs, headings and comment bodies are assembled from them, which is far
-- cheaper than drawing every word of 60 million.
create temporary table sentences as
select i, initcap(left(s, 1)) || substr(s, 2) || '.' as text
from generate_series(0, 3999) i
cross join lateral (
    select array_to_string(array(select case when random() < 0.4
                                             then f.words[1 + floor(random() * array_length(f.words, 1))::int]
                                             else v.words[1 + floor(power(random(), 2) * array_length(v.words, 1))::int] end
                                 from generate_series(1, 6 + i % 19)), ' ') as s
    from vocabulary v, filler f) t;

create temporary table paragraphs as
select p.i, string_agg(s.text, ' ' order by k) as text
from generate_series(0, 1999) p(i)
cross join lateral generate_series(1, 3 + p.i % 4) k
join sentences s on s.i = (p.i * 7 + k * 613) % 4000
group by p.i;

insert into categories (name, slug, description, position)
select initcap(w), w, 'Reporting on ' || w || '.', i
from unnest(array['world','politics','business','technology','science','health','climate','culture','sport',
                  'opinion','education','travel','food','music','film','books','property','money','cities',
                  'obituaries']) with ordinality as c(w, i);

-- "Market 12" under "market-12": the slug the editor gives that name (web.Slugs), so that saving a seeded
-- article keeps its tags instead of filing it under new ones.
insert into tags (name, slug)
select initcap(w) || ' ' || i, w || '-' || i
from generate_series(1, :tags) i, vocabulary v, lateral (select v.words[1 + (i % array_length(v.words, 1))] as w) t;

insert into staff (display_name, slug, bio)
select 'Reporter ' || i, 'reporter-' || i, 'Reporter ' || i || ' covers everything.'
from generate_series(1, 50) i;

-- One article in five is filed under "world" (about 20,000, so its page 500 exists), the rest spread evenly.
-- Every fiftieth (not in "world") is a draft. Published every ~15 minutes, newest now. The body has 6-10 paragraphs with a
-- subheading every third and a link in the first.
insert into articles (title, slug, dek, body_markdown, body_html, excerpt, primary_category_id, status,
                      published_at, updated_at, created_at, hero_image_url, hero_image_alt, reading_minutes,
                      featured)
select t.title, 'article-' || g, t.dek, b.markdown, b.html, left(t.dek, 200),
       case when g % 5 = 0 then 1 else 2 + g % 19 end,
       case when g % 50 = 41 then 'DRAFT' else 'PUBLISHED' end,
       case when g % 50 = 41 then null else pub end,
       pub + interval '10 minutes', pub - interval '1 hour',
       '/img/demo/ai-1.svg', 'An illustration', greatest(1, b.words / 230), g % 97 = 0
from generate_series(1, floor(:articles * 50 / 49.0)::int) g
cross join lateral (select now() - (floor(:articles * 50 / 49.0)::int - g) * interval '15 minutes'
                           - (g % 600) * interval '1 second' as pub) p
cross join lateral (
    select initcap(array_to_string(array(select v.words[1 + floor(power(random(), 2) * array_length(v.words, 1))::int]
                                         from generate_series(1, 6 + g % 3)), ' ')) as title,
           s.text as dek
    from vocabulary v, sentences s where s.i = (g * 31) % 4000) t
cross join lateral (
    select string_agg(case when k % 3 = 0 then '## ' || initcap(h.text) || E'\n\n' else '' end
                      || p.text || case when k = 1 then ' [Read more](https://example.org/r/' || g || ').' else '' end,
                      E'\n\n' order by k) as markdown,
           string_agg(case when k % 3 = 0 then '<h2>' || initcap(h.text) || '</h2>' || E'\n' else '' end
                      || '<p>' || p.text
                      || case when k = 1 then ' <a href="https://example.org/r/' || g || '">Read more</a>.' else '' end
                      || '</p>', E'\n' order by k) as html,
           sum(array_length(string_to_array(p.text, ' '), 1))::int as words
    from generate_series(1, 6 + g % 5) k
    join paragraphs p on p.i = (g::bigint * 104729 + k * 7919) % 2000
    join sentences h on h.i = (g + k * 17) % 4000) b;

-- The article page measured by the bench: its comments are added below, not drawn at random.
update articles set slug = 'article-with-25-comments', comments_open = true
where id = (select max(id) from articles where status = 'PUBLISHED');
-- The long thread measured by the bench: 2,000 approved comments, added below.
update articles set slug = 'article-with-2000-comments', comments_open = true
where id = (select max(id) from articles where status = 'PUBLISHED' and slug <> 'article-with-25-comments');

-- About four distinct tags per article, a few tags popular (the first on ~9,000 articles) and a long tail.
insert into article_tags (article_id, tag_id, listed_at)
select distinct a.id, 1 + floor(power(random(), 3) * :tags)::int, case when a.status = 'PUBLISHED' then a.published_at end
from articles a cross join generate_series(1, 4) k;

-- One byline, and a second on every tenth article.
insert into article_authors (article_id, staff_id, position, listed_at)
select a.id, 1 + (a.id + k * 7) % 50, k, case when a.status = 'PUBLISHED' then a.published_at end
from articles a cross join generate_series(0, 1) k
where k = 0 or a.id % 10 = 0;

-- Comments on published articles: a skewed number per article (most have a few, some hundreds).
-- Ids are given explicitly so a reply can point at an earlier comment on the same article.
create temporary table commentable as
select row_number() over (order by id desc) - 1 as rank, id from articles
where status = 'PUBLISHED' and slug not in ('article-with-25-comments', 'article-with-2000-comments');
create temporary table comment_plan as
select g, c.id as article_id
from (select g, floor(power(random(), 1.6) * (select count(*) from commentable))::bigint as rank
      from generate_series(1, :comments - 30) g) p
join commentable c on c.rank = p.rank;
insert into comment_plan
select :comments - 30 + k, (select id from articles where slug = 'article-with-25-comments')
from generate_series(1, 30) k;

insert into comments (id, article_id, parent_id, author_name, author_email, body, status, created_at, ip_hash,
                      spam_score)
overriding system value
select c.g, c.article_id,
       case when c.g % 4 = 0 then lag(c.g) over (partition by c.article_id order by c.g) end,
       'Reader ' || (c.g % 20011), 'reader' || (c.g % 20011) || '@example.org',
       s1.text || case when c.g % 3 = 0 then ' ' || s2.text else '' end,
       case when c.g > :comments - 30 then (case when c.g > :comments - 5 then 'PENDING' else 'APPROVED' end)
            when c.g % 100 < 90 then 'APPROVED' when c.g % 100 < 96 then 'PENDING'
            when c.g % 100 < 99 then 'SPAM' else 'REJECTED' end,
       least(now(),
             a.published_at + row_number() over (partition by c.article_id order by c.g) * interval '2 minutes')
           - (c.g % 1000) * interval '1 microsecond',
       md5((c.g % 20011)::text), case when c.g % 100 between 96 and 98 then 9 else 0 end
from comment_plan c
join articles a on a.id = c.article_id
join sentences s1 on s1.i = (c.g * 13) % 4000
join sentences s2 on s2.i = (c.g * 29) % 4000
order by c.g;

-- The long thread: every fourth comment a reply to the one before, all approved, 0.4 s apart after the article
-- went out.
insert into comments (id, article_id, parent_id, author_name, author_email, body, status, created_at, ip_hash,
                      spam_score)
overriding system value
select :comments + k, a.id, case when k % 4 = 0 then :comments + k - 1 end,
       'Reader ' || (k % 20011), 'reader' || (k % 20011) || '@example.org',
       s1.text || case when k % 3 = 0 then ' ' || s2.text else '' end, 'APPROVED',
       a.published_at + k * interval '400 milliseconds',
       md5((k % 20011)::text), 0
from generate_series(1, 2000) k
join articles a on a.slug = 'article-with-2000-comments'
join sentences s1 on s1.i = (k * 13) % 4000
join sentences s2 on s2.i = (k * 29) % 4000;
select setval(pg_get_serial_sequence('comments', 'id'), (select max(id) from comments));

-- What the triggers would have maintained.
update articles a set comment_count = c.n
from (select article_id, count(*) as n from comments where status = 'APPROVED' group by article_id) c
where c.article_id = a.id;
insert into article_search (article_id, published_at, primary_category_id, title_vector, search_vector)
select id, published_at, primary_category_id, to_tsvector('english', title),
       article_search_document(id, title, dek, body_html)
from articles
where status = 'PUBLISHED';

commit;
vacuum analyze;
select status, count(*) from articles group by status order by status;
select status, count(*) from comments group by status order by status;
select slug, comment_count from articles where slug in ('article-with-25-comments', 'article-with-2000-comments');
