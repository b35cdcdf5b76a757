-- A small store for the query tests (tests/unit/test_query.c and
-- tests/run_query.sh), applied to an empty store sitrep created.
-- Byte offsets are UTF-8 byte offsets into documents.text (d3 has
-- non-ASCII text so that a character offset would cut it wrong).
--
--   documents  d1 Reuters 2018-09-01, d2 SANA 2018-09-02,
--              d3 outlet O'Brien; Daily "News" (quote, semicolon) undated,
--              d4 Reuters 2018-10-15
--   events     1 SYRMIL 195 (Idlib) d1      2 SYRREB->SYRMIL 190 (Aleppo) d1
--              3 RUSMIL->SYRREB 195 (Idlib) d2, grouped with 1 (group 1001)
--              4 SYRMIL->TURGOV 040 (Ankara) d2
--              5 SYRBUS->SYRGOV 141 (Hama, written Ḥamāh) d3, undated, no group
--              6 SYRMIL->SYRCVL 173 (Hama) d4
--   figures    "At least 12" (Reuters) and "Seven" (SANA) civilians killed
--              in Idlib a day apart: one contested group
--   quotes     Assad (SYRGOV) in d1, "Officials" (no code) in d3
INSERT INTO event_groups(id,date,source_key,target_key,root,place_key,cameo,num_mentions,num_sources,num_articles) VALUES (1001,'2018-09-01','SYRMIL','SYRREB','19','169389','195',2,2,2);
INSERT INTO event_groups(id,date,source_key,target_key,root,place_key,cameo,num_mentions,num_sources,num_articles) VALUES (1002,'2018-09-01','SYRREB','SYRMIL','19','170063','190',1,1,1);
INSERT INTO event_groups(id,date,source_key,target_key,root,place_key,cameo,num_mentions,num_sources,num_articles) VALUES (1004,'2018-09-02','SYRMIL','TURGOV','04','323786','040',1,1,1);
INSERT INTO event_groups(id,date,source_key,target_key,root,place_key,cameo,num_mentions,num_sources,num_articles) VALUES (1006,'2018-10-15','SYRMIL','SYRCVL','17','170017','173',1,1,1);
INSERT INTO documents(id,hash,doc_key,outlet,url,title,published,date_source,main_place,path,line,text,ingested_at) VALUES (1,'0000000000000000000000000000000000000000000000000000000000000001','d1','Reuters','https://example.org/r/1','Idlib shelled','2018-09-01','metadata','Idlib','fixture',1,'Syrian forces shelled Idlib on Saturday. Rebels attacked government positions near Aleppo. At least 12 civilians were killed in Idlib. “We will retake every inch,” President Bashar al-Assad said.','2018-11-01T00:00:00Z');
INSERT INTO sentences(id,doc_id,idx,start,end) VALUES (1,1,0,0,40);
INSERT INTO sentence_fts(rowid,text) VALUES (1,'Syrian forces shelled Idlib on Saturday.');
INSERT INTO sentences(id,doc_id,idx,start,end) VALUES (2,1,1,41,90);
INSERT INTO sentence_fts(rowid,text) VALUES (2,'Rebels attacked government positions near Aleppo.');
INSERT INTO sentences(id,doc_id,idx,start,end) VALUES (3,1,2,91,134);
INSERT INTO sentence_fts(rowid,text) VALUES (3,'At least 12 civilians were killed in Idlib.');
INSERT INTO sentences(id,doc_id,idx,start,end) VALUES (4,1,3,135,199);
INSERT INTO sentence_fts(rowid,text) VALUES (4,'“We will retake every inch,” President Bashar al-Assad said.');
INSERT INTO documents(id,hash,doc_key,outlet,url,title,published,date_source,main_place,path,line,text,ingested_at) VALUES (2,'0000000000000000000000000000000000000000000000000000000000000002','d2','SANA','https://example.org/s/2','Jets over Idlib','2018-09-02','dateline','Idlib','fixture',2,'Russian jets bombed Idlib. The Syrian army met Turkish officials in Ankara. Seven civilians were killed in Idlib, the ministry said.','2018-11-01T00:00:00Z');
INSERT INTO sentences(id,doc_id,idx,start,end) VALUES (5,2,0,0,26);
INSERT INTO sentence_fts(rowid,text) VALUES (5,'Russian jets bombed Idlib.');
INSERT INTO sentences(id,doc_id,idx,start,end) VALUES (6,2,1,27,75);
INSERT INTO sentence_fts(rowid,text) VALUES (6,'The Syrian army met Turkish officials in Ankara.');
INSERT INTO sentences(id,doc_id,idx,start,end) VALUES (7,2,2,76,132);
INSERT INTO sentence_fts(rowid,text) VALUES (7,'Seven civilians were killed in Idlib, the ministry said.');
INSERT INTO documents(id,hash,doc_key,outlet,url,title,published,date_source,main_place,path,line,text,ingested_at) VALUES (3,'0000000000000000000000000000000000000000000000000000000000000003','d3','O''Brien; Daily "News"',NULL,'Protest',NULL,NULL,'Hama','fixture',3,'Café owners in Ḥamāh protested against the government. Officials said “nothing happened”.','2018-11-01T00:00:00Z');
INSERT INTO sentences(id,doc_id,idx,start,end) VALUES (8,3,0,0,58);
INSERT INTO sentence_fts(rowid,text) VALUES (8,'Café owners in Ḥamāh protested against the government.');
INSERT INTO sentences(id,doc_id,idx,start,end) VALUES (9,3,1,59,97);
INSERT INTO sentence_fts(rowid,text) VALUES (9,'Officials said “nothing happened”.');
INSERT INTO documents(id,hash,doc_key,outlet,url,title,published,date_source,main_place,path,line,text,ingested_at) VALUES (4,'0000000000000000000000000000000000000000000000000000000000000004','d4','Reuters','https://example.org/r/4','Hama','2018-10-15','metadata','Hama','fixture',4,'Syrian troops fired on protesters in Hama on 15 October.','2018-11-01T00:00:00Z');
INSERT INTO sentences(id,doc_id,idx,start,end) VALUES (10,4,0,0,56);
INSERT INTO sentence_fts(rowid,text) VALUES (10,'Syrian troops fired on protesters in Hama on 15 October.');
INSERT INTO places(id,doc_id,start,end,text,name,lat,lon,country,country3,admin1,geonameid,feature,precision) VALUES (1,1,22,27,'Idlib','Idlib',35.9306,36.6339,'SY','SYR','Idlib',169389,'city','town');
INSERT INTO places(id,doc_id,start,end,text,name,lat,lon,country,country3,admin1,geonameid,feature,precision) VALUES (2,1,83,89,'Aleppo','Aleppo',36.2021,37.1343,'SY','SYR','Aleppo',170063,'city','town');
INSERT INTO places(id,doc_id,start,end,text,name,lat,lon,country,country3,admin1,geonameid,feature,precision) VALUES (3,2,20,25,'Idlib','Idlib',35.9306,36.6339,'SY','SYR','Idlib',169389,'city','town');
INSERT INTO places(id,doc_id,start,end,text,name,lat,lon,country,country3,admin1,geonameid,feature,precision) VALUES (4,2,68,74,'Ankara','Ankara',39.9199,32.8543,'TR','TUR','Ankara',323786,'city','town');
INSERT INTO places(id,doc_id,start,end,text,name,lat,lon,country,country3,admin1,geonameid,feature,precision) VALUES (5,3,16,24,'Ḥamāh','Hama',35.1318,36.7578,'SY','SYR','Hama',170017,'city','town');
INSERT INTO places(id,doc_id,start,end,text,name,lat,lon,country,country3,admin1,geonameid,feature,precision) VALUES (6,4,37,41,'Hama','Hama',35.1318,36.7578,'SY','SYR','Hama',170017,'city','town');
INSERT INTO places(id,doc_id,start,end,text,name,lat,lon,country,country3,admin1,geonameid,feature,precision) VALUES (7,1,128,133,'Idlib','Idlib',35.9306,36.6339,'SY','SYR','Idlib',169389,'city','town');
INSERT INTO places(id,doc_id,start,end,text,name,lat,lon,country,country3,admin1,geonameid,feature,precision) VALUES (8,2,107,112,'Idlib','Idlib',35.9306,36.6339,'SY','SYR','Idlib',169389,'city','town');
INSERT INTO actors(id,doc_id,start,end,text,code) VALUES (1,1,0,13,'Syrian forces','SYRMIL');
INSERT INTO events(id,doc_id,sentence_id,sentence,start,end,source_code,source_text,source_id,target_code,target_text,target_id,cameo,root,quad_class,goldstein,plover_type,plover_mode,mood,verb_text,verb_start,verb_end,pattern,place_id,place_from,date,date_text,date_precision,date_source,mention_key,group_id) VALUES (1,1,1,0,0,40,'SYRMIL','Syrian forces',1,'SYRREB','Idlib',NULL,'195','19',4,-10.0,'ASSAULT',NULL,'asserted','shelled',14,21,'CAMEO.2.0.txt:101',1,'clause','2018-09-01',NULL,'day','metadata',1001,1001);
INSERT INTO actors(id,doc_id,start,end,text,code) VALUES (2,1,41,47,'Rebels','SYRREB');
INSERT INTO actors(id,doc_id,start,end,text,code) VALUES (3,1,57,77,'government positions','SYRMIL');
INSERT INTO events(id,doc_id,sentence_id,sentence,start,end,source_code,source_text,source_id,target_code,target_text,target_id,cameo,root,quad_class,goldstein,plover_type,plover_mode,mood,verb_text,verb_start,verb_end,pattern,place_id,place_from,date,date_text,date_precision,date_source,mention_key,group_id) VALUES (2,1,2,1,41,90,'SYRREB','Rebels',2,'SYRMIL','government positions',3,'190','19',4,-10.0,'ASSAULT',NULL,'asserted','attacked',48,56,'CAMEO.2.0.txt:102',2,'clause','2018-09-01',NULL,'day','metadata',1002,1002);
INSERT INTO actors(id,doc_id,start,end,text,code) VALUES (4,2,0,12,'Russian jets','RUSMIL');
INSERT INTO events(id,doc_id,sentence_id,sentence,start,end,source_code,source_text,source_id,target_code,target_text,target_id,cameo,root,quad_class,goldstein,plover_type,plover_mode,mood,verb_text,verb_start,verb_end,pattern,place_id,place_from,date,date_text,date_precision,date_source,mention_key,group_id) VALUES (3,2,5,0,0,26,'RUSMIL','Russian jets',4,'SYRREB','Idlib',NULL,'195','19',4,-10.0,'ASSAULT',NULL,'asserted','bombed',13,19,'CAMEO.2.0.txt:103',3,'clause','2018-09-02',NULL,'day','dateline',1003,1001);
INSERT INTO actors(id,doc_id,start,end,text,code) VALUES (5,2,27,42,'The Syrian army','SYRMIL');
INSERT INTO actors(id,doc_id,start,end,text,code) VALUES (6,2,47,64,'Turkish officials','TURGOV');
INSERT INTO events(id,doc_id,sentence_id,sentence,start,end,source_code,source_text,source_id,target_code,target_text,target_id,cameo,root,quad_class,goldstein,plover_type,plover_mode,mood,verb_text,verb_start,verb_end,pattern,place_id,place_from,date,date_text,date_precision,date_source,mention_key,group_id) VALUES (4,2,6,1,27,75,'SYRMIL','The Syrian army',5,'TURGOV','Turkish officials',6,'040','04',1,1.0,'CONSULT',NULL,'asserted','met',43,46,'CAMEO.2.0.txt:104',4,'clause','2018-09-02',NULL,'day','dateline',1004,1004);
INSERT INTO actors(id,doc_id,start,end,text,code) VALUES (7,3,0,12,'Café owners','SYRBUS');
INSERT INTO actors(id,doc_id,start,end,text,code) VALUES (8,3,43,57,'the government','SYRGOV');
INSERT INTO events(id,doc_id,sentence_id,sentence,start,end,source_code,source_text,source_id,target_code,target_text,target_id,cameo,root,quad_class,goldstein,plover_type,plover_mode,mood,verb_text,verb_start,verb_end,pattern,place_id,place_from,date,date_text,date_precision,date_source,mention_key,group_id) VALUES (5,3,8,0,0,58,'SYRBUS','Café owners',7,'SYRGOV','the government',8,'141','14',3,-6.5,'PROTEST',NULL,'asserted','protested',25,34,'CAMEO.2.0.txt:105',5,'clause',NULL,NULL,NULL,NULL,1005,NULL);
INSERT INTO actors(id,doc_id,start,end,text,code) VALUES (9,4,0,13,'Syrian troops','SYRMIL');
INSERT INTO actors(id,doc_id,start,end,text,code) VALUES (10,4,23,33,'protesters','SYRCVL');
INSERT INTO events(id,doc_id,sentence_id,sentence,start,end,source_code,source_text,source_id,target_code,target_text,target_id,cameo,root,quad_class,goldstein,plover_type,plover_mode,mood,verb_text,verb_start,verb_end,pattern,place_id,place_from,date,date_text,date_precision,date_source,mention_key,group_id) VALUES (6,4,10,0,0,56,'SYRMIL','Syrian troops',9,'SYRCVL','protesters',10,'173','17',4,-5.0,'COERCE',NULL,'asserted','fired',14,19,'CAMEO.2.0.txt:106',6,'clause','2018-10-15','15 October','day','text',1006,1006);
INSERT INTO figures(id,doc_id,sentence,start,end,figure_text,low,high,qualifier,category,unit_text,whose_code,whose_text,claimant_code,claimant_text,subject,place_words,place_id,place_from,date,date_text,date_precision,date_source) VALUES (1,1,2,91,102,'At least 12',12,NULL,'at least','killed','civilians',NULL,NULL,NULL,NULL,'civilians','Idlib',7,'sentence','2018-09-01',NULL,'day','metadata');
INSERT INTO figures(id,doc_id,sentence,start,end,figure_text,low,high,qualifier,category,unit_text,whose_code,whose_text,claimant_code,claimant_text,subject,place_words,place_id,place_from,date,date_text,date_precision,date_source) VALUES (2,2,2,76,81,'Seven',7,7,NULL,'killed','civilians',NULL,NULL,'SYRGOV','the ministry','civilians','Idlib',8,'sentence','2018-09-02',NULL,'day','metadata');
INSERT INTO quotes(id,doc_id,sentence,start,end,quote,parts,direct,speaker_text,speaker_code,speaker_id,speaker_from_pronoun,cue_text) VALUES (1,1,3,138,164,'We will retake every inch,','[[138,164]]',1,'President Bashar al-Assad','SYRGOV',NULL,0,'said');
INSERT INTO quotes(id,doc_id,sentence,start,end,quote,parts,direct,speaker_text,speaker_code,speaker_id,speaker_from_pronoun,cue_text) VALUES (2,3,1,77,93,'nothing happened','[[77,93]]',1,'Officials',NULL,NULL,0,'said');
