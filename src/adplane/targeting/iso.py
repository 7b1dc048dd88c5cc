# ruff: noqa: RUF001  (one value per line; place names keep their own punctuation)
"""Frozen ISO 3166-2 regions and ISO 639-1 languages, one ``id<TAB>code<TAB>name`` a line.

Generated once from pycountry 26.2.16, in code order. The ids are the catalogue's stable ids:
they are never renumbered. A subdivision or language a later ISO revision adds is appended
with the next id; one it withdraws stays, so stored campaigns keep their meaning.

The values are one string each rather than tuples: a string constant loads at once, where
five thousand tuples take a noticeable part of a second to compile in every process.
"""

from __future__ import annotations

Row = tuple[int, str, str, tuple[str, ...]]


def rows(table: str) -> list[Row]:
    """``table``'s lines as ``(id, code, name, aliases)`` rows."""
    out: list[Row] = []
    for line in table.strip("\n").split("\n"):
        value_id, code, name = line.split("\t")
        out.append((int(value_id), code, name, ()))
    return out


REGIONS = """
1	AD-02	Canillo
2	AD-03	Encamp
3	AD-04	La Massana
4	AD-05	Ordino
5	AD-06	Sant Julià de Lòria
6	AD-07	Andorra la Vella
7	AD-08	Escaldes-Engordany
8	AE-AJ	‘Ajmān
9	AE-AZ	Abū Z̧aby
10	AE-DU	Dubayy
11	AE-FU	Al Fujayrah
12	AE-RK	Ra’s al Khaymah
13	AE-SH	Ash Shāriqah
14	AE-UQ	Umm al Qaywayn
15	AF-BAL	Balkh
16	AF-BAM	Bāmyān
17	AF-BDG	Bādghīs
18	AF-BDS	Badakhshān
19	AF-BGL	Baghlān
20	AF-DAY	Dāykundī
21	AF-FRA	Farāh
22	AF-FYB	Fāryāb
23	AF-GHA	Ghaznī
24	AF-GHO	Ghōr
25	AF-HEL	Helmand
26	AF-HER	Herāt
27	AF-JOW	Jowzjān
28	AF-KAB	Kābul
29	AF-KAN	Kandahār
30	AF-KAP	Kāpīsā
31	AF-KDZ	Kunduz
32	AF-KHO	Khōst
33	AF-KNR	Kunaṟ
34	AF-LAG	Laghmān
35	AF-LOG	Lōgar
36	AF-NAN	Nangarhār
37	AF-NIM	Nīmrōz
38	AF-NUR	Nūristān
39	AF-PAN	Panjshayr
40	AF-PAR	Parwān
41	AF-PIA	Paktiyā
42	AF-PKA	Paktīkā
43	AF-SAM	Samangān
44	AF-SAR	Sar-e Pul
45	AF-TAK	Takhār
46	AF-URU	Uruzgān
47	AF-WAR	Wardak
48	AF-ZAB	Zābul
49	AG-03	Saint George
50	AG-04	Saint John
51	AG-05	Saint Mary
52	AG-06	Saint Paul
53	AG-07	Saint Peter
54	AG-08	Saint Philip
55	AG-10	Barbuda
56	AG-11	Redonda
57	AL-01	Berat
58	AL-02	Durrës
59	AL-03	Elbasan
60	AL-04	Fier
61	AL-05	Gjirokastër
62	AL-06	Korçë
63	AL-07	Kukës
64	AL-08	Lezhë
65	AL-09	Dibër
66	AL-10	Shkodër
67	AL-11	Tiranë
68	AL-12	Vlorë
69	AM-AG	Aragac̣otn
70	AM-AR	Ararat
71	AM-AV	Armavir
72	AM-ER	Erevan
73	AM-GR	Geġark'unik'
74	AM-KT	Kotayk'
75	AM-LO	Loṙi
76	AM-SH	Širak
77	AM-SU	Syunik'
78	AM-TV	Tavuš
79	AM-VD	Vayoć Jor
80	AO-BGO	Bengo
81	AO-BGU	Benguela
82	AO-BIE	Bié
83	AO-CAB	Cabinda
84	AO-CCU	Cuando Cubango
85	AO-CNN	Cunene
86	AO-CNO	Cuanza-Norte
87	AO-CUS	Cuanza-Sul
88	AO-HUA	Huambo
89	AO-HUI	Huíla
90	AO-LNO	Lunda-Norte
91	AO-LSU	Lunda-Sul
92	AO-LUA	Luanda
93	AO-MAL	Malange
94	AO-MOX	Moxico
95	AO-NAM	Namibe
96	AO-UIG	Uíge
97	AO-ZAI	Zaire
98	AR-A	Salta
99	AR-B	Buenos Aires
100	AR-C	Ciudad Autónoma de Buenos Aires
101	AR-D	San Luis
102	AR-E	Entre Ríos
103	AR-F	La Rioja
104	AR-G	Santiago del Estero
105	AR-H	Chaco
106	AR-J	San Juan
107	AR-K	Catamarca
108	AR-L	La Pampa
109	AR-M	Mendoza
110	AR-N	Misiones
111	AR-P	Formosa
112	AR-Q	Neuquén
113	AR-R	Río Negro
114	AR-S	Santa Fe
115	AR-T	Tucumán
116	AR-U	Chubut
117	AR-V	Tierra del Fuego
118	AR-W	Corrientes
119	AR-X	Córdoba
120	AR-Y	Jujuy
121	AR-Z	Santa Cruz
122	AT-1	Burgenland
123	AT-2	Kärnten
124	AT-3	Niederösterreich
125	AT-4	Oberösterreich
126	AT-5	Salzburg
127	AT-6	Steiermark
128	AT-7	Tirol
129	AT-8	Vorarlberg
130	AT-9	Wien
131	AU-ACT	Australian Capital Territory
132	AU-NSW	New South Wales
133	AU-NT	Northern Territory
134	AU-QLD	Queensland
135	AU-SA	South Australia
136	AU-TAS	Tasmania
137	AU-VIC	Victoria
138	AU-WA	Western Australia
139	AZ-ABS	Abşeron
140	AZ-AGA	Ağstafa
141	AZ-AGC	Ağcabədi
142	AZ-AGM	Ağdam
143	AZ-AGS	Ağdaş
144	AZ-AGU	Ağsu
145	AZ-AST	Astara
146	AZ-BA	Bakı
147	AZ-BAB	Babək
148	AZ-BAL	Balakən
149	AZ-BAR	Bərdə
150	AZ-BEY	Beyləqan
151	AZ-BIL	Biləsuvar
152	AZ-CAB	Cəbrayıl
153	AZ-CAL	Cəlilabad
154	AZ-CUL	Culfa
155	AZ-DAS	Daşkəsən
156	AZ-FUZ	Füzuli
157	AZ-GA	Gəncə
158	AZ-GAD	Gədəbəy
159	AZ-GOR	Goranboy
160	AZ-GOY	Göyçay
161	AZ-GYG	Göygöl
162	AZ-HAC	Hacıqabul
163	AZ-IMI	İmişli
164	AZ-ISM	İsmayıllı
165	AZ-KAL	Kəlbəcər
166	AZ-KAN	Kǝngǝrli
167	AZ-KUR	Kürdəmir
168	AZ-LA	Lənkəran
169	AZ-LAC	Laçın
170	AZ-LAN	Lənkəran
171	AZ-LER	Lerik
172	AZ-MAS	Masallı
173	AZ-MI	Mingəçevir
174	AZ-NA	Naftalan
175	AZ-NEF	Neftçala
176	AZ-NV	Naxçıvan
177	AZ-NX	Naxçıvan
178	AZ-OGU	Oğuz
179	AZ-ORD	Ordubad
180	AZ-QAB	Qəbələ
181	AZ-QAX	Qax
182	AZ-QAZ	Qazax
183	AZ-QBA	Quba
184	AZ-QBI	Qubadlı
185	AZ-QOB	Qobustan
186	AZ-QUS	Qusar
187	AZ-SA	Şəki
188	AZ-SAB	Sabirabad
189	AZ-SAD	Sədərək
190	AZ-SAH	Şahbuz
191	AZ-SAK	Şəki
192	AZ-SAL	Salyan
193	AZ-SAR	Şərur
194	AZ-SAT	Saatlı
195	AZ-SBN	Şabran
196	AZ-SIY	Siyəzən
197	AZ-SKR	Şəmkir
198	AZ-SM	Sumqayıt
199	AZ-SMI	Şamaxı
200	AZ-SMX	Samux
201	AZ-SR	Şirvan
202	AZ-SUS	Şuşa
203	AZ-TAR	Tərtər
204	AZ-TOV	Tovuz
205	AZ-UCA	Ucar
206	AZ-XA	Xankəndi
207	AZ-XAC	Xaçmaz
208	AZ-XCI	Xocalı
209	AZ-XIZ	Xızı
210	AZ-XVD	Xocavənd
211	AZ-YAR	Yardımlı
212	AZ-YE	Yevlax
213	AZ-YEV	Yevlax
214	AZ-ZAN	Zəngilan
215	AZ-ZAQ	Zaqatala
216	AZ-ZAR	Zərdab
217	BA-BIH	Federacija Bosne i Hercegovine
218	BA-BRC	Brčko distrikt
219	BA-SRP	Republika Srpska
220	BB-01	Christ Church
221	BB-02	Saint Andrew
222	BB-03	Saint George
223	BB-04	Saint James
224	BB-05	Saint John
225	BB-06	Saint Joseph
226	BB-07	Saint Lucy
227	BB-08	Saint Michael
228	BB-09	Saint Peter
229	BB-10	Saint Philip
230	BB-11	Saint Thomas
231	BD-01	Bandarban
232	BD-02	Barguna
233	BD-03	Bogura
234	BD-04	Brahmanbaria
235	BD-05	Bagerhat
236	BD-06	Barishal
237	BD-07	Bhola
238	BD-08	Cumilla
239	BD-09	Chandpur
240	BD-10	Chattogram
241	BD-11	Cox's Bazar
242	BD-12	Chuadanga
243	BD-13	Dhaka
244	BD-14	Dinajpur
245	BD-15	Faridpur
246	BD-16	Feni
247	BD-17	Gopalganj
248	BD-18	Gazipur
249	BD-19	Gaibandha
250	BD-20	Habiganj
251	BD-21	Jamalpur
252	BD-22	Jashore
253	BD-23	Jhenaidah
254	BD-24	Joypurhat
255	BD-25	Jhalakathi
256	BD-26	Kishoreganj
257	BD-27	Khulna
258	BD-28	Kurigram
259	BD-29	Khagrachhari
260	BD-30	Kushtia
261	BD-31	Lakshmipur
262	BD-32	Lalmonirhat
263	BD-33	Manikganj
264	BD-34	Mymensingh
265	BD-35	Munshiganj
266	BD-36	Madaripur
267	BD-37	Magura
268	BD-38	Moulvibazar
269	BD-39	Meherpur
270	BD-40	Narayanganj
271	BD-41	Netrakona
272	BD-42	Narsingdi
273	BD-43	Narail
274	BD-44	Natore
275	BD-45	Chapai Nawabganj
276	BD-46	Nilphamari
277	BD-47	Noakhali
278	BD-48	Naogaon
279	BD-49	Pabna
280	BD-50	Pirojpur
281	BD-51	Patuakhali
282	BD-52	Panchagarh
283	BD-53	Rajbari
284	BD-54	Rajshahi
285	BD-55	Rangpur
286	BD-56	Rangamati
287	BD-57	Sherpur
288	BD-58	Satkhira
289	BD-59	Sirajganj
290	BD-60	Sylhet
291	BD-61	Sunamganj
292	BD-62	Shariatpur
293	BD-63	Tangail
294	BD-64	Thakurgaon
295	BD-A	Barishal
296	BD-B	Chattogram
297	BD-C	Dhaka
298	BD-D	Khulna
299	BD-E	Rajshahi
300	BD-F	Rangpur
301	BD-G	Sylhet
302	BD-H	Mymensingh
303	BE-BRU	Bruxelles-Capitale, Région de
304	BE-VAN	Antwerpen
305	BE-VBR	Vlaams-Brabant
306	BE-VLG	Vlaams Gewest
307	BE-VLI	Limburg
308	BE-VOV	Oost-Vlaanderen
309	BE-VWV	West-Vlaanderen
310	BE-WAL	wallonne, Région
311	BE-WBR	Brabant wallon
312	BE-WHT	Hainaut
313	BE-WLG	Liège
314	BE-WLX	Luxembourg
315	BE-WNA	Namur
316	BF-01	Boucle du Mouhoun
317	BF-02	Cascades
318	BF-03	Centre
319	BF-04	Centre-Est
320	BF-05	Centre-Nord
321	BF-06	Centre-Ouest
322	BF-07	Centre-Sud
323	BF-08	Est
324	BF-09	Hauts-Bassins
325	BF-10	Nord
326	BF-11	Plateau-Central
327	BF-12	Sahel
328	BF-13	Sud-Ouest
329	BF-BAL	Balé
330	BF-BAM	Bam
331	BF-BAN	Banwa
332	BF-BAZ	Bazèga
333	BF-BGR	Bougouriba
334	BF-BLG	Boulgou
335	BF-BLK	Boulkiemdé
336	BF-COM	Comoé
337	BF-GAN	Ganzourgou
338	BF-GNA	Gnagna
339	BF-GOU	Gourma
340	BF-HOU	Houet
341	BF-IOB	Ioba
342	BF-KAD	Kadiogo
343	BF-KEN	Kénédougou
344	BF-KMD	Komondjari
345	BF-KMP	Kompienga
346	BF-KOP	Koulpélogo
347	BF-KOS	Kossi
348	BF-KOT	Kouritenga
349	BF-KOW	Kourwéogo
350	BF-LER	Léraba
351	BF-LOR	Loroum
352	BF-MOU	Mouhoun
353	BF-NAM	Namentenga
354	BF-NAO	Nahouri
355	BF-NAY	Nayala
356	BF-NOU	Noumbiel
357	BF-OUB	Oubritenga
358	BF-OUD	Oudalan
359	BF-PAS	Passoré
360	BF-PON	Poni
361	BF-SEN	Séno
362	BF-SIS	Sissili
363	BF-SMT	Sanmatenga
364	BF-SNG	Sanguié
365	BF-SOM	Soum
366	BF-SOR	Sourou
367	BF-TAP	Tapoa
368	BF-TUI	Tuy
369	BF-YAG	Yagha
370	BF-YAT	Yatenga
371	BF-ZIR	Ziro
372	BF-ZON	Zondoma
373	BF-ZOU	Zoundwéogo
374	BG-01	Blagoevgrad
375	BG-02	Burgas
376	BG-03	Varna
377	BG-04	Veliko Tarnovo
378	BG-05	Vidin
379	BG-06	Vratsa
380	BG-07	Gabrovo
381	BG-08	Dobrich
382	BG-09	Kardzhali
383	BG-10	Kyustendil
384	BG-11	Lovech
385	BG-12	Montana
386	BG-13	Pazardzhik
387	BG-14	Pernik
388	BG-15	Pleven
389	BG-16	Plovdiv
390	BG-17	Razgrad
391	BG-18	Ruse
392	BG-19	Silistra
393	BG-20	Sliven
394	BG-21	Smolyan
395	BG-22	Sofia (stolitsa)
396	BG-23	Sofia
397	BG-24	Stara Zagora
398	BG-25	Targovishte
399	BG-26	Haskovo
400	BG-27	Shumen
401	BG-28	Yambol
402	BH-13	Al ‘Āşimah
403	BH-14	Al Janūbīyah
404	BH-15	Al Muḩarraq
405	BH-17	Ash Shamālīyah
406	BI-BB	Bubanza
407	BI-BL	Bujumbura Rural
408	BI-BM	Bujumbura Mairie
409	BI-BR	Bururi
410	BI-CA	Cankuzo
411	BI-CI	Cibitoke
412	BI-GI	Gitega
413	BI-KI	Kirundo
414	BI-KR	Karuzi
415	BI-KY	Kayanza
416	BI-MA	Makamba
417	BI-MU	Muramvya
418	BI-MW	Mwaro
419	BI-MY	Muyinga
420	BI-NG	Ngozi
421	BI-RM	Rumonge
422	BI-RT	Rutana
423	BI-RY	Ruyigi
424	BJ-AK	Atacora
425	BJ-AL	Alibori
426	BJ-AQ	Atlantique
427	BJ-BO	Borgou
428	BJ-CO	Collines
429	BJ-DO	Donga
430	BJ-KO	Couffo
431	BJ-LI	Littoral
432	BJ-MO	Mono
433	BJ-OU	Ouémé
434	BJ-PL	Plateau
435	BJ-ZO	Zou
436	BN-BE	Belait
437	BN-BM	Brunei-Muara
438	BN-TE	Temburong
439	BN-TU	Tutong
440	BO-B	El Beni
441	BO-C	Cochabamba
442	BO-H	Chuquisaca
443	BO-L	La Paz
444	BO-N	Pando
445	BO-O	Oruro
446	BO-P	Potosí
447	BO-S	Santa Cruz
448	BO-T	Tarija
449	BQ-BO	Bonaire
450	BQ-SA	Saba
451	BQ-SE	Sint Eustatius
452	BR-AC	Acre
453	BR-AL	Alagoas
454	BR-AM	Amazonas
455	BR-AP	Amapá
456	BR-BA	Bahia
457	BR-CE	Ceará
458	BR-DF	Distrito Federal
459	BR-ES	Espírito Santo
460	BR-GO	Goiás
461	BR-MA	Maranhão
462	BR-MG	Minas Gerais
463	BR-MS	Mato Grosso do Sul
464	BR-MT	Mato Grosso
465	BR-PA	Pará
466	BR-PB	Paraíba
467	BR-PE	Pernambuco
468	BR-PI	Piauí
469	BR-PR	Paraná
470	BR-RJ	Rio de Janeiro
471	BR-RN	Rio Grande do Norte
472	BR-RO	Rondônia
473	BR-RR	Roraima
474	BR-RS	Rio Grande do Sul
475	BR-SC	Santa Catarina
476	BR-SE	Sergipe
477	BR-SP	São Paulo
478	BR-TO	Tocantins
479	BS-AK	Acklins
480	BS-BI	Bimini
481	BS-BP	Black Point
482	BS-BY	Berry Islands
483	BS-CE	Central Eleuthera
484	BS-CI	Cat Island
485	BS-CK	Crooked Island and Long Cay
486	BS-CO	Central Abaco
487	BS-CS	Central Andros
488	BS-EG	East Grand Bahama
489	BS-EX	Exuma
490	BS-FP	City of Freeport
491	BS-GC	Grand Cay
492	BS-HI	Harbour Island
493	BS-HT	Hope Town
494	BS-IN	Inagua
495	BS-LI	Long Island
496	BS-MC	Mangrove Cay
497	BS-MG	Mayaguana
498	BS-MI	Moore's Island
499	BS-NE	North Eleuthera
500	BS-NO	North Abaco
501	BS-NP	New Providence
502	BS-NS	North Andros
503	BS-RC	Rum Cay
504	BS-RI	Ragged Island
505	BS-SA	South Andros
506	BS-SE	South Eleuthera
507	BS-SO	South Abaco
508	BS-SS	San Salvador
509	BS-SW	Spanish Wells
510	BS-WG	West Grand Bahama
511	BT-11	Paro
512	BT-12	Chhukha
513	BT-13	Haa
514	BT-14	Samtse
515	BT-15	Thimphu
516	BT-21	Tsirang
517	BT-22	Dagana
518	BT-23	Punakha
519	BT-24	Wangdue Phodrang
520	BT-31	Sarpang
521	BT-32	Trongsa
522	BT-33	Bumthang
523	BT-34	Zhemgang
524	BT-41	Trashigang
525	BT-42	Monggar
526	BT-43	Pema Gatshel
527	BT-44	Lhuentse
528	BT-45	Samdrup Jongkhar
529	BT-GA	Gasa
530	BT-TY	Trashi Yangtse
531	BW-CE	Central
532	BW-CH	Chobe
533	BW-FR	Francistown
534	BW-GA	Gaborone
535	BW-GH	Ghanzi
536	BW-JW	Jwaneng
537	BW-KG	Kgalagadi
538	BW-KL	Kgatleng
539	BW-KW	Kweneng
540	BW-LO	Lobatse
541	BW-NE	North East
542	BW-NW	North West
543	BW-SE	South East
544	BW-SO	Southern
545	BW-SP	Selibe Phikwe
546	BW-ST	Sowa Town
547	BY-BR	Bresckaja voblasć
548	BY-HM	Horad Minsk
549	BY-HO	Homieĺskaja voblasć
550	BY-HR	Hrodzienskaja voblasć
551	BY-MA	Mahilioŭskaja voblasć
552	BY-MI	Minskaja voblasć
553	BY-VI	Viciebskaja voblasć
554	BZ-BZ	Belize
555	BZ-CY	Cayo
556	BZ-CZL	Corozal
557	BZ-OW	Orange Walk
558	BZ-SC	Stann Creek
559	BZ-TOL	Toledo
560	CA-AB	Alberta
561	CA-BC	British Columbia
562	CA-MB	Manitoba
563	CA-NB	New Brunswick
564	CA-NL	Newfoundland and Labrador
565	CA-NS	Nova Scotia
566	CA-NT	Northwest Territories
567	CA-NU	Nunavut
568	CA-ON	Ontario
569	CA-PE	Prince Edward Island
570	CA-QC	Quebec
571	CA-SK	Saskatchewan
572	CA-YT	Yukon
573	CD-BC	Kongo Central
574	CD-BU	Bas-Uélé
575	CD-EQ	Équateur
576	CD-HK	Haut-Katanga
577	CD-HL	Haut-Lomami
578	CD-HU	Haut-Uélé
579	CD-IT	Ituri
580	CD-KC	Kasaï Central
581	CD-KE	Kasaï Oriental
582	CD-KG	Kwango
583	CD-KL	Kwilu
584	CD-KN	Kinshasa
585	CD-KS	Kasaï
586	CD-LO	Lomami
587	CD-LU	Lualaba
588	CD-MA	Maniema
589	CD-MN	Mai-Ndombe
590	CD-MO	Mongala
591	CD-NK	Nord-Kivu
592	CD-NU	Nord-Ubangi
593	CD-SA	Sankuru
594	CD-SK	Sud-Kivu
595	CD-SU	Sud-Ubangi
596	CD-TA	Tanganyika
597	CD-TO	Tshopo
598	CD-TU	Tshuapa
599	CF-AC	Ouham
600	CF-BB	Bamingui-Bangoran
601	CF-BGF	Bangui
602	CF-BK	Basse-Kotto
603	CF-HK	Haute-Kotto
604	CF-HM	Haut-Mbomou
605	CF-HS	Haute-Sangha / Mambéré-Kadéï
606	CF-KB	Gribingui
607	CF-KG	Kémo-Gribingui
608	CF-LB	Lobaye
609	CF-MB	Mbomou
610	CF-MP	Ombella-Mpoko
611	CF-NM	Nana-Mambéré
612	CF-OP	Ouham-Pendé
613	CF-SE	Sangha
614	CF-UK	Ouaka
615	CF-VK	Vakaga
616	CG-11	Bouenza
617	CG-12	Pool
618	CG-13	Sangha
619	CG-14	Plateaux
620	CG-15	Cuvette-Ouest
621	CG-16	Pointe-Noire
622	CG-2	Lékoumou
623	CG-5	Kouilou
624	CG-7	Likouala
625	CG-8	Cuvette
626	CG-9	Niari
627	CG-BZV	Brazzaville
628	CH-AG	Aargau
629	CH-AI	Appenzell Innerrhoden
630	CH-AR	Appenzell Ausserrhoden
631	CH-BE	Berne
632	CH-BL	Basel-Landschaft
633	CH-BS	Basel-Stadt
634	CH-FR	Fribourg
635	CH-GE	Genève
636	CH-GL	Glarus
637	CH-GR	Graubünden
638	CH-JU	Jura
639	CH-LU	Luzern
640	CH-NE	Neuchâtel
641	CH-NW	Nidwalden
642	CH-OW	Obwalden
643	CH-SG	Sankt Gallen
644	CH-SH	Schaffhausen
645	CH-SO	Solothurn
646	CH-SZ	Schwyz
647	CH-TG	Thurgau
648	CH-TI	Ticino
649	CH-UR	Uri
650	CH-VD	Vaud
651	CH-VS	Valais
652	CH-ZG	Zug
653	CH-ZH	Zürich
654	CI-AB	Abidjan
655	CI-BS	Bas-Sassandra
656	CI-CM	Comoé
657	CI-DN	Denguélé
658	CI-GD	Gôh-Djiboua
659	CI-LC	Lacs
660	CI-LG	Lagunes
661	CI-MG	Montagnes
662	CI-SM	Sassandra-Marahoué
663	CI-SV	Savanes
664	CI-VB	Vallée du Bandama
665	CI-WR	Woroba
666	CI-YM	Yamoussoukro
667	CI-ZZ	Zanzan
668	CL-AI	Aisén del General Carlos Ibañez del Campo
669	CL-AN	Antofagasta
670	CL-AP	Arica y Parinacota
671	CL-AR	La Araucanía
672	CL-AT	Atacama
673	CL-BI	Biobío
674	CL-CO	Coquimbo
675	CL-LI	Libertador General Bernardo O'Higgins
676	CL-LL	Los Lagos
677	CL-LR	Los Ríos
678	CL-MA	Magallanes
679	CL-ML	Maule
680	CL-NB	Ñuble
681	CL-RM	Región Metropolitana de Santiago
682	CL-TA	Tarapacá
683	CL-VS	Valparaíso
684	CM-AD	Adamaoua
685	CM-CE	Centre
686	CM-EN	Far North
687	CM-ES	East
688	CM-LT	Littoral
689	CM-NO	North
690	CM-NW	North-West
691	CM-OU	West
692	CM-SU	South
693	CM-SW	South-West
694	CN-AH	Anhui Sheng
695	CN-BJ	Beijing Shi
696	CN-CQ	Chongqing Shi
697	CN-FJ	Fujian Sheng
698	CN-GD	Guangdong Sheng
699	CN-GS	Gansu Sheng
700	CN-GX	Guangxi Zhuangzu Zizhiqu
701	CN-GZ	Guizhou Sheng
702	CN-HA	Henan Sheng
703	CN-HB	Hubei Sheng
704	CN-HE	Hebei Sheng
705	CN-HI	Hainan Sheng
706	CN-HK	Hong Kong SAR
707	CN-HL	Heilongjiang Sheng
708	CN-HN	Hunan Sheng
709	CN-JL	Jilin Sheng
710	CN-JS	Jiangsu Sheng
711	CN-JX	Jiangxi Sheng
712	CN-LN	Liaoning Sheng
713	CN-MO	Macao SAR
714	CN-NM	Nei Mongol Zizhiqu
715	CN-NX	Ningxia Huizu Zizhiqu
716	CN-QH	Qinghai Sheng
717	CN-SC	Sichuan Sheng
718	CN-SD	Shandong Sheng
719	CN-SH	Shanghai Shi
720	CN-SN	Shaanxi Sheng
721	CN-SX	Shanxi Sheng
722	CN-TJ	Tianjin Shi
723	CN-TW	Taiwan Sheng
724	CN-XJ	Xinjiang Uygur Zizhiqu
725	CN-XZ	Xizang Zizhiqu
726	CN-YN	Yunnan Sheng
727	CN-ZJ	Zhejiang Sheng
728	CO-AMA	Amazonas
729	CO-ANT	Antioquia
730	CO-ARA	Arauca
731	CO-ATL	Atlántico
732	CO-BOL	Bolívar
733	CO-BOY	Boyacá
734	CO-CAL	Caldas
735	CO-CAQ	Caquetá
736	CO-CAS	Casanare
737	CO-CAU	Cauca
738	CO-CES	Cesar
739	CO-CHO	Chocó
740	CO-COR	Córdoba
741	CO-CUN	Cundinamarca
742	CO-DC	Distrito Capital de Bogotá
743	CO-GUA	Guainía
744	CO-GUV	Guaviare
745	CO-HUI	Huila
746	CO-LAG	La Guajira
747	CO-MAG	Magdalena
748	CO-MET	Meta
749	CO-NAR	Nariño
750	CO-NSA	Norte de Santander
751	CO-PUT	Putumayo
752	CO-QUI	Quindío
753	CO-RIS	Risaralda
754	CO-SAN	Santander
755	CO-SAP	San Andrés, Providencia y Santa Catalina
756	CO-SUC	Sucre
757	CO-TOL	Tolima
758	CO-VAC	Valle del Cauca
759	CO-VAU	Vaupés
760	CO-VID	Vichada
761	CR-A	Alajuela
762	CR-C	Cartago
763	CR-G	Guanacaste
764	CR-H	Heredia
765	CR-L	Limón
766	CR-P	Puntarenas
767	CR-SJ	San José
768	CU-01	Pinar del Río
769	CU-03	La Habana
770	CU-04	Matanzas
771	CU-05	Villa Clara
772	CU-06	Cienfuegos
773	CU-07	Sancti Spíritus
774	CU-08	Ciego de Ávila
775	CU-09	Camagüey
776	CU-10	Las Tunas
777	CU-11	Holguín
778	CU-12	Granma
779	CU-13	Santiago de Cuba
780	CU-14	Guantánamo
781	CU-15	Artemisa
782	CU-16	Mayabeque
783	CU-99	Isla de la Juventud
784	CV-B	Ilhas de Barlavento
785	CV-BR	Brava
786	CV-BV	Boa Vista
787	CV-CA	Santa Catarina
788	CV-CF	Santa Catarina do Fogo
789	CV-CR	Santa Cruz
790	CV-MA	Maio
791	CV-MO	Mosteiros
792	CV-PA	Paul
793	CV-PN	Porto Novo
794	CV-PR	Praia
795	CV-RB	Ribeira Brava
796	CV-RG	Ribeira Grande
797	CV-RS	Ribeira Grande de Santiago
798	CV-S	Ilhas de Sotavento
799	CV-SD	São Domingos
800	CV-SF	São Filipe
801	CV-SL	Sal
802	CV-SM	São Miguel
803	CV-SO	São Lourenço dos Órgãos
804	CV-SS	São Salvador do Mundo
805	CV-SV	São Vicente
806	CV-TA	Tarrafal
807	CV-TS	Tarrafal de São Nicolau
808	CY-01	Lefkosia
809	CY-02	Lemesos
810	CY-03	Larnaka
811	CY-04	Ammochostos
812	CY-05	Pafos
813	CY-06	Keryneia
814	CZ-10	Praha, Hlavní město
815	CZ-20	Středočeský kraj
816	CZ-201	Benešov
817	CZ-202	Beroun
818	CZ-203	Kladno
819	CZ-204	Kolín
820	CZ-205	Kutná Hora
821	CZ-206	Mělník
822	CZ-207	Mladá Boleslav
823	CZ-208	Nymburk
824	CZ-209	Praha-východ
825	CZ-20A	Praha-západ
826	CZ-20B	Příbram
827	CZ-20C	Rakovník
828	CZ-31	Jihočeský kraj
829	CZ-311	České Budějovice
830	CZ-312	Český Krumlov
831	CZ-313	Jindřichův Hradec
832	CZ-314	Písek
833	CZ-315	Prachatice
834	CZ-316	Strakonice
835	CZ-317	Tábor
836	CZ-32	Plzeňský kraj
837	CZ-321	Domažlice
838	CZ-322	Klatovy
839	CZ-323	Plzeň-město
840	CZ-324	Plzeň-jih
841	CZ-325	Plzeň-sever
842	CZ-326	Rokycany
843	CZ-327	Tachov
844	CZ-41	Karlovarský kraj
845	CZ-411	Cheb
846	CZ-412	Karlovy Vary
847	CZ-413	Sokolov
848	CZ-42	Ústecký kraj
849	CZ-421	Děčín
850	CZ-422	Chomutov
851	CZ-423	Litoměřice
852	CZ-424	Louny
853	CZ-425	Most
854	CZ-426	Teplice
855	CZ-427	Ústí nad Labem
856	CZ-51	Liberecký kraj
857	CZ-511	Česká Lípa
858	CZ-512	Jablonec nad Nisou
859	CZ-513	Liberec
860	CZ-514	Semily
861	CZ-52	Královéhradecký kraj
862	CZ-521	Hradec Králové
863	CZ-522	Jičín
864	CZ-523	Náchod
865	CZ-524	Rychnov nad Kněžnou
866	CZ-525	Trutnov
867	CZ-53	Pardubický kraj
868	CZ-531	Chrudim
869	CZ-532	Pardubice
870	CZ-533	Svitavy
871	CZ-534	Ústí nad Orlicí
872	CZ-63	Kraj Vysočina
873	CZ-631	Havlíčkův Brod
874	CZ-632	Jihlava
875	CZ-633	Pelhřimov
876	CZ-634	Třebíč
877	CZ-635	Žďár nad Sázavou
878	CZ-64	Jihomoravský kraj
879	CZ-641	Blansko
880	CZ-642	Brno-město
881	CZ-643	Brno-venkov
882	CZ-644	Břeclav
883	CZ-645	Hodonín
884	CZ-646	Vyškov
885	CZ-647	Znojmo
886	CZ-71	Olomoucký kraj
887	CZ-711	Jeseník
888	CZ-712	Olomouc
889	CZ-713	Prostějov
890	CZ-714	Přerov
891	CZ-715	Šumperk
892	CZ-72	Zlínský kraj
893	CZ-721	Kroměříž
894	CZ-722	Uherské Hradiště
895	CZ-723	Vsetín
896	CZ-724	Zlín
897	CZ-80	Moravskoslezský kraj
898	CZ-801	Bruntál
899	CZ-802	Frýdek-Místek
900	CZ-803	Karviná
901	CZ-804	Nový Jičín
902	CZ-805	Opava
903	CZ-806	Ostrava-město
904	DE-BB	Brandenburg
905	DE-BE	Berlin
906	DE-BW	Baden-Württemberg
907	DE-BY	Bayern
908	DE-HB	Bremen
909	DE-HE	Hessen
910	DE-HH	Hamburg
911	DE-MV	Mecklenburg-Vorpommern
912	DE-NI	Niedersachsen
913	DE-NW	Nordrhein-Westfalen
914	DE-RP	Rheinland-Pfalz
915	DE-SH	Schleswig-Holstein
916	DE-SL	Saarland
917	DE-SN	Sachsen
918	DE-ST	Sachsen-Anhalt
919	DE-TH	Thüringen
920	DJ-AR	Arta
921	DJ-AS	Ali Sabieh
922	DJ-DI	Dikhil
923	DJ-DJ	Djibouti
924	DJ-OB	Obock
925	DJ-TA	Tadjourah
926	DK-81	Nordjylland
927	DK-82	Midtjylland
928	DK-83	Syddanmark
929	DK-84	Hovedstaden
930	DK-85	Sjælland
931	DM-02	Saint Andrew
932	DM-03	Saint David
933	DM-04	Saint George
934	DM-05	Saint John
935	DM-06	Saint Joseph
936	DM-07	Saint Luke
937	DM-08	Saint Mark
938	DM-09	Saint Patrick
939	DM-10	Saint Paul
940	DM-11	Saint Peter
941	DO-01	Distrito Nacional (Santo Domingo)
942	DO-02	Azua
943	DO-03	Baoruco
944	DO-04	Barahona
945	DO-05	Dajabón
946	DO-06	Duarte
947	DO-07	Elías Piña
948	DO-08	El Seibo
949	DO-09	Espaillat
950	DO-10	Independencia
951	DO-11	La Altagracia
952	DO-12	La Romana
953	DO-13	La Vega
954	DO-14	María Trinidad Sánchez
955	DO-15	Monte Cristi
956	DO-16	Pedernales
957	DO-17	Peravia
958	DO-18	Puerto Plata
959	DO-19	Hermanas Mirabal
960	DO-20	Samaná
961	DO-21	San Cristóbal
962	DO-22	San Juan
963	DO-23	San Pedro de Macorís
964	DO-24	Sánchez Ramírez
965	DO-25	Santiago
966	DO-26	Santiago Rodríguez
967	DO-27	Valverde
968	DO-28	Monseñor Nouel
969	DO-29	Monte Plata
970	DO-30	Hato Mayor
971	DO-31	San José de Ocoa
972	DO-32	Santo Domingo
973	DO-33	Cibao Nordeste
974	DO-34	Cibao Noroeste
975	DO-35	Cibao Norte
976	DO-36	Cibao Sur
977	DO-37	El Valle
978	DO-38	Enriquillo
979	DO-39	Higuamo
980	DO-40	Ozama
981	DO-41	Valdesia
982	DO-42	Yuma
983	DZ-01	Adrar
984	DZ-02	Chlef
985	DZ-03	Laghouat
986	DZ-04	Oum el Bouaghi
987	DZ-05	Batna
988	DZ-06	Béjaïa
989	DZ-07	Biskra
990	DZ-08	Béchar
991	DZ-09	Blida
992	DZ-10	Bouira
993	DZ-11	Tamanrasset
994	DZ-12	Tébessa
995	DZ-13	Tlemcen
996	DZ-14	Tiaret
997	DZ-15	Tizi Ouzou
998	DZ-16	Alger
999	DZ-17	Djelfa
1000	DZ-18	Jijel
1001	DZ-19	Sétif
1002	DZ-20	Saïda
1003	DZ-21	Skikda
1004	DZ-22	Sidi Bel Abbès
1005	DZ-23	Annaba
1006	DZ-24	Guelma
1007	DZ-25	Constantine
1008	DZ-26	Médéa
1009	DZ-27	Mostaganem
1010	DZ-28	M'sila
1011	DZ-29	Mascara
1012	DZ-30	Ouargla
1013	DZ-31	Oran
1014	DZ-32	El Bayadh
1015	DZ-33	Illizi
1016	DZ-34	Bordj Bou Arréridj
1017	DZ-35	Boumerdès
1018	DZ-36	El Tarf
1019	DZ-37	Tindouf
1020	DZ-38	Tissemsilt
1021	DZ-39	El Oued
1022	DZ-40	Khenchela
1023	DZ-41	Souk Ahras
1024	DZ-42	Tipaza
1025	DZ-43	Mila
1026	DZ-44	Aïn Defla
1027	DZ-45	Naama
1028	DZ-46	Aïn Témouchent
1029	DZ-47	Ghardaïa
1030	DZ-48	Relizane
1031	DZ-49	Timimoun
1032	DZ-50	Bordj Badji Mokhtar
1033	DZ-51	Ouled Djellal
1034	DZ-52	Béni Abbès
1035	DZ-53	In Salah
1036	DZ-54	In Guezzam
1037	DZ-55	Touggourt
1038	DZ-56	Djanet
1039	DZ-57	El Meghaier
1040	DZ-58	El Meniaa
1041	EC-A	Azuay
1042	EC-B	Bolívar
1043	EC-C	Carchi
1044	EC-D	Orellana
1045	EC-E	Esmeraldas
1046	EC-F	Cañar
1047	EC-G	Guayas
1048	EC-H	Chimborazo
1049	EC-I	Imbabura
1050	EC-L	Loja
1051	EC-M	Manabí
1052	EC-N	Napo
1053	EC-O	El Oro
1054	EC-P	Pichincha
1055	EC-R	Los Ríos
1056	EC-S	Morona Santiago
1057	EC-SD	Santo Domingo de los Tsáchilas
1058	EC-SE	Santa Elena
1059	EC-T	Tungurahua
1060	EC-U	Sucumbíos
1061	EC-W	Galápagos
1062	EC-X	Cotopaxi
1063	EC-Y	Pastaza
1064	EC-Z	Zamora Chinchipe
1065	EE-130	Alutaguse
1066	EE-141	Anija
1067	EE-142	Antsla
1068	EE-171	Elva
1069	EE-184	Haapsalu
1070	EE-191	Haljala
1071	EE-198	Harku
1072	EE-205	Hiiumaa
1073	EE-214	Häädemeeste
1074	EE-245	Jõelähtme
1075	EE-247	Jõgeva
1076	EE-251	Jõhvi
1077	EE-255	Järva
1078	EE-272	Kadrina
1079	EE-283	Kambja
1080	EE-284	Kanepi
1081	EE-291	Kastre
1082	EE-293	Kehtna
1083	EE-296	Keila
1084	EE-303	Kihnu
1085	EE-305	Kiili
1086	EE-317	Kohila
1087	EE-321	Kohtla-Järve
1088	EE-338	Kose
1089	EE-353	Kuusalu
1090	EE-37	Harjumaa
1091	EE-39	Hiiumaa
1092	EE-424	Loksa
1093	EE-430	Lääneranna
1094	EE-431	Lääne-Harju
1095	EE-432	Luunja
1096	EE-441	Lääne-Nigula
1097	EE-442	Lüganuse
1098	EE-446	Maardu
1099	EE-45	Ida-Virumaa
1100	EE-478	Muhu
1101	EE-480	Mulgi
1102	EE-486	Mustvee
1103	EE-50	Jõgevamaa
1104	EE-503	Märjamaa
1105	EE-511	Narva
1106	EE-514	Narva-Jõesuu
1107	EE-52	Järvamaa
1108	EE-528	Nõo
1109	EE-557	Otepää
1110	EE-56	Läänemaa
1111	EE-567	Paide
1112	EE-586	Peipsiääre
1113	EE-60	Lääne-Virumaa
1114	EE-615	Põhja-Sakala
1115	EE-618	Põltsamaa
1116	EE-622	Põlva
1117	EE-624	Pärnu
1118	EE-638	Põhja-Pärnumaa
1119	EE-64	Põlvamaa
1120	EE-651	Raasiku
1121	EE-653	Rae
1122	EE-661	Rakvere
1123	EE-663	Rakvere
1124	EE-668	Rapla
1125	EE-68	Pärnumaa
1126	EE-689	Ruhnu
1127	EE-698	Rõuge
1128	EE-708	Räpina
1129	EE-71	Raplamaa
1130	EE-712	Saarde
1131	EE-714	Saaremaa
1132	EE-719	Saku
1133	EE-726	Saue
1134	EE-732	Setomaa
1135	EE-735	Sillamäe
1136	EE-74	Saaremaa
1137	EE-784	Tallinn
1138	EE-79	Tartumaa
1139	EE-792	Tapa
1140	EE-793	Tartu
1141	EE-796	Tartu
1142	EE-803	Toila
1143	EE-809	Tori
1144	EE-81	Valgamaa
1145	EE-824	Tõrva
1146	EE-834	Türi
1147	EE-84	Viljandimaa
1148	EE-855	Valga
1149	EE-87	Võrumaa
1150	EE-890	Viimsi
1151	EE-897	Viljandi
1152	EE-899	Viljandi
1153	EE-901	Vinni
1154	EE-903	Viru-Nigula
1155	EE-907	Vormsi
1156	EE-917	Võru
1157	EE-919	Võru
1158	EE-928	Väike-Maarja
1159	EG-ALX	Al Iskandarīyah
1160	EG-ASN	Aswān
1161	EG-AST	Asyūţ
1162	EG-BA	Al Baḩr al Aḩmar
1163	EG-BH	Al Buḩayrah
1164	EG-BNS	Banī Suwayf
1165	EG-C	Al Qāhirah
1166	EG-DK	Ad Daqahlīyah
1167	EG-DT	Dumyāţ
1168	EG-FYM	Al Fayyūm
1169	EG-GH	Al Gharbīyah
1170	EG-GZ	Al Jīzah
1171	EG-IS	Al Ismā'īlīyah
1172	EG-JS	Janūb Sīnā'
1173	EG-KB	Al Qalyūbīyah
1174	EG-KFS	Kafr ash Shaykh
1175	EG-KN	Qinā
1176	EG-LX	Al Uqşur
1177	EG-MN	Al Minyā
1178	EG-MNF	Al Minūfīyah
1179	EG-MT	Maţrūḩ
1180	EG-PTS	Būr Sa‘īd
1181	EG-SHG	Sūhāj
1182	EG-SHR	Ash Sharqīyah
1183	EG-SIN	Shamāl Sīnā'
1184	EG-SUZ	As Suways
1185	EG-WAD	Al Wādī al Jadīd
1186	ER-AN	Ansabā
1187	ER-DK	Janūbī al Baḩrī al Aḩmar
1188	ER-DU	Al Janūbī
1189	ER-GB	Qāsh-Barkah
1190	ER-MA	Al Awsaţ
1191	ER-SK	Shimālī al Baḩrī al Aḩmar
1192	ES-A	Alicante
1193	ES-AB	Albacete
1194	ES-AL	Almería
1195	ES-AN	Andalucía
1196	ES-AR	Aragón
1197	ES-AS	Asturias, Principado de
1198	ES-AV	Ávila
1199	ES-B	Barcelona [Barcelona]
1200	ES-BA	Badajoz
1201	ES-BI	Bizkaia
1202	ES-BU	Burgos
1203	ES-C	A Coruña [La Coruña]
1204	ES-CA	Cádiz
1205	ES-CB	Cantabria
1206	ES-CC	Cáceres
1207	ES-CE	Ceuta
1208	ES-CL	Castilla y León
1209	ES-CM	Castilla-La Mancha
1210	ES-CN	Canarias
1211	ES-CO	Córdoba
1212	ES-CR	Ciudad Real
1213	ES-CS	Castellón
1214	ES-CT	Catalunya [Cataluña]
1215	ES-CU	Cuenca
1216	ES-EX	Extremadura
1217	ES-GA	Galicia [Galicia]
1218	ES-GC	Las Palmas
1219	ES-GI	Girona [Gerona]
1220	ES-GR	Granada
1221	ES-GU	Guadalajara
1222	ES-H	Huelva
1223	ES-HU	Huesca
1224	ES-IB	Illes Balears [Islas Baleares]
1225	ES-J	Jaén
1226	ES-L	Lleida [Lérida]
1227	ES-LE	León
1228	ES-LO	La Rioja
1229	ES-LU	Lugo [Lugo]
1230	ES-M	Madrid
1231	ES-MA	Málaga
1232	ES-MC	Murcia, Región de
1233	ES-MD	Madrid, Comunidad de
1234	ES-ML	Melilla
1235	ES-MU	Murcia
1236	ES-NA	Navarra
1237	ES-NC	Navarra, Comunidad Foral de
1238	ES-O	Asturias
1239	ES-OR	Ourense [Orense]
1240	ES-P	Palencia
1241	ES-PM	Illes Balears [Islas Baleares]
1242	ES-PO	Pontevedra [Pontevedra]
1243	ES-PV	País Vasco
1244	ES-RI	La Rioja
1245	ES-S	Cantabria
1246	ES-SA	Salamanca
1247	ES-SE	Sevilla
1248	ES-SG	Segovia
1249	ES-SO	Soria
1250	ES-SS	Gipuzkoa
1251	ES-T	Tarragona [Tarragona]
1252	ES-TE	Teruel
1253	ES-TF	Santa Cruz de Tenerife
1254	ES-TO	Toledo
1255	ES-V	Valencia
1256	ES-VA	Valladolid
1257	ES-VC	Valenciana, Comunidad
1258	ES-VI	Álava
1259	ES-Z	Zaragoza
1260	ES-ZA	Zamora
1261	ET-AA	Addis Ababa
1262	ET-AF	Afar
1263	ET-AM	Amara
1264	ET-BE	Benshangul-Gumaz
1265	ET-DD	Dire Dawa
1266	ET-GA	Gambela Peoples
1267	ET-HA	Harari People
1268	ET-OR	Oromia
1269	ET-SI	Sidama
1270	ET-SN	Southern Nations, Nationalities and Peoples
1271	ET-SO	Somali
1272	ET-SW	Southwest Ethiopia Peoples
1273	ET-TI	Tigrai
1274	FI-01	Landskapet Åland
1275	FI-02	Etelä-Karjala
1276	FI-03	Etelä-Pohjanmaa
1277	FI-04	Etelä-Savo
1278	FI-05	Kainuu
1279	FI-06	Kanta-Häme
1280	FI-07	Keski-Pohjanmaa
1281	FI-08	Keski-Suomi
1282	FI-09	Kymenlaakso
1283	FI-10	Lappi
1284	FI-11	Pirkanmaa
1285	FI-12	Pohjanmaa
1286	FI-13	Pohjois-Karjala
1287	FI-14	Pohjois-Pohjanmaa
1288	FI-15	Pohjois-Savo
1289	FI-16	Päijät-Häme
1290	FI-17	Satakunta
1291	FI-18	Uusimaa
1292	FI-19	Varsinais-Suomi
1293	FJ-01	Ba
1294	FJ-02	Bua
1295	FJ-03	Cakaudrove
1296	FJ-04	Kadavu
1297	FJ-05	Lau
1298	FJ-06	Lomaiviti
1299	FJ-07	Macuata
1300	FJ-08	Nadroga and Navosa
1301	FJ-09	Naitasiri
1302	FJ-10	Namosi
1303	FJ-11	Ra
1304	FJ-12	Rewa
1305	FJ-13	Serua
1306	FJ-14	Tailevu
1307	FJ-C	Central
1308	FJ-E	Eastern
1309	FJ-N	Northern
1310	FJ-R	Rotuma
1311	FJ-W	Western
1312	FM-KSA	Kosrae
1313	FM-PNI	Pohnpei
1314	FM-TRK	Chuuk
1315	FM-YAP	Yap
1316	FR-01	Ain
1317	FR-02	Aisne
1318	FR-03	Allier
1319	FR-04	Alpes-de-Haute-Provence
1320	FR-05	Hautes-Alpes
1321	FR-06	Alpes-Maritimes
1322	FR-07	Ardèche
1323	FR-08	Ardennes
1324	FR-09	Ariège
1325	FR-10	Aube
1326	FR-11	Aude
1327	FR-12	Aveyron
1328	FR-13	Bouches-du-Rhône
1329	FR-14	Calvados
1330	FR-15	Cantal
1331	FR-16	Charente
1332	FR-17	Charente-Maritime
1333	FR-18	Cher
1334	FR-19	Corrèze
1335	FR-20R	Corse
1336	FR-21	Côte-d'Or
1337	FR-22	Côtes-d'Armor
1338	FR-23	Creuse
1339	FR-24	Dordogne
1340	FR-25	Doubs
1341	FR-26	Drôme
1342	FR-27	Eure
1343	FR-28	Eure-et-Loir
1344	FR-29	Finistère
1345	FR-2A	Corse-du-Sud
1346	FR-2B	Haute-Corse
1347	FR-30	Gard
1348	FR-31	Haute-Garonne
1349	FR-32	Gers
1350	FR-33	Gironde
1351	FR-34	Hérault
1352	FR-35	Ille-et-Vilaine
1353	FR-36	Indre
1354	FR-37	Indre-et-Loire
1355	FR-38	Isère
1356	FR-39	Jura
1357	FR-40	Landes
1358	FR-41	Loir-et-Cher
1359	FR-42	Loire
1360	FR-43	Haute-Loire
1361	FR-44	Loire-Atlantique
1362	FR-45	Loiret
1363	FR-46	Lot
1364	FR-47	Lot-et-Garonne
1365	FR-48	Lozère
1366	FR-49	Maine-et-Loire
1367	FR-50	Manche
1368	FR-51	Marne
1369	FR-52	Haute-Marne
1370	FR-53	Mayenne
1371	FR-54	Meurthe-et-Moselle
1372	FR-55	Meuse
1373	FR-56	Morbihan
1374	FR-57	Moselle
1375	FR-58	Nièvre
1376	FR-59	Nord
1377	FR-60	Oise
1378	FR-61	Orne
1379	FR-62	Pas-de-Calais
1380	FR-63	Puy-de-Dôme
1381	FR-64	Pyrénées-Atlantiques
1382	FR-65	Hautes-Pyrénées
1383	FR-66	Pyrénées-Orientales
1384	FR-67	Bas-Rhin
1385	FR-68	Haut-Rhin
1386	FR-69	Rhône
1387	FR-69M	Métropole de Lyon
1388	FR-6AE	Alsace
1389	FR-70	Haute-Saône
1390	FR-71	Saône-et-Loire
1391	FR-72	Sarthe
1392	FR-73	Savoie
1393	FR-74	Haute-Savoie
1394	FR-75C	Paris
1395	FR-76	Seine-Maritime
1396	FR-77	Seine-et-Marne
1397	FR-78	Yvelines
1398	FR-79	Deux-Sèvres
1399	FR-80	Somme
1400	FR-81	Tarn
1401	FR-82	Tarn-et-Garonne
1402	FR-83	Var
1403	FR-84	Vaucluse
1404	FR-85	Vendée
1405	FR-86	Vienne
1406	FR-87	Haute-Vienne
1407	FR-88	Vosges
1408	FR-89	Yonne
1409	FR-90	Territoire de Belfort
1410	FR-91	Essonne
1411	FR-92	Hauts-de-Seine
1412	FR-93	Seine-Saint-Denis
1413	FR-94	Val-de-Marne
1414	FR-95	Val-d'Oise
1415	FR-971	Guadeloupe
1416	FR-972	Martinique
1417	FR-973	Guyane (française)
1418	FR-974	La Réunion
1419	FR-976	Mayotte
1420	FR-ARA	Auvergne-Rhône-Alpes
1421	FR-BFC	Bourgogne-Franche-Comté
1422	FR-BL	Saint-Barthélemy
1423	FR-BRE	Bretagne
1424	FR-CP	Clipperton
1425	FR-CVL	Centre-Val de Loire
1426	FR-GES	Grand-Est
1427	FR-HDF	Hauts-de-France
1428	FR-IDF	Île-de-France
1429	FR-MF	Saint-Martin
1430	FR-NAQ	Nouvelle-Aquitaine
1431	FR-NC	Nouvelle-Calédonie
1432	FR-NOR	Normandie
1433	FR-OCC	Occitanie
1434	FR-PAC	Provence-Alpes-Côte-d’Azur
1435	FR-PDL	Pays-de-la-Loire
1436	FR-PF	Polynésie française
1437	FR-PM	Saint-Pierre-et-Miquelon
1438	FR-TF	Terres australes françaises
1439	FR-WF	Wallis-et-Futuna
1440	GA-1	Estuaire
1441	GA-2	Haut-Ogooué
1442	GA-3	Moyen-Ogooué
1443	GA-4	Ngounié
1444	GA-5	Nyanga
1445	GA-6	Ogooué-Ivindo
1446	GA-7	Ogooué-Lolo
1447	GA-8	Ogooué-Maritime
1448	GA-9	Woleu-Ntem
1449	GB-ABC	Armagh City, Banbridge and Craigavon
1450	GB-ABD	Aberdeenshire
1451	GB-ABE	Aberdeen City
1452	GB-AGB	Argyll and Bute
1453	GB-AGY	Isle of Anglesey [Sir Ynys Môn GB-YNM]
1454	GB-AND	Ards and North Down
1455	GB-ANN	Antrim and Newtownabbey
1456	GB-ANS	Angus
1457	GB-BAS	Bath and North East Somerset
1458	GB-BBD	Blackburn with Darwen
1459	GB-BCP	Bournemouth, Christchurch and Poole
1460	GB-BDF	Bedford
1461	GB-BDG	Barking and Dagenham
1462	GB-BEN	Brent
1463	GB-BEX	Bexley
1464	GB-BFS	Belfast City
1465	GB-BGE	Bridgend [Pen-y-bont ar Ogwr GB-POG]
1466	GB-BGW	Blaenau Gwent
1467	GB-BIR	Birmingham
1468	GB-BKM	Buckinghamshire
1469	GB-BNE	Barnet
1470	GB-BNH	Brighton and Hove
1471	GB-BNS	Barnsley
1472	GB-BOL	Bolton
1473	GB-BPL	Blackpool
1474	GB-BRC	Bracknell Forest
1475	GB-BRD	Bradford
1476	GB-BRY	Bromley
1477	GB-BST	Bristol, City of
1478	GB-BUR	Bury
1479	GB-CAM	Cambridgeshire
1480	GB-CAY	Caerphilly [Caerffili GB-CAF]
1481	GB-CBF	Central Bedfordshire
1482	GB-CCG	Causeway Coast and Glens
1483	GB-CGN	Ceredigion [Sir Ceredigion]
1484	GB-CHE	Cheshire East
1485	GB-CHW	Cheshire West and Chester
1486	GB-CLD	Calderdale
1487	GB-CLK	Clackmannanshire
1488	GB-CMA	Cumbria
1489	GB-CMD	Camden
1490	GB-CMN	Carmarthenshire [Sir Gaerfyrddin GB-GFY]
1491	GB-CON	Cornwall
1492	GB-COV	Coventry
1493	GB-CRF	Cardiff [Caerdydd GB-CRD]
1494	GB-CRY	Croydon
1495	GB-CWY	Conwy
1496	GB-DAL	Darlington
1497	GB-DBY	Derbyshire
1498	GB-DEN	Denbighshire [Sir Ddinbych GB-DDB]
1499	GB-DER	Derby
1500	GB-DEV	Devon
1501	GB-DGY	Dumfries and Galloway
1502	GB-DNC	Doncaster
1503	GB-DND	Dundee City
1504	GB-DOR	Dorset
1505	GB-DRS	Derry and Strabane
1506	GB-DUD	Dudley
1507	GB-DUR	Durham, County
1508	GB-EAL	Ealing
1509	GB-EAY	East Ayrshire
1510	GB-EDH	Edinburgh, City of
1511	GB-EDU	East Dunbartonshire
1512	GB-ELN	East Lothian
1513	GB-ELS	Eilean Siar
1514	GB-ENF	Enfield
1515	GB-ENG	England
1516	GB-ERW	East Renfrewshire
1517	GB-ERY	East Riding of Yorkshire
1518	GB-ESS	Essex
1519	GB-ESX	East Sussex
1520	GB-FAL	Falkirk
1521	GB-FIF	Fife
1522	GB-FLN	Flintshire [Sir y Fflint GB-FFL]
1523	GB-FMO	Fermanagh and Omagh
1524	GB-GAT	Gateshead
1525	GB-GLG	Glasgow City
1526	GB-GLS	Gloucestershire
1527	GB-GRE	Greenwich
1528	GB-GWN	Gwynedd
1529	GB-HAL	Halton
1530	GB-HAM	Hampshire
1531	GB-HAV	Havering
1532	GB-HCK	Hackney
1533	GB-HEF	Herefordshire
1534	GB-HIL	Hillingdon
1535	GB-HLD	Highland
1536	GB-HMF	Hammersmith and Fulham
1537	GB-HNS	Hounslow
1538	GB-HPL	Hartlepool
1539	GB-HRT	Hertfordshire
1540	GB-HRW	Harrow
1541	GB-HRY	Haringey
1542	GB-IOS	Isles of Scilly
1543	GB-IOW	Isle of Wight
1544	GB-ISL	Islington
1545	GB-IVC	Inverclyde
1546	GB-KEC	Kensington and Chelsea
1547	GB-KEN	Kent
1548	GB-KHL	Kingston upon Hull
1549	GB-KIR	Kirklees
1550	GB-KTT	Kingston upon Thames
1551	GB-KWL	Knowsley
1552	GB-LAN	Lancashire
1553	GB-LBC	Lisburn and Castlereagh
1554	GB-LBH	Lambeth
1555	GB-LCE	Leicester
1556	GB-LDS	Leeds
1557	GB-LEC	Leicestershire
1558	GB-LEW	Lewisham
1559	GB-LIN	Lincolnshire
1560	GB-LIV	Liverpool
1561	GB-LND	London, City of
1562	GB-LUT	Luton
1563	GB-MAN	Manchester
1564	GB-MDB	Middlesbrough
1565	GB-MDW	Medway
1566	GB-MEA	Mid and East Antrim
1567	GB-MIK	Milton Keynes
1568	GB-MLN	Midlothian
1569	GB-MON	Monmouthshire [Sir Fynwy GB-FYN]
1570	GB-MRT	Merton
1571	GB-MRY	Moray
1572	GB-MTY	Merthyr Tydfil [Merthyr Tudful GB-MTU]
1573	GB-MUL	Mid-Ulster
1574	GB-NAY	North Ayrshire
1575	GB-NBL	Northumberland
1576	GB-NEL	North East Lincolnshire
1577	GB-NET	Newcastle upon Tyne
1578	GB-NFK	Norfolk
1579	GB-NGM	Nottingham
1580	GB-NIR	Northern Ireland
1581	GB-NLK	North Lanarkshire
1582	GB-NLN	North Lincolnshire
1583	GB-NMD	Newry, Mourne and Down
1584	GB-NNH	North Northamptonshire
1585	GB-NSM	North Somerset
1586	GB-NTL	Neath Port Talbot [Castell-nedd Port Talbot GB-CTL]
1587	GB-NTT	Nottinghamshire
1588	GB-NTY	North Tyneside
1589	GB-NWM	Newham
1590	GB-NWP	Newport [Casnewydd GB-CNW]
1591	GB-NYK	North Yorkshire
1592	GB-OLD	Oldham
1593	GB-ORK	Orkney Islands
1594	GB-OXF	Oxfordshire
1595	GB-PEM	Pembrokeshire [Sir Benfro GB-BNF]
1596	GB-PKN	Perth and Kinross
1597	GB-PLY	Plymouth
1598	GB-POR	Portsmouth
1599	GB-POW	Powys
1600	GB-PTE	Peterborough
1601	GB-RCC	Redcar and Cleveland
1602	GB-RCH	Rochdale
1603	GB-RCT	Rhondda Cynon Taff [Rhondda CynonTaf]
1604	GB-RDB	Redbridge
1605	GB-RDG	Reading
1606	GB-RFW	Renfrewshire
1607	GB-RIC	Richmond upon Thames
1608	GB-ROT	Rotherham
1609	GB-RUT	Rutland
1610	GB-SAW	Sandwell
1611	GB-SAY	South Ayrshire
1612	GB-SCB	Scottish Borders
1613	GB-SCT	Scotland
1614	GB-SFK	Suffolk
1615	GB-SFT	Sefton
1616	GB-SGC	South Gloucestershire
1617	GB-SHF	Sheffield
1618	GB-SHN	St. Helens
1619	GB-SHR	Shropshire
1620	GB-SKP	Stockport
1621	GB-SLF	Salford
1622	GB-SLG	Slough
1623	GB-SLK	South Lanarkshire
1624	GB-SND	Sunderland
1625	GB-SOL	Solihull
1626	GB-SOM	Somerset
1627	GB-SOS	Southend-on-Sea
1628	GB-SRY	Surrey
1629	GB-STE	Stoke-on-Trent
1630	GB-STG	Stirling
1631	GB-STH	Southampton
1632	GB-STN	Sutton
1633	GB-STS	Staffordshire
1634	GB-STT	Stockton-on-Tees
1635	GB-STY	South Tyneside
1636	GB-SWA	Swansea [Abertawe GB-ATA]
1637	GB-SWD	Swindon
1638	GB-SWK	Southwark
1639	GB-TAM	Tameside
1640	GB-TFW	Telford and Wrekin
1641	GB-THR	Thurrock
1642	GB-TOB	Torbay
1643	GB-TOF	Torfaen [Tor-faen]
1644	GB-TRF	Trafford
1645	GB-TWH	Tower Hamlets
1646	GB-VGL	Vale of Glamorgan, The [Bro Morgannwg GB-BMG]
1647	GB-WAR	Warwickshire
1648	GB-WBK	West Berkshire
1649	GB-WDU	West Dunbartonshire
1650	GB-WFT	Waltham Forest
1651	GB-WGN	Wigan
1652	GB-WIL	Wiltshire
1653	GB-WKF	Wakefield
1654	GB-WLL	Walsall
1655	GB-WLN	West Lothian
1656	GB-WLS	Wales [Cymru GB-CYM]
1657	GB-WLV	Wolverhampton
1658	GB-WND	Wandsworth
1659	GB-WNH	West Northamptonshire
1660	GB-WNM	Windsor and Maidenhead
1661	GB-WOK	Wokingham
1662	GB-WOR	Worcestershire
1663	GB-WRL	Wirral
1664	GB-WRT	Warrington
1665	GB-WRX	Wrexham [Wrecsam GB-WRC]
1666	GB-WSM	Westminster
1667	GB-WSX	West Sussex
1668	GB-YOR	York
1669	GB-ZET	Shetland Islands
1670	GD-01	Saint Andrew
1671	GD-02	Saint David
1672	GD-03	Saint George
1673	GD-04	Saint John
1674	GD-05	Saint Mark
1675	GD-06	Saint Patrick
1676	GD-10	Southern Grenadine Islands
1677	GE-AB	Abkhazia
1678	GE-AJ	Ajaria
1679	GE-GU	Guria
1680	GE-IM	Imereti
1681	GE-KA	K'akheti
1682	GE-KK	Kvemo Kartli
1683	GE-MM	Mtskheta-Mtianeti
1684	GE-RL	Rach'a-Lechkhumi-Kvemo Svaneti
1685	GE-SJ	Samtskhe-Javakheti
1686	GE-SK	Shida Kartli
1687	GE-SZ	Samegrelo-Zemo Svaneti
1688	GE-TB	Tbilisi
1689	GH-AA	Greater Accra
1690	GH-AF	Ahafo
1691	GH-AH	Ashanti
1692	GH-BE	Bono East
1693	GH-BO	Bono
1694	GH-CP	Central
1695	GH-EP	Eastern
1696	GH-NE	North East
1697	GH-NP	Northern
1698	GH-OT	Oti
1699	GH-SV	Savannah
1700	GH-TV	Volta
1701	GH-UE	Upper East
1702	GH-UW	Upper West
1703	GH-WN	Western North
1704	GH-WP	Western
1705	GL-AV	Avannaata Kommunia
1706	GL-KU	Kommune Kujalleq
1707	GL-QE	Qeqqata Kommunia
1708	GL-QT	Kommune Qeqertalik
1709	GL-SM	Kommuneqarfik Sermersooq
1710	GM-B	Banjul
1711	GM-L	Lower River
1712	GM-M	Central River
1713	GM-N	North Bank
1714	GM-U	Upper River
1715	GM-W	Western
1716	GN-B	Boké
1717	GN-BE	Beyla
1718	GN-BF	Boffa
1719	GN-BK	Boké
1720	GN-C	Conakry
1721	GN-CO	Coyah
1722	GN-D	Kindia
1723	GN-DB	Dabola
1724	GN-DI	Dinguiraye
1725	GN-DL	Dalaba
1726	GN-DU	Dubréka
1727	GN-F	Faranah
1728	GN-FA	Faranah
1729	GN-FO	Forécariah
1730	GN-FR	Fria
1731	GN-GA	Gaoual
1732	GN-GU	Guékédou
1733	GN-K	Kankan
1734	GN-KA	Kankan
1735	GN-KB	Koubia
1736	GN-KD	Kindia
1737	GN-KE	Kérouané
1738	GN-KN	Koundara
1739	GN-KO	Kouroussa
1740	GN-KS	Kissidougou
1741	GN-L	Labé
1742	GN-LA	Labé
1743	GN-LE	Lélouma
1744	GN-LO	Lola
1745	GN-M	Mamou
1746	GN-MC	Macenta
1747	GN-MD	Mandiana
1748	GN-ML	Mali
1749	GN-MM	Mamou
1750	GN-N	Nzérékoré
1751	GN-NZ	Nzérékoré
1752	GN-PI	Pita
1753	GN-SI	Siguiri
1754	GN-TE	Télimélé
1755	GN-TO	Tougué
1756	GN-YO	Yomou
1757	GQ-AN	Annobon
1758	GQ-BN	Bioko Nord
1759	GQ-BS	Bioko Sud
1760	GQ-C	Région Continentale
1761	GQ-CS	Centro Sud
1762	GQ-DJ	Djibloho
1763	GQ-I	Région Insulaire
1764	GQ-KN	Kié-Ntem
1765	GQ-LI	Littoral
1766	GQ-WN	Wele-Nzas
1767	GR-69	Ágion Óros
1768	GR-A	Anatolikí Makedonía kai Thráki
1769	GR-B	Kentrikí Makedonía
1770	GR-C	Dytikí Makedonía
1771	GR-D	Ípeiros
1772	GR-E	Thessalía
1773	GR-F	Ionía Nísia
1774	GR-G	Dytikí Elláda
1775	GR-H	Stereá Elláda
1776	GR-I	Attikí
1777	GR-J	Pelopónnisos
1778	GR-K	Vóreio Aigaío
1779	GR-L	Nótio Aigaío
1780	GR-M	Kríti
1781	GT-01	Guatemala
1782	GT-02	El Progreso
1783	GT-03	Sacatepéquez
1784	GT-04	Chimaltenango
1785	GT-05	Escuintla
1786	GT-06	Santa Rosa
1787	GT-07	Sololá
1788	GT-08	Totonicapán
1789	GT-09	Quetzaltenango
1790	GT-10	Suchitepéquez
1791	GT-11	Retalhuleu
1792	GT-12	San Marcos
1793	GT-13	Huehuetenango
1794	GT-14	Quiché
1795	GT-15	Baja Verapaz
1796	GT-16	Alta Verapaz
1797	GT-17	Petén
1798	GT-18	Izabal
1799	GT-19	Zacapa
1800	GT-20	Chiquimula
1801	GT-21	Jalapa
1802	GT-22	Jutiapa
1803	GW-BA	Bafatá
1804	GW-BL	Bolama / Bijagós
1805	GW-BM	Biombo
1806	GW-BS	Bissau
1807	GW-CA	Cacheu
1808	GW-GA	Gabú
1809	GW-L	Leste
1810	GW-N	Norte
1811	GW-OI	Oio
1812	GW-QU	Quinara
1813	GW-S	Sul
1814	GW-TO	Tombali
1815	GY-BA	Barima-Waini
1816	GY-CU	Cuyuni-Mazaruni
1817	GY-DE	Demerara-Mahaica
1818	GY-EB	East Berbice-Corentyne
1819	GY-ES	Essequibo Islands-West Demerara
1820	GY-MA	Mahaica-Berbice
1821	GY-PM	Pomeroon-Supenaam
1822	GY-PT	Potaro-Siparuni
1823	GY-UD	Upper Demerara-Berbice
1824	GY-UT	Upper Takutu-Upper Essequibo
1825	HN-AT	Atlántida
1826	HN-CH	Choluteca
1827	HN-CL	Colón
1828	HN-CM	Comayagua
1829	HN-CP	Copán
1830	HN-CR	Cortés
1831	HN-EP	El Paraíso
1832	HN-FM	Francisco Morazán
1833	HN-GD	Gracias a Dios
1834	HN-IB	Islas de la Bahía
1835	HN-IN	Intibucá
1836	HN-LE	Lempira
1837	HN-LP	La Paz
1838	HN-OC	Ocotepeque
1839	HN-OL	Olancho
1840	HN-SB	Santa Bárbara
1841	HN-VA	Valle
1842	HN-YO	Yoro
1843	HR-01	Zagrebačka županija
1844	HR-02	Krapinsko-zagorska županija
1845	HR-03	Sisačko-moslavačka županija
1846	HR-04	Karlovačka županija
1847	HR-05	Varaždinska županija
1848	HR-06	Koprivničko-križevačka županija
1849	HR-07	Bjelovarsko-bilogorska županija
1850	HR-08	Primorsko-goranska županija
1851	HR-09	Ličko-senjska županija
1852	HR-10	Virovitičko-podravska županija
1853	HR-11	Požeško-slavonska županija
1854	HR-12	Brodsko-posavska županija
1855	HR-13	Zadarska županija
1856	HR-14	Osječko-baranjska županija
1857	HR-15	Šibensko-kninska županija
1858	HR-16	Vukovarsko-srijemska županija
1859	HR-17	Splitsko-dalmatinska županija
1860	HR-18	Istarska županija
1861	HR-19	Dubrovačko-neretvanska županija
1862	HR-20	Međimurska županija
1863	HR-21	Grad Zagreb
1864	HT-AR	Artibonite
1865	HT-CE	Centre
1866	HT-GA	Grande’Anse
1867	HT-ND	Nord
1868	HT-NE	Nord-Est
1869	HT-NI	Nippes
1870	HT-NO	Nord-Ouest
1871	HT-OU	Ouest
1872	HT-SD	Sud
1873	HT-SE	Sud-Est
1874	HU-BA	Baranya
1875	HU-BC	Békéscsaba
1876	HU-BE	Békés
1877	HU-BK	Bács-Kiskun
1878	HU-BU	Budapest
1879	HU-BZ	Borsod-Abaúj-Zemplén
1880	HU-CS	Csongrád-Csanád
1881	HU-DE	Debrecen
1882	HU-DU	Dunaújváros
1883	HU-EG	Eger
1884	HU-ER	Érd
1885	HU-FE	Fejér
1886	HU-GS	Győr-Moson-Sopron
1887	HU-GY	Győr
1888	HU-HB	Hajdú-Bihar
1889	HU-HE	Heves
1890	HU-HV	Hódmezővásárhely
1891	HU-JN	Jász-Nagykun-Szolnok
1892	HU-KE	Komárom-Esztergom
1893	HU-KM	Kecskemét
1894	HU-KV	Kaposvár
1895	HU-MI	Miskolc
1896	HU-NK	Nagykanizsa
1897	HU-NO	Nógrád
1898	HU-NY	Nyíregyháza
1899	HU-PE	Pest
1900	HU-PS	Pécs
1901	HU-SD	Szeged
1902	HU-SF	Székesfehérvár
1903	HU-SH	Szombathely
1904	HU-SK	Szolnok
1905	HU-SN	Sopron
1906	HU-SO	Somogy
1907	HU-SS	Szekszárd
1908	HU-ST	Salgótarján
1909	HU-SZ	Szabolcs-Szatmár-Bereg
1910	HU-TB	Tatabánya
1911	HU-TO	Tolna
1912	HU-VA	Vas
1913	HU-VE	Veszprém
1914	HU-VM	Veszprém
1915	HU-ZA	Zala
1916	HU-ZE	Zalaegerszeg
1917	ID-AC	Aceh
1918	ID-BA	Bali
1919	ID-BB	Kepulauan Bangka Belitung
1920	ID-BE	Bengkulu
1921	ID-BT	Banten
1922	ID-GO	Gorontalo
1923	ID-JA	Jambi
1924	ID-JB	Jawa Barat
1925	ID-JI	Jawa Timur
1926	ID-JK	Jakarta Raya
1927	ID-JT	Jawa Tengah
1928	ID-JW	Jawa
1929	ID-KA	Kalimantan
1930	ID-KB	Kalimantan Barat
1931	ID-KI	Kalimantan Timur
1932	ID-KR	Kepulauan Riau
1933	ID-KS	Kalimantan Selatan
1934	ID-KT	Kalimantan Tengah
1935	ID-KU	Kalimantan Utara
1936	ID-LA	Lampung
1937	ID-MA	Maluku
1938	ID-ML	Maluku
1939	ID-MU	Maluku Utara
1940	ID-NB	Nusa Tenggara Barat
1941	ID-NT	Nusa Tenggara Timur
1942	ID-NU	Nusa Tenggara
1943	ID-PA	Papua
1944	ID-PB	Papua Barat
1945	ID-PD	Papua Barat Daya
1946	ID-PE	Papua Pengunungan
1947	ID-PP	Papua
1948	ID-PS	Papua Selatan
1949	ID-PT	Papua Tengah
1950	ID-RI	Riau
1951	ID-SA	Sulawesi Utara
1952	ID-SB	Sumatera Barat
1953	ID-SG	Sulawesi Tenggara
1954	ID-SL	Sulawesi
1955	ID-SM	Sumatera
1956	ID-SN	Sulawesi Selatan
1957	ID-SR	Sulawesi Barat
1958	ID-SS	Sumatera Selatan
1959	ID-ST	Sulawesi Tengah
1960	ID-SU	Sumatera Utara
1961	ID-YO	Yogyakarta
1962	IE-C	Connaught
1963	IE-CE	Clare
1964	IE-CN	Cavan
1965	IE-CO	Cork
1966	IE-CW	Carlow
1967	IE-D	Dublin
1968	IE-DL	Donegal
1969	IE-G	Galway
1970	IE-KE	Kildare
1971	IE-KK	Kilkenny
1972	IE-KY	Kerry
1973	IE-L	Leinster
1974	IE-LD	Longford
1975	IE-LH	Louth
1976	IE-LK	Limerick
1977	IE-LM	Leitrim
1978	IE-LS	Laois
1979	IE-M	Munster
1980	IE-MH	Meath
1981	IE-MN	Monaghan
1982	IE-MO	Mayo
1983	IE-OY	Offaly
1984	IE-RN	Roscommon
1985	IE-SO	Sligo
1986	IE-TA	Tipperary
1987	IE-U	Ulster
1988	IE-WD	Waterford
1989	IE-WH	Westmeath
1990	IE-WW	Wicklow
1991	IE-WX	Wexford
1992	IL-D	Al Janūbī
1993	IL-HA	Ḩayfā
1994	IL-JM	Al Quds
1995	IL-M	Al Awsaţ
1996	IL-TA	Tall Abīb
1997	IL-Z	Ash Shamālī
1998	IN-AN	Andaman and Nicobar Islands
1999	IN-AP	Andhra Pradesh
2000	IN-AR	Arunāchal Pradesh
2001	IN-AS	Assam
2002	IN-BR	Bihār
2003	IN-CG	Chhattīsgarh
2004	IN-CH	Chandīgarh
2005	IN-DH	Dādra and Nagar Haveli and Damān and Diu
2006	IN-DL	Delhi
2007	IN-GA	Goa
2008	IN-GJ	Gujarāt
2009	IN-HP	Himāchal Pradesh
2010	IN-HR	Haryāna
2011	IN-JH	Jhārkhand
2012	IN-JK	Jammu and Kashmīr
2013	IN-KA	Karnātaka
2014	IN-KL	Kerala
2015	IN-LA	Ladākh
2016	IN-LD	Lakshadweep
2017	IN-MH	Mahārāshtra
2018	IN-ML	Meghālaya
2019	IN-MN	Manipur
2020	IN-MP	Madhya Pradesh
2021	IN-MZ	Mizoram
2022	IN-NL	Nāgāland
2023	IN-OD	Odisha
2024	IN-PB	Punjab
2025	IN-PY	Puducherry
2026	IN-RJ	Rājasthān
2027	IN-SK	Sikkim
2028	IN-TN	Tamil Nādu
2029	IN-TR	Tripura
2030	IN-TS	Telangāna
2031	IN-UK	Uttarākhand
2032	IN-UP	Uttar Pradesh
2033	IN-WB	West Bengal
2034	IQ-AN	Al Anbār
2035	IQ-AR	Arbīl
2036	IQ-BA	Al Başrah
2037	IQ-BB	Bābil
2038	IQ-BG	Baghdād
2039	IQ-DA	Dahūk
2040	IQ-DI	Diyālá
2041	IQ-DQ	Dhī Qār
2042	IQ-KA	Karbalā’
2043	IQ-KI	Kirkūk
2044	IQ-KR	Iqlīm Kūrdistān
2045	IQ-MA	Maysān
2046	IQ-MU	Al Muthanná
2047	IQ-NA	An Najaf
2048	IQ-NI	Nīnawá
2049	IQ-QA	Al Qādisīyah
2050	IQ-SD	Şalāḩ ad Dīn
2051	IQ-SU	As Sulaymānīyah
2052	IQ-WA	Wāsiţ
2053	IR-00	Markazī
2054	IR-01	Gīlān
2055	IR-02	Māzandarān
2056	IR-03	Āz̄ārbāyjān-e Shārqī
2057	IR-04	Āz̄ārbāyjān-e Ghārbī
2058	IR-05	Kermānshāh
2059	IR-06	Khūzestān
2060	IR-07	Fārs
2061	IR-08	Kermān
2062	IR-09	Khorāsān-e Raẕavī
2063	IR-10	Eşfahān
2064	IR-11	Sīstān va Balūchestān
2065	IR-12	Kordestān
2066	IR-13	Hamadān
2067	IR-14	Chahār Maḩāl va Bakhtīārī
2068	IR-15	Lorestān
2069	IR-16	Īlām
2070	IR-17	Kohgīlūyeh va Bowyer Aḩmad
2071	IR-18	Būshehr
2072	IR-19	Zanjān
2073	IR-20	Semnān
2074	IR-21	Yazd
2075	IR-22	Hormozgān
2076	IR-23	Tehrān
2077	IR-24	Ardabīl
2078	IR-25	Qom
2079	IR-26	Qazvīn
2080	IR-27	Golestān
2081	IR-28	Khorāsān-e Shomālī
2082	IR-29	Khorāsān-e Jonūbī
2083	IR-30	Alborz
2084	IS-1	Höfuðborgarsvæði
2085	IS-2	Suðurnes
2086	IS-3	Vesturland
2087	IS-4	Vestfirðir
2088	IS-5	Norðurland vestra
2089	IS-6	Norðurland eystra
2090	IS-7	Austurland
2091	IS-8	Suðurland
2092	IS-AKN	Akraneskaupstaður
2093	IS-AKU	Akureyrarbær
2094	IS-ARN	Árneshreppur
2095	IS-ASA	Ásahreppur
2096	IS-BLA	Bláskógabyggð
2097	IS-BOG	Borgarbyggð
2098	IS-BOL	Bolungarvíkurkaupstaður
2099	IS-DAB	Dalabyggð
2100	IS-DAV	Dalvíkurbyggð
2101	IS-EOM	Eyja- og Miklaholtshreppur
2102	IS-EYF	Eyjafjarðarsveit
2103	IS-FJD	Fjarðabyggð
2104	IS-FJL	Fjallabyggð
2105	IS-FLA	Flóahreppur
2106	IS-FLR	Fljótsdalshreppur
2107	IS-GAR	Garðabær
2108	IS-GOG	Grímsnes- og Grafningshreppur
2109	IS-GRN	Grindavíkurbær
2110	IS-GRU	Grundarfjarðarbær
2111	IS-GRY	Grýtubakkahreppur
2112	IS-HAF	Hafnarfjarðarkaupstaður
2113	IS-HRG	Hörgársveit
2114	IS-HRU	Hrunamannahreppur
2115	IS-HUG	Húnabyggð
2116	IS-HUV	Húnaþing vestra
2117	IS-HVA	Hvalfjarðarsveit
2118	IS-HVE	Hveragerðisbær
2119	IS-ISA	Ísafjarðarbær
2120	IS-KAL	Kaldrananeshreppur
2121	IS-KJO	Kjósarhreppur
2122	IS-KOP	Kópavogsbær
2123	IS-LAN	Langanesbyggð
2124	IS-MOS	Mosfellsbær
2125	IS-MUL	Múlaþing
2126	IS-MYR	Mýrdalshreppur
2127	IS-NOR	Norðurþing
2128	IS-RGE	Rangárþing eystra
2129	IS-RGY	Rangárþing ytra
2130	IS-RHH	Reykhólahreppur
2131	IS-RKN	Reykjanesbær
2132	IS-RKV	Reykjavíkurborg
2133	IS-SBT	Svalbarðsstrandarhreppur
2134	IS-SDN	Suðurnesjabær
2135	IS-SDV	Súðavíkurhreppur
2136	IS-SEL	Seltjarnarnesbær
2137	IS-SFA	Sveitarfélagið Árborg
2138	IS-SHF	Sveitarfélagið Hornafjörður
2139	IS-SKF	Skaftárhreppur
2140	IS-SKG	Skagabyggð
2141	IS-SKO	Skorradalshreppur
2142	IS-SKR	Skagafjörður
2143	IS-SNF	Snæfellsbær
2144	IS-SOG	Skeiða- og Gnúpverjahreppur
2145	IS-SOL	Sveitarfélagið Ölfus
2146	IS-SSS	Sveitarfélagið Skagaströnd
2147	IS-STR	Strandabyggð
2148	IS-STY	Stykkishólmsbær
2149	IS-SVG	Sveitarfélagið Vogar
2150	IS-TAL	Tálknafjarðarhreppur
2151	IS-THG	Þingeyjarsveit
2152	IS-TJO	Tjörneshreppur
2153	IS-VEM	Vestmannaeyjabær
2154	IS-VER	Vesturbyggð
2155	IS-VOP	Vopnafjarðarhreppur
2156	IT-21	Piemonte
2157	IT-23	Valle d'Aosta
2158	IT-25	Lombardia
2159	IT-32	Trentino-Alto Adige
2160	IT-34	Veneto
2161	IT-36	Friuli Venezia Giulia
2162	IT-42	Liguria
2163	IT-45	Emilia-Romagna
2164	IT-52	Toscana
2165	IT-55	Umbria
2166	IT-57	Marche
2167	IT-62	Lazio
2168	IT-65	Abruzzo
2169	IT-67	Molise
2170	IT-72	Campania
2171	IT-75	Puglia
2172	IT-77	Basilicata
2173	IT-78	Calabria
2174	IT-82	Sicilia
2175	IT-88	Sardegna
2176	IT-AG	Agrigento
2177	IT-AL	Alessandria
2178	IT-AN	Ancona
2179	IT-AP	Ascoli Piceno
2180	IT-AQ	L'Aquila
2181	IT-AR	Arezzo
2182	IT-AT	Asti
2183	IT-AV	Avellino
2184	IT-BA	Bari
2185	IT-BG	Bergamo
2186	IT-BI	Biella
2187	IT-BL	Belluno
2188	IT-BN	Benevento
2189	IT-BO	Bologna
2190	IT-BR	Brindisi
2191	IT-BS	Brescia
2192	IT-BT	Barletta-Andria-Trani
2193	IT-BZ	Bolzano
2194	IT-CA	Cagliari
2195	IT-CB	Campobasso
2196	IT-CE	Caserta
2197	IT-CH	Chieti
2198	IT-CL	Caltanissetta
2199	IT-CN	Cuneo
2200	IT-CO	Como
2201	IT-CR	Cremona
2202	IT-CS	Cosenza
2203	IT-CT	Catania
2204	IT-CZ	Catanzaro
2205	IT-EN	Enna
2206	IT-FC	Forlì-Cesena
2207	IT-FE	Ferrara
2208	IT-FG	Foggia
2209	IT-FI	Firenze
2210	IT-FM	Fermo
2211	IT-FR	Frosinone
2212	IT-GE	Genova
2213	IT-GO	Gorizia
2214	IT-GR	Grosseto
2215	IT-IM	Imperia
2216	IT-IS	Isernia
2217	IT-KR	Crotone
2218	IT-LC	Lecco
2219	IT-LE	Lecce
2220	IT-LI	Livorno
2221	IT-LO	Lodi
2222	IT-LT	Latina
2223	IT-LU	Lucca
2224	IT-MB	Monza e Brianza
2225	IT-MC	Macerata
2226	IT-ME	Messina
2227	IT-MI	Milano
2228	IT-MN	Mantova
2229	IT-MO	Modena
2230	IT-MS	Massa-Carrara
2231	IT-MT	Matera
2232	IT-NA	Napoli
2233	IT-NO	Novara
2234	IT-NU	Nuoro
2235	IT-OR	Oristano
2236	IT-PA	Palermo
2237	IT-PC	Piacenza
2238	IT-PD	Padova
2239	IT-PE	Pescara
2240	IT-PG	Perugia
2241	IT-PI	Pisa
2242	IT-PN	Pordenone
2243	IT-PO	Prato
2244	IT-PR	Parma
2245	IT-PT	Pistoia
2246	IT-PU	Pesaro e Urbino
2247	IT-PV	Pavia
2248	IT-PZ	Potenza
2249	IT-RA	Ravenna
2250	IT-RC	Reggio Calabria
2251	IT-RE	Reggio Emilia
2252	IT-RG	Ragusa
2253	IT-RI	Rieti
2254	IT-RM	Roma
2255	IT-RN	Rimini
2256	IT-RO	Rovigo
2257	IT-SA	Salerno
2258	IT-SI	Siena
2259	IT-SO	Sondrio
2260	IT-SP	La Spezia
2261	IT-SR	Siracusa
2262	IT-SS	Sassari
2263	IT-SU	Sud Sardegna
2264	IT-SV	Savona
2265	IT-TA	Taranto
2266	IT-TE	Teramo
2267	IT-TN	Trento
2268	IT-TO	Torino
2269	IT-TP	Trapani
2270	IT-TR	Terni
2271	IT-TS	Trieste
2272	IT-TV	Treviso
2273	IT-UD	Udine
2274	IT-VA	Varese
2275	IT-VB	Verbano-Cusio-Ossola
2276	IT-VC	Vercelli
2277	IT-VE	Venezia
2278	IT-VI	Vicenza
2279	IT-VR	Verona
2280	IT-VT	Viterbo
2281	IT-VV	Vibo Valentia
2282	JM-01	Kingston
2283	JM-02	Saint Andrew
2284	JM-03	Saint Thomas
2285	JM-04	Portland
2286	JM-05	Saint Mary
2287	JM-06	Saint Ann
2288	JM-07	Trelawny
2289	JM-08	Saint James
2290	JM-09	Hanover
2291	JM-10	Westmoreland
2292	JM-11	Saint Elizabeth
2293	JM-12	Manchester
2294	JM-13	Clarendon
2295	JM-14	Saint Catherine
2296	JO-AJ	‘Ajlūn
2297	JO-AM	Al ‘A̅şimah
2298	JO-AQ	Al ‘Aqabah
2299	JO-AT	Aţ Ţafīlah
2300	JO-AZ	Az Zarqā’
2301	JO-BA	Al Balqā’
2302	JO-IR	Irbid
2303	JO-JA	Jarash
2304	JO-KA	Al Karak
2305	JO-MA	Al Mafraq
2306	JO-MD	Mādabā
2307	JO-MN	Ma‘ān
2308	JP-01	Hokkaido
2309	JP-02	Aomori
2310	JP-03	Iwate
2311	JP-04	Miyagi
2312	JP-05	Akita
2313	JP-06	Yamagata
2314	JP-07	Fukushima
2315	JP-08	Ibaraki
2316	JP-09	Tochigi
2317	JP-10	Gunma
2318	JP-11	Saitama
2319	JP-12	Chiba
2320	JP-13	Tokyo
2321	JP-14	Kanagawa
2322	JP-15	Niigata
2323	JP-16	Toyama
2324	JP-17	Ishikawa
2325	JP-18	Fukui
2326	JP-19	Yamanashi
2327	JP-20	Nagano
2328	JP-21	Gifu
2329	JP-22	Shizuoka
2330	JP-23	Aichi
2331	JP-24	Mie
2332	JP-25	Shiga
2333	JP-26	Kyoto
2334	JP-27	Osaka
2335	JP-28	Hyogo
2336	JP-29	Nara
2337	JP-30	Wakayama
2338	JP-31	Tottori
2339	JP-32	Shimane
2340	JP-33	Okayama
2341	JP-34	Hiroshima
2342	JP-35	Yamaguchi
2343	JP-36	Tokushima
2344	JP-37	Kagawa
2345	JP-38	Ehime
2346	JP-39	Kochi
2347	JP-40	Fukuoka
2348	JP-41	Saga
2349	JP-42	Nagasaki
2350	JP-43	Kumamoto
2351	JP-44	Oita
2352	JP-45	Miyazaki
2353	JP-46	Kagoshima
2354	JP-47	Okinawa
2355	KE-01	Baringo
2356	KE-02	Bomet
2357	KE-03	Bungoma
2358	KE-04	Busia
2359	KE-05	Elgeyo/Marakwet
2360	KE-06	Embu
2361	KE-07	Garissa
2362	KE-08	Homa Bay
2363	KE-09	Isiolo
2364	KE-10	Kajiado
2365	KE-11	Kakamega
2366	KE-12	Kericho
2367	KE-13	Kiambu
2368	KE-14	Kilifi
2369	KE-15	Kirinyaga
2370	KE-16	Kisii
2371	KE-17	Kisumu
2372	KE-18	Kitui
2373	KE-19	Kwale
2374	KE-20	Laikipia
2375	KE-21	Lamu
2376	KE-22	Machakos
2377	KE-23	Makueni
2378	KE-24	Mandera
2379	KE-25	Marsabit
2380	KE-26	Meru
2381	KE-27	Migori
2382	KE-28	Mombasa
2383	KE-29	Murang'a
2384	KE-30	Nairobi City
2385	KE-31	Nakuru
2386	KE-32	Nandi
2387	KE-33	Narok
2388	KE-34	Nyamira
2389	KE-35	Nyandarua
2390	KE-36	Nyeri
2391	KE-37	Samburu
2392	KE-38	Siaya
2393	KE-39	Taita/Taveta
2394	KE-40	Tana River
2395	KE-41	Tharaka-Nithi
2396	KE-42	Trans Nzoia
2397	KE-43	Turkana
2398	KE-44	Uasin Gishu
2399	KE-45	Vihiga
2400	KE-46	Wajir
2401	KE-47	West Pokot
2402	KG-B	Batken
2403	KG-C	Chüy
2404	KG-GB	Bishkek Shaary
2405	KG-GO	Osh Shaary
2406	KG-J	Jalal-Abad
2407	KG-N	Naryn
2408	KG-O	Osh
2409	KG-T	Talas
2410	KG-Y	Ysyk-Köl
2411	KH-1	Banteay Mean Choăy
2412	KH-10	Kracheh
2413	KH-11	Mondol Kiri
2414	KH-12	Phnom Penh
2415	KH-13	Preah Vihear
2416	KH-14	Prey Veaeng
2417	KH-15	Pousaat
2418	KH-16	Rotanak Kiri
2419	KH-17	Siem Reab
2420	KH-18	Preah Sihanouk
2421	KH-19	Stueng Traeng
2422	KH-2	Baat Dambang
2423	KH-20	Svaay Rieng
2424	KH-21	Taakaev
2425	KH-22	Otdar Mean Chey
2426	KH-23	Kaeb
2427	KH-24	Pailin
2428	KH-25	Tbong Khmum
2429	KH-3	Kampong Chaam
2430	KH-4	Kampong Chhnang
2431	KH-5	Kampong Spueu
2432	KH-6	Kampong Thum
2433	KH-7	Kampot
2434	KH-8	Kandaal
2435	KH-9	Kaoh Kong
2436	KI-G	Gilbert Islands
2437	KI-L	Line Islands
2438	KI-P	Phoenix Islands
2439	KM-A	Anjouan
2440	KM-G	Grande Comore
2441	KM-M	Mohéli
2442	KN-01	Christ Church Nichola Town
2443	KN-02	Saint Anne Sandy Point
2444	KN-03	Saint George Basseterre
2445	KN-04	Saint George Gingerland
2446	KN-05	Saint James Windward
2447	KN-06	Saint John Capisterre
2448	KN-07	Saint John Figtree
2449	KN-08	Saint Mary Cayon
2450	KN-09	Saint Paul Capisterre
2451	KN-10	Saint Paul Charlestown
2452	KN-11	Saint Peter Basseterre
2453	KN-12	Saint Thomas Lowland
2454	KN-13	Saint Thomas Middle Island
2455	KN-15	Trinity Palmetto Point
2456	KN-K	Saint Kitts
2457	KN-N	Nevis
2458	KP-01	Phyeongyang
2459	KP-02	Phyeongannamto
2460	KP-03	Phyeonganpukto
2461	KP-04	Jakangto
2462	KP-05	Hwanghainamto
2463	KP-06	Hwanghaipukto
2464	KP-07	Kangweonto
2465	KP-08	Hamkyeongnamto
2466	KP-09	Hamkyeongpukto
2467	KP-10	Ryangkangto
2468	KP-13	Raseon
2469	KP-14	Nampho
2470	KP-15	Kaeseong
2471	KR-11	Seoul-teukbyeolsi
2472	KR-26	Busan-gwangyeoksi
2473	KR-27	Daegu-gwangyeoksi
2474	KR-28	Incheon-gwangyeoksi
2475	KR-29	Gwangju-gwangyeoksi
2476	KR-30	Daejeon-gwangyeoksi
2477	KR-31	Ulsan-gwangyeoksi
2478	KR-41	Gyeonggi-do
2479	KR-42	Gangwon-teukbyeoljachido
2480	KR-43	Chungcheongbuk-do
2481	KR-44	Chungcheongnam-do
2482	KR-45	Jeollabuk-do
2483	KR-46	Jeollanam-do
2484	KR-47	Gyeongsangbuk-do
2485	KR-48	Gyeongsangnam-do
2486	KR-49	Jeju-teukbyeoljachido
2487	KR-50	Sejong
2488	KW-AH	Al Aḩmadī
2489	KW-FA	Al Farwānīyah
2490	KW-HA	Ḩawallī
2491	KW-JA	Al Jahrā’
2492	KW-KU	Al ‘Āşimah
2493	KW-MU	Mubārak al Kabīr
2494	KZ-10	Abay oblysy
2495	KZ-11	Aqmola oblysy
2496	KZ-15	Aqtöbe oblysy
2497	KZ-19	Almaty oblysy
2498	KZ-23	Atyraū oblysy
2499	KZ-27	Batys Qazaqstan oblysy
2500	KZ-31	Zhambyl oblysy
2501	KZ-33	Zhetisū oblysy
2502	KZ-35	Qaraghandy oblysy
2503	KZ-39	Qostanay oblysy
2504	KZ-43	Qyzylorda oblysy
2505	KZ-47	Mangghystaū oblysy
2506	KZ-55	Pavlodar oblysy
2507	KZ-59	Soltüstik Qazaqstan oblysy
2508	KZ-61	Türkistan oblysy
2509	KZ-62	Ulytaū oblysy
2510	KZ-63	Shyghys Qazaqstan oblysy
2511	KZ-71	Astana
2512	KZ-75	Almaty
2513	KZ-79	Shymkent
2514	LA-AT	Attapu
2515	LA-BK	Bokèo
2516	LA-BL	Bolikhamxai
2517	LA-CH	Champasak
2518	LA-HO	Houaphan
2519	LA-KH	Khammouan
2520	LA-LM	Louang Namtha
2521	LA-LP	Louangphabang
2522	LA-OU	Oudômxai
2523	LA-PH	Phôngsali
2524	LA-SL	Salavan
2525	LA-SV	Savannakhét
2526	LA-VI	Viangchan
2527	LA-VT	Viangchan
2528	LA-XA	Xaignabouli
2529	LA-XE	Xékong
2530	LA-XI	Xiangkhouang
2531	LA-XS	Xaisômboun
2532	LB-AK	‘Akkār
2533	LB-AS	Ash Shimāl
2534	LB-BA	Bayrūt
2535	LB-BH	B‘alabak-Al Hirmil
2536	LB-BI	Al Biqā‘
2537	LB-JA	Al Janūb
2538	LB-JL	Jabal Lubnān
2539	LB-NA	An Nabaţīyah
2540	LC-01	Anse la Raye
2541	LC-02	Castries
2542	LC-03	Choiseul
2543	LC-05	Dennery
2544	LC-06	Gros Islet
2545	LC-07	Laborie
2546	LC-08	Micoud
2547	LC-10	Soufrière
2548	LC-11	Vieux Fort
2549	LC-12	Canaries
2550	LI-01	Balzers
2551	LI-02	Eschen
2552	LI-03	Gamprin
2553	LI-04	Mauren
2554	LI-05	Planken
2555	LI-06	Ruggell
2556	LI-07	Schaan
2557	LI-08	Schellenberg
2558	LI-09	Triesen
2559	LI-10	Triesenberg
2560	LI-11	Vaduz
2561	LK-1	Western Province
2562	LK-11	Colombo
2563	LK-12	Gampaha
2564	LK-13	Kalutara
2565	LK-2	Central Province
2566	LK-21	Kandy
2567	LK-22	Matale
2568	LK-23	Nuwara Eliya
2569	LK-3	Southern Province
2570	LK-31	Galle
2571	LK-32	Matara
2572	LK-33	Hambantota
2573	LK-4	Northern Province
2574	LK-41	Jaffna
2575	LK-42	Kilinochchi
2576	LK-43	Mannar
2577	LK-44	Vavuniya
2578	LK-45	Mullaittivu
2579	LK-5	Eastern Province
2580	LK-51	Batticaloa
2581	LK-52	Ampara
2582	LK-53	Trincomalee
2583	LK-6	North Western Province
2584	LK-61	Kurunegala
2585	LK-62	Puttalam
2586	LK-7	North Central Province
2587	LK-71	Anuradhapura
2588	LK-72	Polonnaruwa
2589	LK-8	Uva Province
2590	LK-81	Badulla
2591	LK-82	Monaragala
2592	LK-9	Sabaragamuwa Province
2593	LK-91	Ratnapura
2594	LK-92	Kegalla
2595	LR-BG	Bong
2596	LR-BM	Bomi
2597	LR-CM	Grand Cape Mount
2598	LR-GB	Grand Bassa
2599	LR-GG	Grand Gedeh
2600	LR-GK	Grand Kru
2601	LR-GP	Gbarpolu
2602	LR-LO	Lofa
2603	LR-MG	Margibi
2604	LR-MO	Montserrado
2605	LR-MY	Maryland
2606	LR-NI	Nimba
2607	LR-RG	River Gee
2608	LR-RI	River Cess
2609	LR-SI	Sinoe
2610	LS-A	Maseru
2611	LS-B	Botha-Bothe
2612	LS-C	Leribe
2613	LS-D	Berea
2614	LS-E	Mafeteng
2615	LS-F	Mohale's Hoek
2616	LS-G	Quthing
2617	LS-H	Qacha's Nek
2618	LS-J	Mokhotlong
2619	LS-K	Thaba-Tseka
2620	LT-01	Akmenė
2621	LT-02	Alytaus miestas
2622	LT-03	Alytus
2623	LT-04	Anykščiai
2624	LT-05	Birštonas
2625	LT-06	Biržai
2626	LT-07	Druskininkai
2627	LT-08	Elektrėnai
2628	LT-09	Ignalina
2629	LT-10	Jonava
2630	LT-11	Joniškis
2631	LT-12	Jurbarkas
2632	LT-13	Kaišiadorys
2633	LT-14	Kalvarija
2634	LT-15	Kauno miestas
2635	LT-16	Kaunas
2636	LT-17	Kazlų Rūdos
2637	LT-18	Kėdainiai
2638	LT-19	Kelmė
2639	LT-20	Klaipėdos miestas
2640	LT-21	Klaipėda
2641	LT-22	Kretinga
2642	LT-23	Kupiškis
2643	LT-24	Lazdijai
2644	LT-25	Marijampolė
2645	LT-26	Mažeikiai
2646	LT-27	Molėtai
2647	LT-28	Neringa
2648	LT-29	Pagėgiai
2649	LT-30	Pakruojis
2650	LT-31	Palangos miestas
2651	LT-32	Panevėžio miestas
2652	LT-33	Panevėžys
2653	LT-34	Pasvalys
2654	LT-35	Plungė
2655	LT-36	Prienai
2656	LT-37	Radviliškis
2657	LT-38	Raseiniai
2658	LT-39	Rietavas
2659	LT-40	Rokiškis
2660	LT-41	Šakiai
2661	LT-42	Šalčininkai
2662	LT-43	Šiaulių miestas
2663	LT-44	Šiauliai
2664	LT-45	Šilalė
2665	LT-46	Šilutė
2666	LT-47	Širvintos
2667	LT-48	Skuodas
2668	LT-49	Švenčionys
2669	LT-50	Tauragė
2670	LT-51	Telšiai
2671	LT-52	Trakai
2672	LT-53	Ukmergė
2673	LT-54	Utena
2674	LT-55	Varėna
2675	LT-56	Vilkaviškis
2676	LT-57	Vilniaus miestas
2677	LT-58	Vilnius
2678	LT-59	Visaginas
2679	LT-60	Zarasai
2680	LT-AL	Alytaus apskritis
2681	LT-KL	Klaipėdos apskritis
2682	LT-KU	Kauno apskritis
2683	LT-MR	Marijampolės apskritis
2684	LT-PN	Panevėžio apskritis
2685	LT-SA	Šiaulių apskritis
2686	LT-TA	Tauragės apskritis
2687	LT-TE	Telšių apskritis
2688	LT-UT	Utenos apskritis
2689	LT-VL	Vilniaus apskritis
2690	LU-CA	Capellen
2691	LU-CL	Clervaux
2692	LU-DI	Diekirch
2693	LU-EC	Echternach
2694	LU-ES	Esch-sur-Alzette
2695	LU-GR	Grevenmacher
2696	LU-LU	Luxembourg
2697	LU-ME	Mersch
2698	LU-RD	Redange
2699	LU-RM	Remich
2700	LU-VD	Vianden
2701	LU-WI	Wiltz
2702	LV-002	Aizkraukles novads
2703	LV-007	Alūksnes novads
2704	LV-011	Ādažu novads
2705	LV-015	Balvu novads
2706	LV-016	Bauskas novads
2707	LV-022	Cēsu novads
2708	LV-026	Dobeles novads
2709	LV-033	Gulbenes novads
2710	LV-041	Jelgavas novads
2711	LV-042	Jēkabpils novads
2712	LV-047	Krāslavas novads
2713	LV-050	Kuldīgas novads
2714	LV-052	Ķekavas novads
2715	LV-054	Limbažu novads
2716	LV-056	Līvānu novads
2717	LV-058	Ludzas novads
2718	LV-059	Madonas novads
2719	LV-062	Mārupes novads
2720	LV-067	Ogres novads
2721	LV-068	Olaines novads
2722	LV-073	Preiļu novads
2723	LV-077	Rēzeknes novads
2724	LV-080	Ropažu novads
2725	LV-087	Salaspils novads
2726	LV-088	Saldus novads
2727	LV-089	Saulkrastu novads
2728	LV-091	Siguldas novads
2729	LV-094	Smiltenes novads
2730	LV-097	Talsu novads
2731	LV-099	Tukuma novads
2732	LV-101	Valkas novads
2733	LV-102	Varakļānu novads
2734	LV-106	Ventspils novads
2735	LV-111	Augšdaugavas novads
2736	LV-112	Dienvidkurzemes Novads
2737	LV-113	Valmieras Novads
2738	LV-DGV	Daugavpils
2739	LV-JEL	Jelgava
2740	LV-JUR	Jūrmala
2741	LV-LPX	Liepāja
2742	LV-REZ	Rēzekne
2743	LV-RIX	Rīga
2744	LV-VEN	Ventspils
2745	LY-BA	Banghāzī
2746	LY-BU	Al Buţnān
2747	LY-DR	Darnah
2748	LY-GT	Ghāt
2749	LY-JA	Al Jabal al Akhḑar
2750	LY-JG	Al Jabal al Gharbī
2751	LY-JI	Al Jafārah
2752	LY-JU	Al Jufrah
2753	LY-KF	Al Kufrah
2754	LY-MB	Al Marqab
2755	LY-MI	Mişrātah
2756	LY-MJ	Al Marj
2757	LY-MQ	Murzuq
2758	LY-NL	Nālūt
2759	LY-NQ	An Nuqāţ al Khams
2760	LY-SB	Sabhā
2761	LY-SR	Surt
2762	LY-TB	Ţarābulus
2763	LY-WA	Al Wāḩāt
2764	LY-WD	Wādī al Ḩayāt
2765	LY-WS	Wādī ash Shāţi’
2766	LY-ZA	Az Zāwiyah
2767	MA-01	Tanger-Tétouan-Al Hoceïma
2768	MA-02	L'Oriental
2769	MA-03	Fès-Meknès
2770	MA-04	Rabat-Salé-Kénitra
2771	MA-05	Béni Mellal-Khénifra
2772	MA-06	Casablanca-Settat
2773	MA-07	Marrakech-Safi
2774	MA-08	Drâa-Tafilalet
2775	MA-09	Souss-Massa
2776	MA-10	Guelmim-Oued Noun (EH-partial)
2777	MA-11	Laâyoune-Sakia El Hamra (EH-partial)
2778	MA-12	Dakhla-Oued Ed-Dahab (EH)
2779	MA-AGD	Agadir-Ida-Ou-Tanane
2780	MA-AOU	Aousserd (EH)
2781	MA-ASZ	Assa-Zag (EH-partial)
2782	MA-AZI	Azilal
2783	MA-BEM	Béni Mellal
2784	MA-BER	Berkane
2785	MA-BES	Benslimane
2786	MA-BOD	Boujdour (EH)
2787	MA-BOM	Boulemane
2788	MA-BRR	Berrechid
2789	MA-CAS	Casablanca
2790	MA-CHE	Chefchaouen
2791	MA-CHI	Chichaoua
2792	MA-CHT	Chtouka-Ait Baha
2793	MA-DRI	Driouch
2794	MA-ERR	Errachidia
2795	MA-ESI	Essaouira
2796	MA-ESM	Es-Semara (EH-partial)
2797	MA-FAH	Fahs-Anjra
2798	MA-FES	Fès
2799	MA-FIG	Figuig
2800	MA-FQH	Fquih Ben Salah
2801	MA-GUE	Guelmim
2802	MA-GUF	Guercif
2803	MA-HAJ	El Hajeb
2804	MA-HAO	Al Haouz
2805	MA-HOC	Al Hoceïma
2806	MA-IFR	Ifrane
2807	MA-INE	Inezgane-Ait Melloul
2808	MA-JDI	El Jadida
2809	MA-JRA	Jerada
2810	MA-KEN	Kénitra
2811	MA-KES	El Kelâa des Sraghna
2812	MA-KHE	Khémisset
2813	MA-KHN	Khénifra
2814	MA-KHO	Khouribga
2815	MA-LAA	Laâyoune (EH)
2816	MA-LAR	Larache
2817	MA-MAR	Marrakech
2818	MA-MDF	M’diq-Fnideq
2819	MA-MED	Médiouna
2820	MA-MEK	Meknès
2821	MA-MID	Midelt
2822	MA-MOH	Mohammadia
2823	MA-MOU	Moulay Yacoub
2824	MA-NAD	Nador
2825	MA-NOU	Nouaceur
2826	MA-OUA	Ouarzazate
2827	MA-OUD	Oued Ed-Dahab (EH)
2828	MA-OUJ	Oujda-Angad
2829	MA-OUZ	Ouezzane
2830	MA-RAB	Rabat
2831	MA-REH	Rehamna
2832	MA-SAF	Safi
2833	MA-SAL	Salé
2834	MA-SEF	Sefrou
2835	MA-SET	Settat
2836	MA-SIB	Sidi Bennour
2837	MA-SIF	Sidi Ifni
2838	MA-SIK	Sidi Kacem
2839	MA-SIL	Sidi Slimane
2840	MA-SKH	Skhirate-Témara
2841	MA-TAF	Tarfaya (EH-partial)
2842	MA-TAI	Taourirt
2843	MA-TAO	Taounate
2844	MA-TAR	Taroudannt
2845	MA-TAT	Tata
2846	MA-TAZ	Taza
2847	MA-TET	Tétouan
2848	MA-TIN	Tinghir
2849	MA-TIZ	Tiznit
2850	MA-TNG	Tanger-Assilah
2851	MA-TNT	Tan-Tan (EH-partial)
2852	MA-YUS	Youssoufia
2853	MA-ZAG	Zagora
2854	MC-CL	La Colle
2855	MC-CO	La Condamine
2856	MC-FO	Fontvieille
2857	MC-GA	La Gare
2858	MC-JE	Jardin Exotique
2859	MC-LA	Larvotto
2860	MC-MA	Malbousquet
2861	MC-MC	Monte-Carlo
2862	MC-MG	Moneghetti
2863	MC-MO	Monaco-Ville
2864	MC-MU	Moulins
2865	MC-PH	Port-Hercule
2866	MC-SD	Sainte-Dévote
2867	MC-SO	La Source
2868	MC-SP	Spélugues
2869	MC-SR	Saint-Roman
2870	MC-VR	Vallon de la Rousse
2871	MD-AN	Anenii Noi
2872	MD-BA	Bălți
2873	MD-BD	Bender [Tighina]
2874	MD-BR	Briceni
2875	MD-BS	Basarabeasca
2876	MD-CA	Cahul
2877	MD-CL	Călărași
2878	MD-CM	Cimișlia
2879	MD-CR	Criuleni
2880	MD-CS	Căușeni
2881	MD-CT	Cantemir
2882	MD-CU	Chișinău
2883	MD-DO	Dondușeni
2884	MD-DR	Drochia
2885	MD-DU	Dubăsari
2886	MD-ED	Edineț
2887	MD-FA	Fălești
2888	MD-FL	Florești
2889	MD-GA	Găgăuzia, Unitatea teritorială autonomă (UTAG)
2890	MD-GL	Glodeni
2891	MD-HI	Hîncești
2892	MD-IA	Ialoveni
2893	MD-LE	Leova
2894	MD-NI	Nisporeni
2895	MD-OC	Ocnița
2896	MD-OR	Orhei
2897	MD-RE	Rezina
2898	MD-RI	Rîșcani
2899	MD-SD	Șoldănești
2900	MD-SI	Sîngerei
2901	MD-SN	Stînga Nistrului, unitatea teritorială din
2902	MD-SO	Soroca
2903	MD-ST	Strășeni
2904	MD-SV	Ștefan Vodă
2905	MD-TA	Taraclia
2906	MD-TE	Telenești
2907	MD-UN	Ungheni
2908	ME-01	Andrijevica
2909	ME-02	Bar
2910	ME-03	Berane
2911	ME-04	Bijelo Polje
2912	ME-05	Budva
2913	ME-06	Cetinje
2914	ME-07	Danilovgrad
2915	ME-08	Herceg-Novi
2916	ME-09	Kolašin
2917	ME-10	Kotor
2918	ME-11	Mojkovac
2919	ME-12	Nikšić
2920	ME-13	Plav
2921	ME-14	Pljevlja
2922	ME-15	Plužine
2923	ME-16	Podgorica
2924	ME-17	Rožaje
2925	ME-18	Šavnik
2926	ME-19	Tivat
2927	ME-20	Ulcinj
2928	ME-21	Žabljak
2929	ME-22	Gusinje
2930	ME-23	Petnjica
2931	ME-24	Tuzi
2932	ME-25	Zeta
2933	MG-A	Toamasina
2934	MG-D	Antsiranana
2935	MG-F	Fianarantsoa
2936	MG-M	Mahajanga
2937	MG-T	Antananarivo
2938	MG-U	Toliara
2939	MH-ALK	Ailuk
2940	MH-ALL	Ailinglaplap
2941	MH-ARN	Arno
2942	MH-AUR	Aur
2943	MH-EBO	Ebon
2944	MH-ENI	Enewetak & Ujelang
2945	MH-JAB	Jabat
2946	MH-JAL	Jaluit
2947	MH-KIL	Bikini & Kili
2948	MH-KWA	Kwajalein
2949	MH-L	Ralik chain
2950	MH-LAE	Lae
2951	MH-LIB	Lib
2952	MH-LIK	Likiep
2953	MH-MAJ	Majuro
2954	MH-MAL	Maloelap
2955	MH-MEJ	Mejit
2956	MH-MIL	Mili
2957	MH-NMK	Namdrik
2958	MH-NMU	Namu
2959	MH-RON	Rongelap
2960	MH-T	Ratak chain
2961	MH-UJA	Ujae
2962	MH-UTI	Utrik
2963	MH-WTH	Wotho
2964	MH-WTJ	Wotje
2965	MK-101	Veles
2966	MK-102	Gradsko
2967	MK-103	Demir Kapija
2968	MK-104	Kavadarci
2969	MK-105	Lozovo
2970	MK-106	Negotino
2971	MK-107	Rosoman
2972	MK-108	Sveti Nikole
2973	MK-109	Čaška
2974	MK-201	Berovo
2975	MK-202	Vinica
2976	MK-203	Delčevo
2977	MK-204	Zrnovci
2978	MK-205	Karbinci
2979	MK-206	Kočani
2980	MK-207	Makedonska Kamenica
2981	MK-208	Pehčevo
2982	MK-209	Probištip
2983	MK-210	Češinovo-Obleševo
2984	MK-211	Štip
2985	MK-301	Vevčani
2986	MK-303	Debar
2987	MK-304	Debrca
2988	MK-307	Kičevo
2989	MK-308	Makedonski Brod
2990	MK-310	Ohrid
2991	MK-311	Plasnica
2992	MK-312	Struga
2993	MK-313	Centar Župa
2994	MK-401	Bogdanci
2995	MK-402	Bosilovo
2996	MK-403	Valandovo
2997	MK-404	Vasilevo
2998	MK-405	Gevgelija
2999	MK-406	Dojran
3000	MK-407	Konče
3001	MK-408	Novo Selo
3002	MK-409	Radoviš
3003	MK-410	Strumica
3004	MK-501	Bitola
3005	MK-502	Demir Hisar
3006	MK-503	Dolneni
3007	MK-504	Krivogaštani
3008	MK-505	Kruševo
3009	MK-506	Mogila
3010	MK-507	Novaci
3011	MK-508	Prilep
3012	MK-509	Resen
3013	MK-601	Bogovinje
3014	MK-602	Brvenica
3015	MK-603	Vrapčište
3016	MK-604	Gostivar
3017	MK-605	Želino
3018	MK-606	Jegunovce
3019	MK-607	Mavrovo i Rostuše
3020	MK-608	Tearce
3021	MK-609	Tetovo
3022	MK-701	Kratovo
3023	MK-702	Kriva Palanka
3024	MK-703	Kumanovo
3025	MK-704	Lipkovo
3026	MK-705	Rankovce
3027	MK-706	Staro Nagoričane
3028	MK-801	Aerodrom †
3029	MK-802	Aračinovo
3030	MK-803	Butel †
3031	MK-804	Gazi Baba †
3032	MK-805	Gjorče Petrov †
3033	MK-806	Zelenikovo
3034	MK-807	Ilinden
3035	MK-808	Karpoš †
3036	MK-809	Kisela Voda †
3037	MK-810	Petrovec
3038	MK-811	Saraj †
3039	MK-812	Sopište
3040	MK-813	Studeničani
3041	MK-814	Centar †
3042	MK-815	Čair †
3043	MK-816	Čučer-Sandevo
3044	MK-817	Šuto Orizari †
3045	ML-1	Kayes
3046	ML-10	Taoudénit
3047	ML-2	Koulikoro
3048	ML-3	Sikasso
3049	ML-4	Ségou
3050	ML-5	Mopti
3051	ML-6	Tombouctou
3052	ML-7	Gao
3053	ML-8	Kidal
3054	ML-9	Ménaka
3055	ML-BKO	Bamako
3056	MM-01	Sagaing
3057	MM-02	Bago
3058	MM-03	Magway
3059	MM-04	Mandalay
3060	MM-05	Tanintharyi
3061	MM-06	Yangon
3062	MM-07	Ayeyarwady
3063	MM-11	Kachin
3064	MM-12	Kayah
3065	MM-13	Kayin
3066	MM-14	Chin
3067	MM-15	Mon
3068	MM-16	Rakhine
3069	MM-17	Shan
3070	MM-18	Nay Pyi Taw
3071	MN-035	Orhon
3072	MN-037	Darhan uul
3073	MN-039	Hentiy
3074	MN-041	Hövsgöl
3075	MN-043	Hovd
3076	MN-046	Uvs
3077	MN-047	Töv
3078	MN-049	Selenge
3079	MN-051	Sühbaatar
3080	MN-053	Ömnögovĭ
3081	MN-055	Övörhangay
3082	MN-057	Dzavhan
3083	MN-059	Dundgovĭ
3084	MN-061	Dornod
3085	MN-063	Dornogovĭ
3086	MN-064	Govĭ-Sümber
3087	MN-065	Govĭ-Altay
3088	MN-067	Bulgan
3089	MN-069	Bayanhongor
3090	MN-071	Bayan-Ölgiy
3091	MN-073	Arhangay
3092	MN-1	Ulaanbaatar
3093	MR-01	Hodh ech Chargui
3094	MR-02	Hodh el Gharbi
3095	MR-03	Assaba
3096	MR-04	Gorgol
3097	MR-05	Brakna
3098	MR-06	Trarza
3099	MR-07	Adrar
3100	MR-08	Dakhlet Nouâdhibou
3101	MR-09	Tagant
3102	MR-10	Guidimaka
3103	MR-11	Tiris Zemmour
3104	MR-12	Inchiri
3105	MR-13	Nouakchott Ouest
3106	MR-14	Nouakchott Nord
3107	MR-15	Nouakchott Sud
3108	MT-01	Attard
3109	MT-02	Balzan
3110	MT-03	Birgu
3111	MT-04	Birkirkara
3112	MT-05	Birżebbuġa
3113	MT-06	Bormla
3114	MT-07	Dingli
3115	MT-08	Fgura
3116	MT-09	Floriana
3117	MT-10	Fontana
3118	MT-11	Gudja
3119	MT-12	Gżira
3120	MT-13	Għajnsielem
3121	MT-14	Għarb
3122	MT-15	Għargħur
3123	MT-16	Għasri
3124	MT-17	Għaxaq
3125	MT-18	Ħamrun
3126	MT-19	Iklin
3127	MT-20	Isla
3128	MT-21	Kalkara
3129	MT-22	Kerċem
3130	MT-23	Kirkop
3131	MT-24	Lija
3132	MT-25	Luqa
3133	MT-26	Marsa
3134	MT-27	Marsaskala
3135	MT-28	Marsaxlokk
3136	MT-29	Mdina
3137	MT-30	Mellieħa
3138	MT-31	Mġarr
3139	MT-32	Mosta
3140	MT-33	Mqabba
3141	MT-34	Msida
3142	MT-35	Mtarfa
3143	MT-36	Munxar
3144	MT-37	Nadur
3145	MT-38	Naxxar
3146	MT-39	Paola
3147	MT-40	Pembroke
3148	MT-41	Pietà
3149	MT-42	Qala
3150	MT-43	Qormi
3151	MT-44	Qrendi
3152	MT-45	Rabat Gozo
3153	MT-46	Rabat Malta
3154	MT-47	Safi
3155	MT-48	Saint Julian's
3156	MT-49	Saint John
3157	MT-50	Saint Lawrence
3158	MT-51	Saint Paul's Bay
3159	MT-52	Sannat
3160	MT-53	Saint Lucia's
3161	MT-54	Santa Venera
3162	MT-55	Siġġiewi
3163	MT-56	Sliema
3164	MT-57	Swieqi
3165	MT-58	Ta' Xbiex
3166	MT-59	Tarxien
3167	MT-60	Valletta
3168	MT-61	Xagħra
3169	MT-62	Xewkija
3170	MT-63	Xgħajra
3171	MT-64	Żabbar
3172	MT-65	Żebbuġ Gozo
3173	MT-66	Żebbuġ Malta
3174	MT-67	Żejtun
3175	MT-68	Żurrieq
3176	MU-AG	Agalega Islands
3177	MU-BL	Black River
3178	MU-CC	Cargados Carajos Shoals
3179	MU-FL	Flacq
3180	MU-GP	Grand Port
3181	MU-MO	Moka
3182	MU-PA	Pamplemousses
3183	MU-PL	Port Louis
3184	MU-PW	Plaines Wilhems
3185	MU-RO	Rodrigues Island
3186	MU-RR	Rivière du Rempart
3187	MU-SA	Savanne
3188	MV-00	South Ari Atoll
3189	MV-01	Addu City
3190	MV-02	North Ari Atoll
3191	MV-03	Faadhippolhu
3192	MV-04	Felidhu Atoll
3193	MV-05	Hahdhunmathi
3194	MV-07	North Thiladhunmathi
3195	MV-08	Kolhumadulu
3196	MV-12	Mulaku Atoll
3197	MV-13	North Maalhosmadulu
3198	MV-14	North Nilandhe Atoll
3199	MV-17	South Nilandhe Atoll
3200	MV-20	South Maalhosmadulu
3201	MV-23	South Thiladhunmathi
3202	MV-24	North Miladhunmadulu
3203	MV-25	South Miladhunmadulu
3204	MV-26	Male Atoll
3205	MV-27	North Huvadhu Atoll
3206	MV-28	South Huvadhu Atoll
3207	MV-29	Fuvammulah
3208	MV-MLE	Male
3209	MW-BA	Balaka
3210	MW-BL	Blantyre
3211	MW-C	Central Region
3212	MW-CK	Chikwawa
3213	MW-CR	Chiradzulu
3214	MW-CT	Chitipa
3215	MW-DE	Dedza
3216	MW-DO	Dowa
3217	MW-KR	Karonga
3218	MW-KS	Kasungu
3219	MW-LI	Lilongwe
3220	MW-LK	Likoma
3221	MW-MC	Mchinji
3222	MW-MG	Mangochi
3223	MW-MH	Machinga
3224	MW-MU	Mulanje
3225	MW-MW	Mwanza
3226	MW-MZ	Mzimba
3227	MW-N	Northern Region
3228	MW-NB	Nkhata Bay
3229	MW-NE	Neno
3230	MW-NI	Ntchisi
3231	MW-NK	Nkhotakota
3232	MW-NS	Nsanje
3233	MW-NU	Ntcheu
3234	MW-PH	Phalombe
3235	MW-RU	Rumphi
3236	MW-S	Southern Region
3237	MW-SA	Salima
3238	MW-TH	Thyolo
3239	MW-ZO	Zomba
3240	MX-AGU	Aguascalientes
3241	MX-BCN	Baja California
3242	MX-BCS	Baja California Sur
3243	MX-CAM	Campeche
3244	MX-CHH	Chihuahua
3245	MX-CHP	Chiapas
3246	MX-CMX	Ciudad de México
3247	MX-COA	Coahuila de Zaragoza
3248	MX-COL	Colima
3249	MX-DUR	Durango
3250	MX-GRO	Guerrero
3251	MX-GUA	Guanajuato
3252	MX-HID	Hidalgo
3253	MX-JAL	Jalisco
3254	MX-MEX	México
3255	MX-MIC	Michoacán de Ocampo
3256	MX-MOR	Morelos
3257	MX-NAY	Nayarit
3258	MX-NLE	Nuevo León
3259	MX-OAX	Oaxaca
3260	MX-PUE	Puebla
3261	MX-QUE	Querétaro
3262	MX-ROO	Quintana Roo
3263	MX-SIN	Sinaloa
3264	MX-SLP	San Luis Potosí
3265	MX-SON	Sonora
3266	MX-TAB	Tabasco
3267	MX-TAM	Tamaulipas
3268	MX-TLA	Tlaxcala
3269	MX-VER	Veracruz de Ignacio de la Llave
3270	MX-YUC	Yucatán
3271	MX-ZAC	Zacatecas
3272	MY-01	Johor
3273	MY-02	Kedah
3274	MY-03	Kelantan
3275	MY-04	Melaka
3276	MY-05	Negeri Sembilan
3277	MY-06	Pahang
3278	MY-07	Pulau Pinang
3279	MY-08	Perak
3280	MY-09	Perlis
3281	MY-10	Selangor
3282	MY-11	Terengganu
3283	MY-12	Sabah
3284	MY-13	Sarawak
3285	MY-14	Wilayah Persekutuan Kuala Lumpur
3286	MY-15	Wilayah Persekutuan Labuan
3287	MY-16	Wilayah Persekutuan Putrajaya
3288	MZ-A	Niassa
3289	MZ-B	Manica
3290	MZ-G	Gaza
3291	MZ-I	Inhambane
3292	MZ-L	Maputo
3293	MZ-MPM	Maputo
3294	MZ-N	Nampula
3295	MZ-P	Cabo Delgado
3296	MZ-Q	Zambézia
3297	MZ-S	Sofala
3298	MZ-T	Tete
3299	NA-CA	Zambezi
3300	NA-ER	Erongo
3301	NA-HA	Hardap
3302	NA-KA	//Karas
3303	NA-KE	Kavango East
3304	NA-KH	Khomas
3305	NA-KU	Kunene
3306	NA-KW	Kavango West
3307	NA-OD	Otjozondjupa
3308	NA-OH	Omaheke
3309	NA-ON	Oshana
3310	NA-OS	Omusati
3311	NA-OT	Oshikoto
3312	NA-OW	Ohangwena
3313	NE-1	Agadez
3314	NE-2	Diffa
3315	NE-3	Dosso
3316	NE-4	Maradi
3317	NE-5	Tahoua
3318	NE-6	Tillabéri
3319	NE-7	Zinder
3320	NE-8	Niamey
3321	NG-AB	Abia
3322	NG-AD	Adamawa
3323	NG-AK	Akwa Ibom
3324	NG-AN	Anambra
3325	NG-BA	Bauchi
3326	NG-BE	Benue
3327	NG-BO	Borno
3328	NG-BY	Bayelsa
3329	NG-CR	Cross River
3330	NG-DE	Delta
3331	NG-EB	Ebonyi
3332	NG-ED	Edo
3333	NG-EK	Ekiti
3334	NG-EN	Enugu
3335	NG-FC	Abuja Federal Capital Territory
3336	NG-GO	Gombe
3337	NG-IM	Imo
3338	NG-JI	Jigawa
3339	NG-KD	Kaduna
3340	NG-KE	Kebbi
3341	NG-KN	Kano
3342	NG-KO	Kogi
3343	NG-KT	Katsina
3344	NG-KW	Kwara
3345	NG-LA	Lagos
3346	NG-NA	Nasarawa
3347	NG-NI	Niger
3348	NG-OG	Ogun
3349	NG-ON	Ondo
3350	NG-OS	Osun
3351	NG-OY	Oyo
3352	NG-PL	Plateau
3353	NG-RI	Rivers
3354	NG-SO	Sokoto
3355	NG-TA	Taraba
3356	NG-YO	Yobe
3357	NG-ZA	Zamfara
3358	NI-AN	Costa Caribe Norte
3359	NI-AS	Costa Caribe Sur
3360	NI-BO	Boaco
3361	NI-CA	Carazo
3362	NI-CI	Chinandega
3363	NI-CO	Chontales
3364	NI-ES	Estelí
3365	NI-GR	Granada
3366	NI-JI	Jinotega
3367	NI-LE	León
3368	NI-MD	Madriz
3369	NI-MN	Managua
3370	NI-MS	Masaya
3371	NI-MT	Matagalpa
3372	NI-NS	Nueva Segovia
3373	NI-RI	Rivas
3374	NI-SJ	Río San Juan
3375	NL-AW	Aruba
3376	NL-BQ1	Bonaire
3377	NL-BQ2	Saba
3378	NL-BQ3	Sint Eustatius
3379	NL-CW	Curaçao
3380	NL-DR	Drenthe
3381	NL-FL	Flevoland
3382	NL-FR	Fryslân
3383	NL-GE	Gelderland
3384	NL-GR	Groningen
3385	NL-LI	Limburg
3386	NL-NB	Noord-Brabant
3387	NL-NH	Noord-Holland
3388	NL-OV	Overijssel
3389	NL-SX	Sint Maarten
3390	NL-UT	Utrecht
3391	NL-ZE	Zeeland
3392	NL-ZH	Zuid-Holland
3393	NO-03	Oslo
3394	NO-11	Rogaland
3395	NO-15	Møre og Romsdal
3396	NO-18	Nordland
3397	NO-21	Svalbard (Arctic Region)
3398	NO-22	Jan Mayen (Arctic Region)
3399	NO-30	Viken
3400	NO-34	Innlandet
3401	NO-38	Vestfold og Telemark
3402	NO-42	Agder
3403	NO-46	Vestland
3404	NO-50	Trøndelag
3405	NO-54	Troms og Finnmark
3406	NP-P1	Koshi
3407	NP-P2	Madhesh
3408	NP-P3	Bagmati
3409	NP-P4	Gandaki
3410	NP-P5	Lumbini
3411	NP-P6	Karnali
3412	NP-P7	Sudurpashchim
3413	NR-01	Aiwo
3414	NR-02	Anabar
3415	NR-03	Anetan
3416	NR-04	Anibare
3417	NR-05	Baitsi
3418	NR-06	Boe
3419	NR-07	Buada
3420	NR-08	Denigomodu
3421	NR-09	Ewa
3422	NR-10	Ijuw
3423	NR-11	Meneng
3424	NR-12	Nibok
3425	NR-13	Uaboe
3426	NR-14	Yaren
3427	NZ-AUK	Auckland
3428	NZ-BOP	Bay of Plenty
3429	NZ-CAN	Canterbury
3430	NZ-CIT	Chatham Islands Territory
3431	NZ-GIS	Gisborne
3432	NZ-HKB	Hawke's Bay
3433	NZ-MBH	Marlborough
3434	NZ-MWT	Manawatū-Whanganui
3435	NZ-NSN	Nelson
3436	NZ-NTL	Northland
3437	NZ-OTA	Otago
3438	NZ-STL	Southland
3439	NZ-TAS	Tasman
3440	NZ-TKI	Taranaki
3441	NZ-WGN	Greater Wellington
3442	NZ-WKO	Waikato
3443	NZ-WTC	West Coast
3444	OM-BJ	Janūb al Bāţinah
3445	OM-BS	Shamāl al Bāţinah
3446	OM-BU	Al Buraymī
3447	OM-DA	Ad Dākhilīyah
3448	OM-MA	Masqaţ
3449	OM-MU	Musandam
3450	OM-SJ	Janūb ash Sharqīyah
3451	OM-SS	Shamāl ash Sharqīyah
3452	OM-WU	Al Wusţá
3453	OM-ZA	Az̧ Z̧āhirah
3454	OM-ZU	Z̧ufār
3455	PA-1	Bocas del Toro
3456	PA-10	Panamá Oeste
3457	PA-2	Coclé
3458	PA-3	Colón
3459	PA-4	Chiriquí
3460	PA-5	Darién
3461	PA-6	Herrera
3462	PA-7	Los Santos
3463	PA-8	Panamá
3464	PA-9	Veraguas
3465	PA-EM	Emberá
3466	PA-KY	Guna Yala
3467	PA-NB	Ngäbe-Buglé
3468	PA-NT	Naso Tjër Di
3469	PE-AMA	Amazonas
3470	PE-ANC	Ancash
3471	PE-APU	Apurímac
3472	PE-ARE	Arequipa
3473	PE-AYA	Ayacucho
3474	PE-CAJ	Cajamarca
3475	PE-CAL	El Callao
3476	PE-CUS	Cusco
3477	PE-HUC	Huánuco
3478	PE-HUV	Huancavelica
3479	PE-ICA	Ica
3480	PE-JUN	Junín
3481	PE-LAL	La Libertad
3482	PE-LAM	Lambayeque
3483	PE-LIM	Lima
3484	PE-LMA	Municipalidad Metropolitana de Lima
3485	PE-LOR	Loreto
3486	PE-MDD	Madre de Dios
3487	PE-MOQ	Moquegua
3488	PE-PAS	Pasco
3489	PE-PIU	Piura
3490	PE-PUN	Puno
3491	PE-SAM	San Martín
3492	PE-TAC	Tacna
3493	PE-TUM	Tumbes
3494	PE-UCA	Ucayali
3495	PG-CPK	Chimbu
3496	PG-CPM	Central
3497	PG-EBR	East New Britain
3498	PG-EHG	Eastern Highlands
3499	PG-EPW	Enga
3500	PG-ESW	East Sepik
3501	PG-GPK	Gulf
3502	PG-HLA	Hela
3503	PG-JWK	Jiwaka
3504	PG-MBA	Milne Bay
3505	PG-MPL	Morobe
3506	PG-MPM	Madang
3507	PG-MRL	Manus
3508	PG-NCD	National Capital District (Port Moresby)
3509	PG-NIK	New Ireland
3510	PG-NPP	Northern
3511	PG-NSB	Bougainville
3512	PG-SAN	West Sepik
3513	PG-SHM	Southern Highlands
3514	PG-WBK	West New Britain
3515	PG-WHM	Western Highlands
3516	PG-WPD	Western
3517	PH-00	National Capital Region
3518	PH-01	Ilocos (Region I)
3519	PH-02	Cagayan Valley (Region II)
3520	PH-03	Central Luzon (Region III)
3521	PH-05	Bicol (Region V)
3522	PH-06	Western Visayas (Region VI)
3523	PH-07	Central Visayas (Region VII)
3524	PH-08	Eastern Visayas (Region VIII)
3525	PH-09	Zamboanga Peninsula (Region IX)
3526	PH-10	Northern Mindanao (Region X)
3527	PH-11	Davao (Region XI)
3528	PH-12	Soccsksargen (Region XII)
3529	PH-13	Caraga (Region XIII)
3530	PH-14	Autonomous Region in Muslim Mindanao (ARMM)
3531	PH-15	Cordillera Administrative Region (CAR)
3532	PH-40	Calabarzon (Region IV-A)
3533	PH-41	Mimaropa (Region IV-B)
3534	PH-ABR	Abra
3535	PH-AGN	Agusan del Norte
3536	PH-AGS	Agusan del Sur
3537	PH-AKL	Aklan
3538	PH-ALB	Albay
3539	PH-ANT	Antique
3540	PH-APA	Apayao
3541	PH-AUR	Aurora
3542	PH-BAN	Bataan
3543	PH-BAS	Basilan
3544	PH-BEN	Benguet
3545	PH-BIL	Biliran
3546	PH-BOH	Bohol
3547	PH-BTG	Batangas
3548	PH-BTN	Batanes
3549	PH-BUK	Bukidnon
3550	PH-BUL	Bulacan
3551	PH-CAG	Cagayan
3552	PH-CAM	Camiguin
3553	PH-CAN	Camarines Norte
3554	PH-CAP	Capiz
3555	PH-CAS	Camarines Sur
3556	PH-CAT	Catanduanes
3557	PH-CAV	Cavite
3558	PH-CEB	Cebu
3559	PH-COM	Davao de Oro
3560	PH-DAO	Davao Oriental
3561	PH-DAS	Davao del Sur
3562	PH-DAV	Davao del Norte
3563	PH-DIN	Dinagat Islands
3564	PH-DVO	Davao Occidental
3565	PH-EAS	Eastern Samar
3566	PH-GUI	Guimaras
3567	PH-IFU	Ifugao
3568	PH-ILI	Iloilo
3569	PH-ILN	Ilocos Norte
3570	PH-ILS	Ilocos Sur
3571	PH-ISA	Isabela
3572	PH-KAL	Kalinga
3573	PH-LAG	Laguna
3574	PH-LAN	Lanao del Norte
3575	PH-LAS	Lanao del Sur
3576	PH-LEY	Leyte
3577	PH-LUN	La Union
3578	PH-MAD	Marinduque
3579	PH-MAS	Masbate
3580	PH-MDC	Mindoro Occidental
3581	PH-MDR	Mindoro Oriental
3582	PH-MGN	Maguindanao del Norte
3583	PH-MGS	Maguindanao del Sur
3584	PH-MOU	Mountain Province
3585	PH-MSC	Misamis Occidental
3586	PH-MSR	Misamis Oriental
3587	PH-NCO	Cotabato
3588	PH-NEC	Negros Occidental
3589	PH-NER	Negros Oriental
3590	PH-NSA	Northern Samar
3591	PH-NUE	Nueva Ecija
3592	PH-NUV	Nueva Vizcaya
3593	PH-PAM	Pampanga
3594	PH-PAN	Pangasinan
3595	PH-PLW	Palawan
3596	PH-QUE	Quezon
3597	PH-QUI	Quirino
3598	PH-RIZ	Rizal
3599	PH-ROM	Romblon
3600	PH-SAR	Sarangani
3601	PH-SCO	South Cotabato
3602	PH-SIG	Siquijor
3603	PH-SLE	Southern Leyte
3604	PH-SLU	Sulu
3605	PH-SOR	Sorsogon
3606	PH-SUK	Sultan Kudarat
3607	PH-SUN	Surigao del Norte
3608	PH-SUR	Surigao del Sur
3609	PH-TAR	Tarlac
3610	PH-TAW	Tawi-Tawi
3611	PH-WSA	Samar
3612	PH-ZAN	Zamboanga del Norte
3613	PH-ZAS	Zamboanga del Sur
3614	PH-ZMB	Zambales
3615	PH-ZSI	Zamboanga Sibugay
3616	PK-BA	Balochistan
3617	PK-GB	Gilgit-Baltistan
3618	PK-IS	Islamabad
3619	PK-JK	Azad Jammu and Kashmir
3620	PK-KP	Khyber Pakhtunkhwa
3621	PK-PB	Punjab
3622	PK-SD	Sindh
3623	PL-02	Dolnośląskie
3624	PL-04	Kujawsko-Pomorskie
3625	PL-06	Lubelskie
3626	PL-08	Lubuskie
3627	PL-10	Łódzkie
3628	PL-12	Małopolskie
3629	PL-14	Mazowieckie
3630	PL-16	Opolskie
3631	PL-18	Podkarpackie
3632	PL-20	Podlaskie
3633	PL-22	Pomorskie
3634	PL-24	Śląskie
3635	PL-26	Świętokrzyskie
3636	PL-28	Warmińsko-Mazurskie
3637	PL-30	Wielkopolskie
3638	PL-32	Zachodniopomorskie
3639	PS-BTH	Bethlehem
3640	PS-DEB	Deir El Balah
3641	PS-GZA	Gaza
3642	PS-HBN	Hebron
3643	PS-JEM	Jerusalem
3644	PS-JEN	Jenin
3645	PS-JRH	Jericho and Al Aghwar
3646	PS-KYS	Khan Yunis
3647	PS-NBS	Nablus
3648	PS-NGZ	North Gaza
3649	PS-QQA	Qalqilya
3650	PS-RBH	Ramallah
3651	PS-RFH	Rafah
3652	PS-SLT	Salfit
3653	PS-TBS	Tubas
3654	PS-TKM	Tulkarm
3655	PT-01	Aveiro
3656	PT-02	Beja
3657	PT-03	Braga
3658	PT-04	Bragança
3659	PT-05	Castelo Branco
3660	PT-06	Coimbra
3661	PT-07	Évora
3662	PT-08	Faro
3663	PT-09	Guarda
3664	PT-10	Leiria
3665	PT-11	Lisboa
3666	PT-12	Portalegre
3667	PT-13	Porto
3668	PT-14	Santarém
3669	PT-15	Setúbal
3670	PT-16	Viana do Castelo
3671	PT-17	Vila Real
3672	PT-18	Viseu
3673	PT-20	Região Autónoma dos Açores
3674	PT-30	Região Autónoma da Madeira
3675	PW-002	Aimeliik
3676	PW-004	Airai
3677	PW-010	Angaur
3678	PW-050	Hatohobei
3679	PW-100	Kayangel
3680	PW-150	Koror
3681	PW-212	Melekeok
3682	PW-214	Ngaraard
3683	PW-218	Ngarchelong
3684	PW-222	Ngardmau
3685	PW-224	Ngatpang
3686	PW-226	Ngchesar
3687	PW-227	Ngeremlengui
3688	PW-228	Ngiwal
3689	PW-350	Peleliu
3690	PW-370	Sonsorol
3691	PY-1	Concepción
3692	PY-10	Alto Paraná
3693	PY-11	Central
3694	PY-12	Ñeembucú
3695	PY-13	Amambay
3696	PY-14	Canindeyú
3697	PY-15	Presidente Hayes
3698	PY-16	Alto Paraguay
3699	PY-19	Boquerón
3700	PY-2	San Pedro
3701	PY-3	Cordillera
3702	PY-4	Guairá
3703	PY-5	Caaguazú
3704	PY-6	Caazapá
3705	PY-7	Itapúa
3706	PY-8	Misiones
3707	PY-9	Paraguarí
3708	PY-ASU	Asunción
3709	QA-DA	Ad Dawḩah
3710	QA-KH	Al Khawr wa adh Dhakhīrah
3711	QA-MS	Ash Shamāl
3712	QA-RA	Ar Rayyān
3713	QA-SH	Ash Shīḩānīyah
3714	QA-US	Umm Şalāl
3715	QA-WA	Al Wakrah
3716	QA-ZA	Az̧ Z̧a‘āyin
3717	RO-AB	Alba
3718	RO-AG	Argeș
3719	RO-AR	Arad
3720	RO-B	București
3721	RO-BC	Bacău
3722	RO-BH	Bihor
3723	RO-BN	Bistrița-Năsăud
3724	RO-BR	Brăila
3725	RO-BT	Botoșani
3726	RO-BV	Brașov
3727	RO-BZ	Buzău
3728	RO-CJ	Cluj
3729	RO-CL	Călărași
3730	RO-CS	Caraș-Severin
3731	RO-CT	Constanța
3732	RO-CV	Covasna
3733	RO-DB	Dâmbovița
3734	RO-DJ	Dolj
3735	RO-GJ	Gorj
3736	RO-GL	Galați
3737	RO-GR	Giurgiu
3738	RO-HD	Hunedoara
3739	RO-HR	Harghita
3740	RO-IF	Ilfov
3741	RO-IL	Ialomița
3742	RO-IS	Iași
3743	RO-MH	Mehedinți
3744	RO-MM	Maramureș
3745	RO-MS	Mureș
3746	RO-NT	Neamț
3747	RO-OT	Olt
3748	RO-PH	Prahova
3749	RO-SB	Sibiu
3750	RO-SJ	Sălaj
3751	RO-SM	Satu Mare
3752	RO-SV	Suceava
3753	RO-TL	Tulcea
3754	RO-TM	Timiș
3755	RO-TR	Teleorman
3756	RO-VL	Vâlcea
3757	RO-VN	Vrancea
3758	RO-VS	Vaslui
3759	RS-00	Beograd
3760	RS-01	Severnobački okrug
3761	RS-02	Srednjebanatski okrug
3762	RS-03	Severnobanatski okrug
3763	RS-04	Južnobanatski okrug
3764	RS-05	Zapadnobački okrug
3765	RS-06	Južnobački okrug
3766	RS-07	Sremski okrug
3767	RS-08	Mačvanski okrug
3768	RS-09	Kolubarski okrug
3769	RS-10	Podunavski okrug
3770	RS-11	Braničevski okrug
3771	RS-12	Šumadijski okrug
3772	RS-13	Pomoravski okrug
3773	RS-14	Borski okrug
3774	RS-15	Zaječarski okrug
3775	RS-16	Zlatiborski okrug
3776	RS-17	Moravički okrug
3777	RS-18	Raški okrug
3778	RS-19	Rasinski okrug
3779	RS-20	Nišavski okrug
3780	RS-21	Toplički okrug
3781	RS-22	Pirotski okrug
3782	RS-23	Jablanički okrug
3783	RS-24	Pčinjski okrug
3784	RS-25	Kosovski okrug
3785	RS-26	Pećki okrug
3786	RS-27	Prizrenski okrug
3787	RS-28	Kosovsko-Mitrovački okrug
3788	RS-29	Kosovsko-Pomoravski okrug
3789	RS-KM	Kosovo-Metohija
3790	RS-VO	Vojvodina
3791	RU-AD	Adygeya, Respublika
3792	RU-AL	Altay, Respublika
3793	RU-ALT	Altayskiy kray
3794	RU-AMU	Amurskaya oblast'
3795	RU-ARK	Arkhangel'skaya oblast'
3796	RU-AST	Astrakhanskaya oblast'
3797	RU-BA	Bashkortostan, Respublika
3798	RU-BEL	Belgorodskaya oblast'
3799	RU-BRY	Bryanskaya oblast'
3800	RU-BU	Buryatiya, Respublika
3801	RU-CE	Chechenskaya Respublika
3802	RU-CHE	Chelyabinskaya oblast'
3803	RU-CHU	Chukotskiy avtonomnyy okrug
3804	RU-CU	Chuvashskaya Respublika
3805	RU-DA	Dagestan, Respublika
3806	RU-IN	Ingushetiya, Respublika
3807	RU-IRK	Irkutskaya oblast'
3808	RU-IVA	Ivanovskaya oblast'
3809	RU-KAM	Kamchatskiy kray
3810	RU-KB	Kabardino-Balkarskaya Respublika
3811	RU-KC	Karachayevo-Cherkesskaya Respublika
3812	RU-KDA	Krasnodarskiy kray
3813	RU-KEM	Kemerovskaya oblast'
3814	RU-KGD	Kaliningradskaya oblast'
3815	RU-KGN	Kurganskaya oblast'
3816	RU-KHA	Khabarovskiy kray
3817	RU-KHM	Khanty-Mansiyskiy avtonomnyy okrug
3818	RU-KIR	Kirovskaya oblast'
3819	RU-KK	Khakasiya, Respublika
3820	RU-KL	Kalmykiya, Respublika
3821	RU-KLU	Kaluzhskaya oblast'
3822	RU-KO	Komi, Respublika
3823	RU-KOS	Kostromskaya oblast'
3824	RU-KR	Kareliya, Respublika
3825	RU-KRS	Kurskaya oblast'
3826	RU-KYA	Krasnoyarskiy kray
3827	RU-LEN	Leningradskaya oblast'
3828	RU-LIP	Lipetskaya oblast'
3829	RU-MAG	Magadanskaya oblast'
3830	RU-ME	Mariy El, Respublika
3831	RU-MO	Mordoviya, Respublika
3832	RU-MOS	Moskovskaya oblast'
3833	RU-MOW	Moskva
3834	RU-MUR	Murmanskaya oblast'
3835	RU-NEN	Nenetskiy avtonomnyy okrug
3836	RU-NGR	Novgorodskaya oblast'
3837	RU-NIZ	Nizhegorodskaya oblast'
3838	RU-NVS	Novosibirskaya oblast'
3839	RU-OMS	Omskaya oblast'
3840	RU-ORE	Orenburgskaya oblast'
3841	RU-ORL	Orlovskaya oblast'
3842	RU-PER	Permskiy kray
3843	RU-PNZ	Penzenskaya oblast'
3844	RU-PRI	Primorskiy kray
3845	RU-PSK	Pskovskaya oblast'
3846	RU-ROS	Rostovskaya oblast'
3847	RU-RYA	Ryazanskaya oblast'
3848	RU-SA	Saha, Respublika
3849	RU-SAK	Sakhalinskaya oblast'
3850	RU-SAM	Samarskaya oblast'
3851	RU-SAR	Saratovskaya oblast'
3852	RU-SE	Severnaya Osetiya, Respublika
3853	RU-SMO	Smolenskaya oblast'
3854	RU-SPE	Sankt-Peterburg
3855	RU-STA	Stavropol'skiy kray
3856	RU-SVE	Sverdlovskaya oblast'
3857	RU-TA	Tatarstan, Respublika
3858	RU-TAM	Tambovskaya oblast'
3859	RU-TOM	Tomskaya oblast'
3860	RU-TUL	Tul'skaya oblast'
3861	RU-TVE	Tverskaya oblast'
3862	RU-TY	Tyva, Respublika
3863	RU-TYU	Tyumenskaya oblast'
3864	RU-UD	Udmurtskaya Respublika
3865	RU-ULY	Ul'yanovskaya oblast'
3866	RU-VGG	Volgogradskaya oblast'
3867	RU-VLA	Vladimirskaya oblast'
3868	RU-VLG	Vologodskaya oblast'
3869	RU-VOR	Voronezhskaya oblast'
3870	RU-YAN	Yamalo-Nenetskiy avtonomnyy okrug
3871	RU-YAR	Yaroslavskaya oblast'
3872	RU-YEV	Yevreyskaya avtonomnaya oblast'
3873	RU-ZAB	Zabaykal'skiy kray
3874	RW-01	City of Kigali
3875	RW-02	Eastern
3876	RW-03	Northern
3877	RW-04	Western
3878	RW-05	Southern
3879	SA-01	Ar Riyāḑ
3880	SA-02	Makkah al Mukarramah
3881	SA-03	Al Madīnah al Munawwarah
3882	SA-04	Ash Sharqīyah
3883	SA-05	Al Qaşīm
3884	SA-06	Ḩā'il
3885	SA-07	Tabūk
3886	SA-08	Al Ḩudūd ash Shamālīyah
3887	SA-09	Jāzān
3888	SA-10	Najrān
3889	SA-11	Al Bāḩah
3890	SA-12	Al Jawf
3891	SA-14	'Asīr
3892	SB-CE	Central
3893	SB-CH	Choiseul
3894	SB-CT	Capital Territory (Honiara)
3895	SB-GU	Guadalcanal
3896	SB-IS	Isabel
3897	SB-MK	Makira-Ulawa
3898	SB-ML	Malaita
3899	SB-RB	Rennell and Bellona
3900	SB-TE	Temotu
3901	SB-WE	Western
3902	SC-01	Anse aux Pins
3903	SC-02	Anse Boileau
3904	SC-03	Anse Etoile
3905	SC-04	Au Cap
3906	SC-05	Anse Royale
3907	SC-06	Baie Lazare
3908	SC-07	Baie Sainte Anne
3909	SC-08	Beau Vallon
3910	SC-09	Bel Air
3911	SC-10	Bel Ombre
3912	SC-11	Cascade
3913	SC-12	Glacis
3914	SC-13	Grand Anse Mahe
3915	SC-14	Grand Anse Praslin
3916	SC-15	La Digue
3917	SC-16	English River
3918	SC-17	Mont Buxton
3919	SC-18	Mont Fleuri
3920	SC-19	Plaisance
3921	SC-20	Pointe Larue
3922	SC-21	Port Glaud
3923	SC-22	Saint Louis
3924	SC-23	Takamaka
3925	SC-24	Les Mamelles
3926	SC-25	Roche Caiman
3927	SC-26	Ile Perseverance I
3928	SC-27	Ile Perseverance II
3929	SD-DC	Central Darfur
3930	SD-DE	East Darfur
3931	SD-DN	North Darfur
3932	SD-DS	South Darfur
3933	SD-DW	West Darfur
3934	SD-GD	Gedaref
3935	SD-GK	West Kordofan
3936	SD-GZ	Gezira
3937	SD-KA	Kassala
3938	SD-KH	Khartoum
3939	SD-KN	North Kordofan
3940	SD-KS	South Kordofan
3941	SD-NB	Blue Nile
3942	SD-NO	Northern
3943	SD-NR	River Nile
3944	SD-NW	White Nile
3945	SD-RS	Red Sea
3946	SD-SI	Sennar
3947	SE-AB	Stockholms län [SE-01]
3948	SE-AC	Västerbottens län [SE-24]
3949	SE-BD	Norrbottens län [SE-25]
3950	SE-C	Uppsala län [SE-03]
3951	SE-D	Södermanlands län [SE-04]
3952	SE-E	Östergötlands län [SE-05]
3953	SE-F	Jönköpings län [SE-06]
3954	SE-G	Kronobergs län [SE-07]
3955	SE-H	Kalmar län [SE-08]
3956	SE-I	Gotlands län [SE-09]
3957	SE-K	Blekinge län [SE-10]
3958	SE-M	Skåne län [SE-12]
3959	SE-N	Hallands län [SE-13]
3960	SE-O	Västra Götalands län [SE-14]
3961	SE-S	Värmlands län [SE-17]
3962	SE-T	Örebro län [SE-18]
3963	SE-U	Västmanlands län [SE-19]
3964	SE-W	Dalarnas län [SE-20]
3965	SE-X	Gävleborgs län [SE-21]
3966	SE-Y	Västernorrlands län [SE-22]
3967	SE-Z	Jämtlands län [SE-23]
3968	SG-01	Central Singapore
3969	SG-02	North East
3970	SG-03	North West
3971	SG-04	South East
3972	SG-05	South West
3973	SH-AC	Ascension
3974	SH-HL	Saint Helena
3975	SH-TA	Tristan da Cunha
3976	SI-001	Ajdovščina
3977	SI-002	Beltinci
3978	SI-003	Bled
3979	SI-004	Bohinj
3980	SI-005	Borovnica
3981	SI-006	Bovec
3982	SI-007	Brda
3983	SI-008	Brezovica
3984	SI-009	Brežice
3985	SI-010	Tišina
3986	SI-011	Celje
3987	SI-012	Cerklje na Gorenjskem
3988	SI-013	Cerknica
3989	SI-014	Cerkno
3990	SI-015	Črenšovci
3991	SI-016	Črna na Koroškem
3992	SI-017	Črnomelj
3993	SI-018	Destrnik
3994	SI-019	Divača
3995	SI-020	Dobrepolje
3996	SI-021	Dobrova-Polhov Gradec
3997	SI-022	Dol pri Ljubljani
3998	SI-023	Domžale
3999	SI-024	Dornava
4000	SI-025	Dravograd
4001	SI-026	Duplek
4002	SI-027	Gorenja vas-Poljane
4003	SI-028	Gorišnica
4004	SI-029	Gornja Radgona
4005	SI-030	Gornji Grad
4006	SI-031	Gornji Petrovci
4007	SI-032	Grosuplje
4008	SI-033	Šalovci
4009	SI-034	Hrastnik
4010	SI-035	Hrpelje-Kozina
4011	SI-036	Idrija
4012	SI-037	Ig
4013	SI-038	Ilirska Bistrica
4014	SI-039	Ivančna Gorica
4015	SI-040	Izola
4016	SI-041	Jesenice
4017	SI-042	Juršinci
4018	SI-043	Kamnik
4019	SI-044	Kanal ob Soči
4020	SI-045	Kidričevo
4021	SI-046	Kobarid
4022	SI-047	Kobilje
4023	SI-048	Kočevje
4024	SI-049	Komen
4025	SI-050	Koper
4026	SI-051	Kozje
4027	SI-052	Kranj
4028	SI-053	Kranjska Gora
4029	SI-054	Krško
4030	SI-055	Kungota
4031	SI-056	Kuzma
4032	SI-057	Laško
4033	SI-058	Lenart
4034	SI-059	Lendava
4035	SI-060	Litija
4036	SI-061	Ljubljana
4037	SI-062	Ljubno
4038	SI-063	Ljutomer
4039	SI-064	Logatec
4040	SI-065	Loška dolina
4041	SI-066	Loški Potok
4042	SI-067	Luče
4043	SI-068	Lukovica
4044	SI-069	Majšperk
4045	SI-070	Maribor
4046	SI-071	Medvode
4047	SI-072	Mengeš
4048	SI-073	Metlika
4049	SI-074	Mežica
4050	SI-075	Miren-Kostanjevica
4051	SI-076	Mislinja
4052	SI-077	Moravče
4053	SI-078	Moravske Toplice
4054	SI-079	Mozirje
4055	SI-080	Murska Sobota
4056	SI-081	Muta
4057	SI-082	Naklo
4058	SI-083	Nazarje
4059	SI-084	Nova Gorica
4060	SI-085	Novo Mesto
4061	SI-086	Odranci
4062	SI-087	Ormož
4063	SI-088	Osilnica
4064	SI-089	Pesnica
4065	SI-090	Piran
4066	SI-091	Pivka
4067	SI-092	Podčetrtek
4068	SI-093	Podvelka
4069	SI-094	Postojna
4070	SI-095	Preddvor
4071	SI-096	Ptuj
4072	SI-097	Puconci
4073	SI-098	Rače-Fram
4074	SI-099	Radeče
4075	SI-100	Radenci
4076	SI-101	Radlje ob Dravi
4077	SI-102	Radovljica
4078	SI-103	Ravne na Koroškem
4079	SI-104	Ribnica
4080	SI-105	Rogašovci
4081	SI-106	Rogaška Slatina
4082	SI-107	Rogatec
4083	SI-108	Ruše
4084	SI-109	Semič
4085	SI-110	Sevnica
4086	SI-111	Sežana
4087	SI-112	Slovenj Gradec
4088	SI-113	Slovenska Bistrica
4089	SI-114	Slovenske Konjice
4090	SI-115	Starše
4091	SI-116	Sveti Jurij ob Ščavnici
4092	SI-117	Šenčur
4093	SI-118	Šentilj
4094	SI-119	Šentjernej
4095	SI-120	Šentjur
4096	SI-121	Škocjan
4097	SI-122	Škofja Loka
4098	SI-123	Škofljica
4099	SI-124	Šmarje pri Jelšah
4100	SI-125	Šmartno ob Paki
4101	SI-126	Šoštanj
4102	SI-127	Štore
4103	SI-128	Tolmin
4104	SI-129	Trbovlje
4105	SI-130	Trebnje
4106	SI-131	Tržič
4107	SI-132	Turnišče
4108	SI-133	Velenje
4109	SI-134	Velike Lašče
4110	SI-135	Videm
4111	SI-136	Vipava
4112	SI-137	Vitanje
4113	SI-138	Vodice
4114	SI-139	Vojnik
4115	SI-140	Vrhnika
4116	SI-141	Vuzenica
4117	SI-142	Zagorje ob Savi
4118	SI-143	Zavrč
4119	SI-144	Zreče
4120	SI-146	Železniki
4121	SI-147	Žiri
4122	SI-148	Benedikt
4123	SI-149	Bistrica ob Sotli
4124	SI-150	Bloke
4125	SI-151	Braslovče
4126	SI-152	Cankova
4127	SI-153	Cerkvenjak
4128	SI-154	Dobje
4129	SI-155	Dobrna
4130	SI-156	Dobrovnik
4131	SI-157	Dolenjske Toplice
4132	SI-158	Grad
4133	SI-159	Hajdina
4134	SI-160	Hoče-Slivnica
4135	SI-161	Hodoš
4136	SI-162	Horjul
4137	SI-163	Jezersko
4138	SI-164	Komenda
4139	SI-165	Kostel
4140	SI-166	Križevci
4141	SI-167	Lovrenc na Pohorju
4142	SI-168	Markovci
4143	SI-169	Miklavž na Dravskem polju
4144	SI-170	Mirna Peč
4145	SI-171	Oplotnica
4146	SI-172	Podlehnik
4147	SI-173	Polzela
4148	SI-174	Prebold
4149	SI-175	Prevalje
4150	SI-176	Razkrižje
4151	SI-177	Ribnica na Pohorju
4152	SI-178	Selnica ob Dravi
4153	SI-179	Sodražica
4154	SI-180	Solčava
4155	SI-181	Sveta Ana
4156	SI-182	Sveti Andraž v Slovenskih goricah
4157	SI-183	Šempeter-Vrtojba
4158	SI-184	Tabor
4159	SI-185	Trnovska Vas
4160	SI-186	Trzin
4161	SI-187	Velika Polana
4162	SI-188	Veržej
4163	SI-189	Vransko
4164	SI-190	Žalec
4165	SI-191	Žetale
4166	SI-192	Žirovnica
4167	SI-193	Žužemberk
4168	SI-194	Šmartno pri Litiji
4169	SI-195	Apače
4170	SI-196	Cirkulane
4171	SI-197	Kostanjevica na Krki
4172	SI-198	Makole
4173	SI-199	Mokronog-Trebelno
4174	SI-200	Poljčane
4175	SI-201	Renče-Vogrsko
4176	SI-202	Središče ob Dravi
4177	SI-203	Straža
4178	SI-204	Sveta Trojica v Slovenskih goricah
4179	SI-205	Sveti Tomaž
4180	SI-206	Šmarješke Toplice
4181	SI-207	Gorje
4182	SI-208	Log-Dragomer
4183	SI-209	Rečica ob Savinji
4184	SI-210	Sveti Jurij v Slovenskih goricah
4185	SI-211	Šentrupert
4186	SI-212	Mirna
4187	SI-213	Ankaran
4188	SK-BC	Banskobystrický kraj
4189	SK-BL	Bratislavský kraj
4190	SK-KI	Košický kraj
4191	SK-NI	Nitriansky kraj
4192	SK-PV	Prešovský kraj
4193	SK-TA	Trnavský kraj
4194	SK-TC	Trenčiansky kraj
4195	SK-ZI	Žilinský kraj
4196	SL-E	Eastern
4197	SL-N	Northern
4198	SL-NW	North Western
4199	SL-S	Southern
4200	SL-W	Western Area (Freetown)
4201	SM-01	Acquaviva
4202	SM-02	Chiesanuova
4203	SM-03	Domagnano
4204	SM-04	Faetano
4205	SM-05	Fiorentino
4206	SM-06	Borgo Maggiore
4207	SM-07	Città di San Marino
4208	SM-08	Montegiardino
4209	SM-09	Serravalle
4210	SN-DB	Diourbel
4211	SN-DK	Dakar
4212	SN-FK	Fatick
4213	SN-KA	Kaffrine
4214	SN-KD	Kolda
4215	SN-KE	Kédougou
4216	SN-KL	Kaolack
4217	SN-LG	Louga
4218	SN-MT	Matam
4219	SN-SE	Sédhiou
4220	SN-SL	Saint-Louis
4221	SN-TC	Tambacounda
4222	SN-TH	Thiès
4223	SN-ZG	Ziguinchor
4224	SO-AW	Awdal
4225	SO-BK	Bakool
4226	SO-BN	Banaadir
4227	SO-BR	Bari
4228	SO-BY	Bay
4229	SO-GA	Galguduud
4230	SO-GE	Gedo
4231	SO-HI	Hiiraan
4232	SO-JD	Jubbada Dhexe
4233	SO-JH	Jubbada Hoose
4234	SO-MU	Mudug
4235	SO-NU	Nugaal
4236	SO-SA	Sanaag
4237	SO-SD	Shabeellaha Dhexe
4238	SO-SH	Shabeellaha Hoose
4239	SO-SO	Sool
4240	SO-TO	Togdheer
4241	SO-WO	Woqooyi Galbeed
4242	SR-BR	Brokopondo
4243	SR-CM	Commewijne
4244	SR-CR	Coronie
4245	SR-MA	Marowijne
4246	SR-NI	Nickerie
4247	SR-PM	Paramaribo
4248	SR-PR	Para
4249	SR-SA	Saramacca
4250	SR-SI	Sipaliwini
4251	SR-WA	Wanica
4252	SS-BN	Northern Bahr el Ghazal
4253	SS-BW	Western Bahr el Ghazal
4254	SS-EC	Central Equatoria
4255	SS-EE	Eastern Equatoria
4256	SS-EW	Western Equatoria
4257	SS-JG	Jonglei
4258	SS-LK	Lakes
4259	SS-NU	Upper Nile
4260	SS-UY	Unity
4261	SS-WR	Warrap
4262	ST-01	Água Grande
4263	ST-02	Cantagalo
4264	ST-03	Caué
4265	ST-04	Lembá
4266	ST-05	Lobata
4267	ST-06	Mé-Zóchi
4268	ST-P	Príncipe
4269	SV-AH	Ahuachapán
4270	SV-CA	Cabañas
4271	SV-CH	Chalatenango
4272	SV-CU	Cuscatlán
4273	SV-LI	La Libertad
4274	SV-MO	Morazán
4275	SV-PA	La Paz
4276	SV-SA	Santa Ana
4277	SV-SM	San Miguel
4278	SV-SO	Sonsonate
4279	SV-SS	San Salvador
4280	SV-SV	San Vicente
4281	SV-UN	La Unión
4282	SV-US	Usulután
4283	SY-DI	Dimashq
4284	SY-DR	Dar'ā
4285	SY-DY	Dayr az Zawr
4286	SY-HA	Al Ḩasakah
4287	SY-HI	Ḩimş
4288	SY-HL	Ḩalab
4289	SY-HM	Ḩamāh
4290	SY-ID	Idlib
4291	SY-LA	Al Lādhiqīyah
4292	SY-QU	Al Qunayţirah
4293	SY-RA	Ar Raqqah
4294	SY-RD	Rīf Dimashq
4295	SY-SU	As Suwaydā'
4296	SY-TA	Ţarţūs
4297	SZ-HH	Hhohho
4298	SZ-LU	Lubombo
4299	SZ-MA	Manzini
4300	SZ-SH	Shiselweni
4301	TD-BA	Batha
4302	TD-BG	Bahr el Ghazal
4303	TD-BO	Borkou
4304	TD-CB	Chari-Baguirmi
4305	TD-EE	Ennedi-Est
4306	TD-EO	Ennedi-Ouest
4307	TD-GR	Guéra
4308	TD-HL	Hadjer Lamis
4309	TD-KA	Kanem
4310	TD-LC	Lac
4311	TD-LO	Logone-Occidental
4312	TD-LR	Logone-Oriental
4313	TD-MA	Mandoul
4314	TD-MC	Moyen-Chari
4315	TD-ME	Mayo-Kebbi-Est
4316	TD-MO	Mayo-Kebbi-Ouest
4317	TD-ND	Ville de Ndjamena
4318	TD-OD	Ouaddaï
4319	TD-SA	Salamat
4320	TD-SI	Sila
4321	TD-TA	Tandjilé
4322	TD-TI	Tibesti
4323	TD-WF	Wadi Fira
4324	TG-C	Centrale
4325	TG-K	Kara
4326	TG-M	Maritime (Région)
4327	TG-P	Plateaux
4328	TG-S	Savanes
4329	TH-10	Krung Thep Maha Nakhon
4330	TH-11	Samut Prakan
4331	TH-12	Nonthaburi
4332	TH-13	Pathum Thani
4333	TH-14	Phra Nakhon Si Ayutthaya
4334	TH-15	Ang Thong
4335	TH-16	Lop Buri
4336	TH-17	Sing Buri
4337	TH-18	Chai Nat
4338	TH-19	Saraburi
4339	TH-20	Chon Buri
4340	TH-21	Rayong
4341	TH-22	Chanthaburi
4342	TH-23	Trat
4343	TH-24	Chachoengsao
4344	TH-25	Prachin Buri
4345	TH-26	Nakhon Nayok
4346	TH-27	Sa Kaeo
4347	TH-30	Nakhon Ratchasima
4348	TH-31	Buri Ram
4349	TH-32	Surin
4350	TH-33	Si Sa Ket
4351	TH-34	Ubon Ratchathani
4352	TH-35	Yasothon
4353	TH-36	Chaiyaphum
4354	TH-37	Amnat Charoen
4355	TH-38	Bueng Kan
4356	TH-39	Nong Bua Lam Phu
4357	TH-40	Khon Kaen
4358	TH-41	Udon Thani
4359	TH-42	Loei
4360	TH-43	Nong Khai
4361	TH-44	Maha Sarakham
4362	TH-45	Roi Et
4363	TH-46	Kalasin
4364	TH-47	Sakon Nakhon
4365	TH-48	Nakhon Phanom
4366	TH-49	Mukdahan
4367	TH-50	Chiang Mai
4368	TH-51	Lamphun
4369	TH-52	Lampang
4370	TH-53	Uttaradit
4371	TH-54	Phrae
4372	TH-55	Nan
4373	TH-56	Phayao
4374	TH-57	Chiang Rai
4375	TH-58	Mae Hong Son
4376	TH-60	Nakhon Sawan
4377	TH-61	Uthai Thani
4378	TH-62	Kamphaeng Phet
4379	TH-63	Tak
4380	TH-64	Sukhothai
4381	TH-65	Phitsanulok
4382	TH-66	Phichit
4383	TH-67	Phetchabun
4384	TH-70	Ratchaburi
4385	TH-71	Kanchanaburi
4386	TH-72	Suphan Buri
4387	TH-73	Nakhon Pathom
4388	TH-74	Samut Sakhon
4389	TH-75	Samut Songkhram
4390	TH-76	Phetchaburi
4391	TH-77	Prachuap Khiri Khan
4392	TH-80	Nakhon Si Thammarat
4393	TH-81	Krabi
4394	TH-82	Phangnga
4395	TH-83	Phuket
4396	TH-84	Surat Thani
4397	TH-85	Ranong
4398	TH-86	Chumphon
4399	TH-90	Songkhla
4400	TH-91	Satun
4401	TH-92	Trang
4402	TH-93	Phatthalung
4403	TH-94	Pattani
4404	TH-95	Yala
4405	TH-96	Narathiwat
4406	TH-S	Phatthaya
4407	TJ-DU	Dushanbe
4408	TJ-GB	Kŭhistoni Badakhshon
4409	TJ-KT	Khatlon
4410	TJ-RA	nohiyahoi tobei jumhurí
4411	TJ-SU	Sughd
4412	TL-AL	Aileu
4413	TL-AN	Ainaro
4414	TL-BA	Baucau
4415	TL-BO	Bobonaro
4416	TL-CO	Cova Lima
4417	TL-DI	Díli
4418	TL-ER	Ermera
4419	TL-LA	Lautém
4420	TL-LI	Liquiça
4421	TL-MF	Manufahi
4422	TL-MT	Manatuto
4423	TL-OE	Oé-Cusse Ambeno
4424	TL-VI	Viqueque
4425	TM-A	Ahal
4426	TM-B	Balkan
4427	TM-D	Daşoguz
4428	TM-L	Lebap
4429	TM-M	Mary
4430	TM-S	Aşgabat
4431	TN-11	Tunis
4432	TN-12	L'Ariana
4433	TN-13	Ben Arous
4434	TN-14	La Manouba
4435	TN-21	Nabeul
4436	TN-22	Zaghouan
4437	TN-23	Bizerte
4438	TN-31	Béja
4439	TN-32	Jendouba
4440	TN-33	Le Kef
4441	TN-34	Siliana
4442	TN-41	Kairouan
4443	TN-42	Kasserine
4444	TN-43	Sidi Bouzid
4445	TN-51	Sousse
4446	TN-52	Monastir
4447	TN-53	Mahdia
4448	TN-61	Sfax
4449	TN-71	Gafsa
4450	TN-72	Tozeur
4451	TN-73	Kébili
4452	TN-81	Gabès
4453	TN-82	Médenine
4454	TN-83	Tataouine
4455	TO-01	'Eua
4456	TO-02	Ha'apai
4457	TO-03	Niuas
4458	TO-04	Tongatapu
4459	TO-05	Vava'u
4460	TR-01	Adana
4461	TR-02	Adıyaman
4462	TR-03	Afyonkarahisar
4463	TR-04	Ağrı
4464	TR-05	Amasya
4465	TR-06	Ankara
4466	TR-07	Antalya
4467	TR-08	Artvin
4468	TR-09	Aydın
4469	TR-10	Balıkesir
4470	TR-11	Bilecik
4471	TR-12	Bingöl
4472	TR-13	Bitlis
4473	TR-14	Bolu
4474	TR-15	Burdur
4475	TR-16	Bursa
4476	TR-17	Çanakkale
4477	TR-18	Çankırı
4478	TR-19	Çorum
4479	TR-20	Denizli
4480	TR-21	Diyarbakır
4481	TR-22	Edirne
4482	TR-23	Elazığ
4483	TR-24	Erzincan
4484	TR-25	Erzurum
4485	TR-26	Eskişehir
4486	TR-27	Gaziantep
4487	TR-28	Giresun
4488	TR-29	Gümüşhane
4489	TR-30	Hakkâri
4490	TR-31	Hatay
4491	TR-32	Isparta
4492	TR-33	Mersin
4493	TR-34	İstanbul
4494	TR-35	İzmir
4495	TR-36	Kars
4496	TR-37	Kastamonu
4497	TR-38	Kayseri
4498	TR-39	Kırklareli
4499	TR-40	Kırşehir
4500	TR-41	Kocaeli
4501	TR-42	Konya
4502	TR-43	Kütahya
4503	TR-44	Malatya
4504	TR-45	Manisa
4505	TR-46	Kahramanmaraş
4506	TR-47	Mardin
4507	TR-48	Muğla
4508	TR-49	Muş
4509	TR-50	Nevşehir
4510	TR-51	Niğde
4511	TR-52	Ordu
4512	TR-53	Rize
4513	TR-54	Sakarya
4514	TR-55	Samsun
4515	TR-56	Siirt
4516	TR-57	Sinop
4517	TR-58	Sivas
4518	TR-59	Tekirdağ
4519	TR-60	Tokat
4520	TR-61	Trabzon
4521	TR-62	Tunceli
4522	TR-63	Şanlıurfa
4523	TR-64	Uşak
4524	TR-65	Van
4525	TR-66	Yozgat
4526	TR-67	Zonguldak
4527	TR-68	Aksaray
4528	TR-69	Bayburt
4529	TR-70	Karaman
4530	TR-71	Kırıkkale
4531	TR-72	Batman
4532	TR-73	Şırnak
4533	TR-74	Bartın
4534	TR-75	Ardahan
4535	TR-76	Iğdır
4536	TR-77	Yalova
4537	TR-78	Karabük
4538	TR-79	Kilis
4539	TR-80	Osmaniye
4540	TR-81	Düzce
4541	TT-ARI	Arima
4542	TT-CHA	Chaguanas
4543	TT-CTT	Couva-Tabaquite-Talparo
4544	TT-DMN	Diego Martin
4545	TT-MRC	Mayaro-Rio Claro
4546	TT-PED	Penal-Debe
4547	TT-POS	Port of Spain
4548	TT-PRT	Princes Town
4549	TT-PTF	Point Fortin
4550	TT-SFO	San Fernando
4551	TT-SGE	Sangre Grande
4552	TT-SIP	Siparia
4553	TT-SJL	San Juan-Laventille
4554	TT-TOB	Tobago
4555	TT-TUP	Tunapuna-Piarco
4556	TV-FUN	Funafuti
4557	TV-NIT	Niutao
4558	TV-NKF	Nukufetau
4559	TV-NKL	Nukulaelae
4560	TV-NMA	Nanumea
4561	TV-NMG	Nanumaga
4562	TV-NUI	Nui
4563	TV-VAI	Vaitupu
4564	TW-CHA	Changhua
4565	TW-CYI	Chiayi
4566	TW-CYQ	Chiayi
4567	TW-HSQ	Hsinchu
4568	TW-HSZ	Hsinchu
4569	TW-HUA	Hualien
4570	TW-ILA	Yilan
4571	TW-KEE	Keelung
4572	TW-KHH	Kaohsiung
4573	TW-KIN	Kinmen
4574	TW-LIE	Lienchiang
4575	TW-MIA	Miaoli
4576	TW-NAN	Nantou
4577	TW-NWT	New Taipei
4578	TW-PEN	Penghu
4579	TW-PIF	Pingtung
4580	TW-TAO	Taoyuan
4581	TW-TNN	Tainan
4582	TW-TPE	Taipei
4583	TW-TTT	Taitung
4584	TW-TXG	Taichung
4585	TW-YUN	Yunlin
4586	TZ-01	Arusha
4587	TZ-02	Dar es Salaam
4588	TZ-03	Dodoma
4589	TZ-04	Iringa
4590	TZ-05	Kagera
4591	TZ-06	Pemba North
4592	TZ-07	Zanzibar North
4593	TZ-08	Kigoma
4594	TZ-09	Kilimanjaro
4595	TZ-10	Pemba South
4596	TZ-11	Zanzibar South
4597	TZ-12	Lindi
4598	TZ-13	Mara
4599	TZ-14	Mbeya
4600	TZ-15	Zanzibar West
4601	TZ-16	Morogoro
4602	TZ-17	Mtwara
4603	TZ-18	Mwanza
4604	TZ-19	Coast
4605	TZ-20	Rukwa
4606	TZ-21	Ruvuma
4607	TZ-22	Shinyanga
4608	TZ-23	Singida
4609	TZ-24	Tabora
4610	TZ-25	Tanga
4611	TZ-26	Manyara
4612	TZ-27	Geita
4613	TZ-28	Katavi
4614	TZ-29	Njombe
4615	TZ-30	Simiyu
4616	TZ-31	Songwe
4617	UA-05	Vinnytska oblast
4618	UA-07	Volynska oblast
4619	UA-09	Luhanska oblast
4620	UA-12	Dnipropetrovska oblast
4621	UA-14	Donetska oblast
4622	UA-18	Zhytomyrska oblast
4623	UA-21	Zakarpatska oblast
4624	UA-23	Zaporizka oblast
4625	UA-26	Ivano-Frankivska oblast
4626	UA-30	Kyiv
4627	UA-32	Kyivska oblast
4628	UA-35	Kirovohradska oblast
4629	UA-40	Sevastopol
4630	UA-43	Avtonomna Respublika Krym
4631	UA-46	Lvivska oblast
4632	UA-48	Mykolaivska oblast
4633	UA-51	Odeska oblast
4634	UA-53	Poltavska oblast
4635	UA-56	Rivnenska oblast
4636	UA-59	Sumska oblast
4637	UA-61	Ternopilska oblast
4638	UA-63	Kharkivska oblast
4639	UA-65	Khersonska oblast
4640	UA-68	Khmelnytska oblast
4641	UA-71	Cherkaska oblast
4642	UA-74	Chernihivska oblast
4643	UA-77	Chernivetska oblast
4644	UG-101	Kalangala
4645	UG-102	Kampala
4646	UG-103	Kiboga
4647	UG-104	Luwero
4648	UG-105	Masaka
4649	UG-106	Mpigi
4650	UG-107	Mubende
4651	UG-108	Mukono
4652	UG-109	Nakasongola
4653	UG-110	Rakai
4654	UG-111	Sembabule
4655	UG-112	Kayunga
4656	UG-113	Wakiso
4657	UG-114	Lyantonde
4658	UG-115	Mityana
4659	UG-116	Nakaseke
4660	UG-117	Buikwe
4661	UG-118	Bukomansibi
4662	UG-119	Butambala
4663	UG-120	Buvuma
4664	UG-121	Gomba
4665	UG-122	Kalungu
4666	UG-123	Kyankwanzi
4667	UG-124	Lwengo
4668	UG-125	Kyotera
4669	UG-126	Kasanda
4670	UG-201	Bugiri
4671	UG-202	Busia
4672	UG-203	Iganga
4673	UG-204	Jinja
4674	UG-205	Kamuli
4675	UG-206	Kapchorwa
4676	UG-207	Katakwi
4677	UG-208	Kumi
4678	UG-209	Mbale
4679	UG-210	Pallisa
4680	UG-211	Soroti
4681	UG-212	Tororo
4682	UG-213	Kaberamaido
4683	UG-214	Mayuge
4684	UG-215	Sironko
4685	UG-216	Amuria
4686	UG-217	Budaka
4687	UG-218	Bududa
4688	UG-219	Bukedea
4689	UG-220	Bukwo
4690	UG-221	Butaleja
4691	UG-222	Kaliro
4692	UG-223	Manafwa
4693	UG-224	Namutumba
4694	UG-225	Bulambuli
4695	UG-226	Buyende
4696	UG-227	Kibuku
4697	UG-228	Kween
4698	UG-229	Luuka
4699	UG-230	Namayingo
4700	UG-231	Ngora
4701	UG-232	Serere
4702	UG-233	Butebo
4703	UG-234	Namisindwa
4704	UG-235	Bugweri
4705	UG-236	Kapelebyong
4706	UG-237	Kalaki
4707	UG-301	Adjumani
4708	UG-302	Apac
4709	UG-303	Arua
4710	UG-304	Gulu
4711	UG-305	Kitgum
4712	UG-306	Kotido
4713	UG-307	Lira
4714	UG-308	Moroto
4715	UG-309	Moyo
4716	UG-310	Nebbi
4717	UG-311	Nakapiripirit
4718	UG-312	Pader
4719	UG-313	Yumbe
4720	UG-314	Abim
4721	UG-315	Amolatar
4722	UG-316	Amuru
4723	UG-317	Dokolo
4724	UG-318	Kaabong
4725	UG-319	Koboko
4726	UG-320	Maracha
4727	UG-321	Oyam
4728	UG-322	Agago
4729	UG-323	Alebtong
4730	UG-324	Amudat
4731	UG-325	Kole
4732	UG-326	Lamwo
4733	UG-327	Napak
4734	UG-328	Nwoya
4735	UG-329	Otuke
4736	UG-330	Zombo
4737	UG-331	Omoro
4738	UG-332	Pakwach
4739	UG-333	Kwania
4740	UG-334	Nabilatuk
4741	UG-335	Karenga
4742	UG-336	Madi-Okollo
4743	UG-337	Obongi
4744	UG-401	Bundibugyo
4745	UG-402	Bushenyi
4746	UG-403	Hoima
4747	UG-404	Kabale
4748	UG-405	Kabarole
4749	UG-406	Kasese
4750	UG-407	Kibaale
4751	UG-408	Kisoro
4752	UG-409	Masindi
4753	UG-410	Mbarara
4754	UG-411	Ntungamo
4755	UG-412	Rukungiri
4756	UG-413	Kamwenge
4757	UG-414	Kanungu
4758	UG-415	Kyenjojo
4759	UG-416	Buliisa
4760	UG-417	Ibanda
4761	UG-418	Isingiro
4762	UG-419	Kiruhura
4763	UG-420	Buhweju
4764	UG-421	Kiryandongo
4765	UG-422	Kyegegwa
4766	UG-423	Mitooma
4767	UG-424	Ntoroko
4768	UG-425	Rubirizi
4769	UG-426	Sheema
4770	UG-427	Kagadi
4771	UG-428	Kakumiro
4772	UG-429	Rubanda
4773	UG-430	Bunyangabu
4774	UG-431	Rukiga
4775	UG-432	Kikuube
4776	UG-433	Kazo
4777	UG-434	Kitagwenda
4778	UG-435	Rwampara
4779	UG-C	Central
4780	UG-E	Eastern
4781	UG-N	Northern
4782	UG-W	Western
4783	UM-67	Johnston Atoll
4784	UM-71	Midway Islands
4785	UM-76	Navassa Island
4786	UM-79	Wake Island
4787	UM-81	Baker Island
4788	UM-84	Howland Island
4789	UM-86	Jarvis Island
4790	UM-89	Kingman Reef
4791	UM-95	Palmyra Atoll
4792	US-AK	Alaska
4793	US-AL	Alabama
4794	US-AR	Arkansas
4795	US-AS	American Samoa
4796	US-AZ	Arizona
4797	US-CA	California
4798	US-CO	Colorado
4799	US-CT	Connecticut
4800	US-DC	District of Columbia
4801	US-DE	Delaware
4802	US-FL	Florida
4803	US-GA	Georgia
4804	US-GU	Guam
4805	US-HI	Hawaii
4806	US-IA	Iowa
4807	US-ID	Idaho
4808	US-IL	Illinois
4809	US-IN	Indiana
4810	US-KS	Kansas
4811	US-KY	Kentucky
4812	US-LA	Louisiana
4813	US-MA	Massachusetts
4814	US-MD	Maryland
4815	US-ME	Maine
4816	US-MI	Michigan
4817	US-MN	Minnesota
4818	US-MO	Missouri
4819	US-MP	Northern Mariana Islands
4820	US-MS	Mississippi
4821	US-MT	Montana
4822	US-NC	North Carolina
4823	US-ND	North Dakota
4824	US-NE	Nebraska
4825	US-NH	New Hampshire
4826	US-NJ	New Jersey
4827	US-NM	New Mexico
4828	US-NV	Nevada
4829	US-NY	New York
4830	US-OH	Ohio
4831	US-OK	Oklahoma
4832	US-OR	Oregon
4833	US-PA	Pennsylvania
4834	US-PR	Puerto Rico
4835	US-RI	Rhode Island
4836	US-SC	South Carolina
4837	US-SD	South Dakota
4838	US-TN	Tennessee
4839	US-TX	Texas
4840	US-UM	United States Minor Outlying Islands
4841	US-UT	Utah
4842	US-VA	Virginia
4843	US-VI	Virgin Islands, U.S.
4844	US-VT	Vermont
4845	US-WA	Washington
4846	US-WI	Wisconsin
4847	US-WV	West Virginia
4848	US-WY	Wyoming
4849	UY-AR	Artigas
4850	UY-CA	Canelones
4851	UY-CL	Cerro Largo
4852	UY-CO	Colonia
4853	UY-DU	Durazno
4854	UY-FD	Florida
4855	UY-FS	Flores
4856	UY-LA	Lavalleja
4857	UY-MA	Maldonado
4858	UY-MO	Montevideo
4859	UY-PA	Paysandú
4860	UY-RN	Río Negro
4861	UY-RO	Rocha
4862	UY-RV	Rivera
4863	UY-SA	Salto
4864	UY-SJ	San José
4865	UY-SO	Soriano
4866	UY-TA	Tacuarembó
4867	UY-TT	Treinta y Tres
4868	UZ-AN	Andijon
4869	UZ-BU	Buxoro
4870	UZ-FA	Farg‘ona
4871	UZ-JI	Jizzax
4872	UZ-NG	Namangan
4873	UZ-NW	Navoiy
4874	UZ-QA	Qashqadaryo
4875	UZ-QR	Qoraqalpog‘iston Respublikasi
4876	UZ-SA	Samarqand
4877	UZ-SI	Sirdaryo
4878	UZ-SU	Surxondaryo
4879	UZ-TK	Toshkent
4880	UZ-TO	Toshkent
4881	UZ-XO	Xorazm
4882	VC-01	Charlotte
4883	VC-02	Saint Andrew
4884	VC-03	Saint David
4885	VC-04	Saint George
4886	VC-05	Saint Patrick
4887	VC-06	Grenadines
4888	VE-A	Distrito Capital
4889	VE-B	Anzoátegui
4890	VE-C	Apure
4891	VE-D	Aragua
4892	VE-E	Barinas
4893	VE-F	Bolívar
4894	VE-G	Carabobo
4895	VE-H	Cojedes
4896	VE-I	Falcón
4897	VE-J	Guárico
4898	VE-K	Lara
4899	VE-L	Mérida
4900	VE-M	Miranda
4901	VE-N	Monagas
4902	VE-O	Nueva Esparta
4903	VE-P	Portuguesa
4904	VE-R	Sucre
4905	VE-S	Táchira
4906	VE-T	Trujillo
4907	VE-U	Yaracuy
4908	VE-V	Zulia
4909	VE-W	Dependencias Federales
4910	VE-X	La Guaira
4911	VE-Y	Delta Amacuro
4912	VE-Z	Amazonas
4913	VN-01	Lai Châu
4914	VN-02	Lào Cai
4915	VN-03	Hà Giang
4916	VN-04	Cao Bằng
4917	VN-05	Sơn La
4918	VN-06	Yên Bái
4919	VN-07	Tuyên Quang
4920	VN-09	Lạng Sơn
4921	VN-13	Quảng Ninh
4922	VN-14	Hòa Bình
4923	VN-18	Ninh Bình
4924	VN-20	Thái Bình
4925	VN-21	Thanh Hóa
4926	VN-22	Nghệ An
4927	VN-23	Hà Tĩnh
4928	VN-24	Quảng Bình
4929	VN-25	Quảng Trị
4930	VN-26	Thừa Thiên-Huế
4931	VN-27	Quảng Nam
4932	VN-28	Kon Tum
4933	VN-29	Quảng Ngãi
4934	VN-30	Gia Lai
4935	VN-31	Bình Định
4936	VN-32	Phú Yên
4937	VN-33	Đắk Lắk
4938	VN-34	Khánh Hòa
4939	VN-35	Lâm Đồng
4940	VN-36	Ninh Thuận
4941	VN-37	Tây Ninh
4942	VN-39	Đồng Nai
4943	VN-40	Bình Thuận
4944	VN-41	Long An
4945	VN-43	Bà Rịa - Vũng Tàu
4946	VN-44	An Giang
4947	VN-45	Đồng Tháp
4948	VN-46	Tiền Giang
4949	VN-47	Kiến Giang
4950	VN-49	Vĩnh Long
4951	VN-50	Bến Tre
4952	VN-51	Trà Vinh
4953	VN-52	Sóc Trăng
4954	VN-53	Bắc Kạn
4955	VN-54	Bắc Giang
4956	VN-55	Bạc Liêu
4957	VN-56	Bắc Ninh
4958	VN-57	Bình Dương
4959	VN-58	Bình Phước
4960	VN-59	Cà Mau
4961	VN-61	Hải Dương
4962	VN-63	Hà Nam
4963	VN-66	Hưng Yên
4964	VN-67	Nam Định
4965	VN-68	Phú Thọ
4966	VN-69	Thái Nguyên
4967	VN-70	Vĩnh Phúc
4968	VN-71	Điện Biên
4969	VN-72	Đắk Nông
4970	VN-73	Hậu Giang
4971	VN-CT	Cần Thơ
4972	VN-DN	Đà Nẵng
4973	VN-HN	Hà Nội
4974	VN-HP	Hải Phòng
4975	VN-SG	Hồ Chí Minh
4976	VU-MAP	Malampa
4977	VU-PAM	Pénama
4978	VU-SAM	Sanma
4979	VU-SEE	Shéfa
4980	VU-TAE	Taféa
4981	VU-TOB	Torba
4982	WF-AL	Alo
4983	WF-SG	Sigave
4984	WF-UV	Uvea
4985	WS-AA	A'ana
4986	WS-AL	Aiga-i-le-Tai
4987	WS-AT	Atua
4988	WS-FA	Fa'asaleleaga
4989	WS-GE	Gaga'emauga
4990	WS-GI	Gagaifomauga
4991	WS-PA	Palauli
4992	WS-SA	Satupa'itea
4993	WS-TU	Tuamasaga
4994	WS-VF	Va'a-o-Fonoti
4995	WS-VS	Vaisigano
4996	YE-AB	Abyan
4997	YE-AD	‘Adan
4998	YE-AM	‘Amrān
4999	YE-BA	Al Bayḑā’
5000	YE-DA	Aḑ Ḑāli‘
5001	YE-DH	Dhamār
5002	YE-HD	Ḩaḑramawt
5003	YE-HJ	Ḩajjah
5004	YE-HU	Al Ḩudaydah
5005	YE-IB	Ibb
5006	YE-JA	Al Jawf
5007	YE-LA	Laḩij
5008	YE-MA	Ma’rib
5009	YE-MR	Al Mahrah
5010	YE-MW	Al Maḩwīt
5011	YE-RA	Raymah
5012	YE-SA	Amānat al ‘Āşimah [city]
5013	YE-SD	Şāʻdah
5014	YE-SH	Shabwah
5015	YE-SN	Şanʻā’
5016	YE-SU	Arkhabīl Suquţrá
5017	YE-TA	Tāʻizz
5018	ZA-EC	Eastern Cape
5019	ZA-FS	Free State
5020	ZA-GP	Gauteng
5021	ZA-KZN	Kwazulu-Natal
5022	ZA-LP	Limpopo
5023	ZA-MP	Mpumalanga
5024	ZA-NC	Northern Cape
5025	ZA-NW	North-West
5026	ZA-WC	Western Cape
5027	ZM-01	Western
5028	ZM-02	Central
5029	ZM-03	Eastern
5030	ZM-04	Luapula
5031	ZM-05	Northern
5032	ZM-06	North-Western
5033	ZM-07	Southern
5034	ZM-08	Copperbelt
5035	ZM-09	Lusaka
5036	ZM-10	Muchinga
5037	ZW-BU	Bulawayo
5038	ZW-HA	Harare
5039	ZW-MA	Manicaland
5040	ZW-MC	Mashonaland Central
5041	ZW-ME	Mashonaland East
5042	ZW-MI	Midlands
5043	ZW-MN	Matabeleland North
5044	ZW-MS	Matabeleland South
5045	ZW-MV	Masvingo
5046	ZW-MW	Mashonaland West
"""

LANGUAGES = """
1	aa	Afar
2	ab	Abkhazian
3	ae	Avestan
4	af	Afrikaans
5	ak	Akan
6	am	Amharic
7	an	Aragonese
8	ar	Arabic
9	as	Assamese
10	av	Avaric
11	ay	Aymara
12	az	Azerbaijani
13	ba	Bashkir
14	be	Belarusian
15	bg	Bulgarian
16	bi	Bislama
17	bm	Bambara
18	bn	Bengali
19	bo	Tibetan
20	br	Breton
21	bs	Bosnian
22	ca	Catalan
23	ce	Chechen
24	ch	Chamorro
25	co	Corsican
26	cr	Cree
27	cs	Czech
28	cu	Church Slavic
29	cv	Chuvash
30	cy	Welsh
31	da	Danish
32	de	German
33	dv	Divehi
34	dz	Dzongkha
35	ee	Ewe
36	el	Modern Greek (1453-)
37	en	English
38	eo	Esperanto
39	es	Spanish
40	et	Estonian
41	eu	Basque
42	fa	Persian
43	ff	Fulah
44	fi	Finnish
45	fj	Fijian
46	fo	Faroese
47	fr	French
48	fy	Western Frisian
49	ga	Irish
50	gd	Scottish Gaelic
51	gl	Galician
52	gn	Guarani
53	gu	Gujarati
54	gv	Manx
55	ha	Hausa
56	he	Hebrew
57	hi	Hindi
58	ho	Hiri Motu
59	hr	Croatian
60	ht	Haitian
61	hu	Hungarian
62	hy	Armenian
63	hz	Herero
64	ia	Interlingua (International Auxiliary Language Association)
65	id	Indonesian
66	ie	Interlingue
67	ig	Igbo
68	ii	Sichuan Yi
69	ik	Inupiaq
70	io	Ido
71	is	Icelandic
72	it	Italian
73	iu	Inuktitut
74	ja	Japanese
75	jv	Javanese
76	ka	Georgian
77	kg	Kongo
78	ki	Kikuyu
79	kj	Kuanyama
80	kk	Kazakh
81	kl	Kalaallisut
82	km	Khmer
83	kn	Kannada
84	ko	Korean
85	kr	Kanuri
86	ks	Kashmiri
87	ku	Kurdish
88	kv	Komi
89	kw	Cornish
90	ky	Kirghiz
91	la	Latin
92	lb	Luxembourgish
93	lg	Ganda
94	li	Limburgan
95	ln	Lingala
96	lo	Lao
97	lt	Lithuanian
98	lu	Luba-Katanga
99	lv	Latvian
100	mg	Malagasy
101	mh	Marshallese
102	mi	Maori
103	mk	Macedonian
104	ml	Malayalam
105	mn	Mongolian
106	mr	Marathi
107	ms	Malay (macrolanguage)
108	mt	Maltese
109	my	Burmese
110	na	Nauru
111	nb	Norwegian Bokmål
112	nd	North Ndebele
113	ne	Nepali (macrolanguage)
114	ng	Ndonga
115	nl	Dutch
116	nn	Norwegian Nynorsk
117	no	Norwegian
118	nr	South Ndebele
119	nv	Navajo
120	ny	Chichewa
121	oc	Occitan (post 1500)
122	oj	Ojibwa
123	om	Oromo
124	or	Oriya (macrolanguage)
125	os	Ossetian
126	pa	Panjabi
127	pi	Pali
128	pl	Polish
129	ps	Pushto
130	pt	Portuguese
131	qu	Quechua
132	rm	Romansh
133	rn	Rundi
134	ro	Romanian
135	ru	Russian
136	rw	Kinyarwanda
137	sa	Sanskrit
138	sc	Sardinian
139	sd	Sindhi
140	se	Northern Sami
141	sg	Sango
142	sh	Serbo-Croatian
143	si	Sinhala
144	sk	Slovak
145	sl	Slovenian
146	sm	Samoan
147	sn	Shona
148	so	Somali
149	sq	Albanian
150	sr	Serbian
151	ss	Swati
152	st	Southern Sotho
153	su	Sundanese
154	sv	Swedish
155	sw	Swahili (macrolanguage)
156	ta	Tamil
157	te	Telugu
158	tg	Tajik
159	th	Thai
160	ti	Tigrinya
161	tk	Turkmen
162	tl	Tagalog
163	tn	Tswana
164	to	Tonga (Tonga Islands)
165	tr	Turkish
166	ts	Tsonga
167	tt	Tatar
168	tw	Twi
169	ty	Tahitian
170	ug	Uighur
171	uk	Ukrainian
172	ur	Urdu
173	uz	Uzbek
174	ve	Venda
175	vi	Vietnamese
176	vo	Volapük
177	wa	Walloon
178	wo	Wolof
179	xh	Xhosa
180	yi	Yiddish
181	yo	Yoruba
182	za	Zhuang
183	zh	Chinese
184	zu	Zulu
"""
