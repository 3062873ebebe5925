# quiz-course.awk: write a synthetic course folder of about N facts for
# bench/quiz.sh, in the shape of data/ (doc/course-format.md).
#
#   awk -v dir=DIR -v n=100000 -f bench/quiz-course.awk
#
# Stages of ten years' worth of facts each; events (40%), figures (25%,
# in sibling groups of four), initiatives (15%), people, organizations and
# places (20% together); fact_countries for a tenth of the initiatives;
# one lesson per stage referring to a few facts. Deterministic (srand 42).
function pick(a, k) { return a[int(rand() * k) + 1] }
function q(s) { gsub(/"/, "\"\"", s); return "\"" s "\"" }
BEGIN {
  srand(42)
  if (n == "") n = 100000
  nStage = int(n / 1000); if (nStage < 8) nStage = 8
  nEv = int(n * 0.40); nFig = int(n * 0.25); nIn = int(n * 0.15)
  nPe = int(n * 0.07); nOrg = int(n * 0.07); nPl = n - nEv - nFig - nIn - nPe - nOrg
  split("kz uz tm kg tj jp cn us ru kr tr ir in pk sa eu", cc, " ")
  split("Kazakhstan Uzbekistan Turkmenistan Kyrgyzstan Tajikistan Japan China United_States Russia South_Korea Turkey Iran India Pakistan Saudi_Arabia European_Union", cn, " ")
  split("visit meeting agreement loan study conference treaty tour talks report", noun, " ")
  split("Japan China Tokyo Beijing Moscow Astana Tashkent Ashgabat Bishkek Dushanbe", who, " ")
  split("USD USD USD km bcm/yr count", unit, " ")
  split("doctrine format plan declaration statement roadmap corridor strategy concept partnership project meeting", ikind, " ")
  split("company agency ministry society bloc council", okind, " ")
  split("city field river embassy region route", pkind, " ")

  f = dir "/course.csv"
  print "id,title,language,based_on" > f
  print "bench,Generated course,en,quiz-course.awk" > f
  close(f)

  f = dir "/sources.csv"
  print "id,num,title" > f
  for (i = 1; i <= 100; i++) print "n" i "," i ",Source " i > f
  close(f)

  f = dir "/countries.csv"
  print "id,name,in_region" > f
  for (i = 1; i <= 16; i++) { name = cn[i]; gsub(/_/, " ", name); print cc[i] "," name "," (i <= 5 ? 1 : 0) > f }
  close(f)

  f = dir "/stages.csv"
  print "id,ord,title,period,summary" > f
  for (s = 1; s <= nStage; s++) {
    y0 = 1900 + (s - 1) % 110
    print "st-" s "," s ",Stage " s "," y0 ".." (y0 + 9) ",The facts of stage " s "." > f
  }
  close(f)

  f = dir "/people.csv"
  print "id,stage,name,role,country,year,source" > f
  for (i = 1; i <= nPe; i++) {
    s = (i % nStage) + 1
    print "pe-" i ",st-" s ",Person " i " " pick(who, 10) ",Minister of thing " (i % 97) "," pick(cc, 16) "," (1900 + (s - 1) % 110 + i % 10) ",n" (i % 100 + 1) > f
  }
  close(f)

  f = dir "/places.csv"
  print "id,stage,name,kind,country,summary,source" > f
  for (i = 1; i <= nPl; i++) {
    s = (i % nStage) + 1
    print "pl-" i ",st-" s ",Place " i "," pick(pkind, 6) "," pick(cc, 16) ",Described place number " i ".,n" (i % 100 + 1) > f
  }
  close(f)

  f = dir "/organizations.csv"
  print "id,stage,name,abbrev,country,kind,summary,source" > f
  for (i = 1; i <= nOrg; i++) {
    s = (i % nStage) + 1
    ab = (i % 3 == 0) ? "ORG" i : ""
    print "org-" i ",st-" s ",Organization " i "," ab "," pick(cc, 16) "," pick(okind, 6) ",Described organization number " i ".,n" (i % 100 + 1) > f
  }
  close(f)

  f = dir "/events.csv"
  print "id,stage,date,title,detail,key,source" > f
  for (i = 1; i <= nEv; i++) {
    s = (i % nStage) + 1
    y = 1900 + (s - 1) % 110 + int(rand() * 10)
    r = rand()
    if (r < 0.6) date = y
    else if (r < 0.8) date = sprintf("%d-%02d", y, int(rand() * 12) + 1)
    else if (r < 0.9) date = y ".." (y + 1)
    else date = "~" y ".." (y + 2)
    print "ev-" i ",st-" s "," date "," pick(who, 10) " " pick(noun, 10) " number " i ",Something happened: item " i ".," (i % 10 == 0) ",n" (i % 100 + 1) > f
  }
  close(f)

  f = dir "/figures.csv"
  print "id,stage,label,value,unit,period,grp,approx,source" > f
  for (i = 1; i <= nFig; i++) {
    s = (i % nStage) + 1
    g = int((i - 1) / 4)
    u = unit[(g % 6) + 1]
    v = (u == "USD") ? int(rand() * 900 + 100) * 1000000 : (u == "count") ? int(rand() * 9) + 1 : int(rand() * 9000 + 100)
    print "fig-" i ",st-" s ",Measure " g " for part " (i - 1) % 4 "," v "," u "," (1900 + (s - 1) % 110) ",grp-" g "," (i % 17 == 0) ",n" (i % 100 + 1) > f
  }
  close(f)

  f = dir "/initiatives.csv"
  fc = dir "/fact_countries.csv"
  print "id,stage,name,kind,date,launched_by,by_country,place,summary,source" > f
  print "fact,country,role" > fc
  for (i = 1; i <= nIn; i++) {
    s = (i % nStage) + 1
    y = 1900 + (s - 1) % 110 + int(rand() * 10)
    lb = (i % 5 == 0) ? "pe-" (i % nPe + 1) : ""
    pl = (i % 10 == 0) ? "pl-" (i % nPl + 1) : ""
    by = pick(cc, 16)
    print "in-" i ",st-" s ",Initiative " i "," pick(ikind, 12) "," y "," lb "," by "," pl ",Described initiative number " i ".,n" (i % 100 + 1) > f
    if (i % 10 == 3) {
      for (k = 1; k <= 5; k++) print "in-" i "," cc[k] "," (k == 3 ? "absent" : "member") > fc
    }
  }
  close(f); close(fc)

  f = dir "/aliases.csv"
  print "fact,alias" > f
  for (i = 1; i <= nPe; i += 50) print "pe-" i ",Alias " i > f
  close(f)

  f = dir "/glossary.csv"
  print "id,term,definition" > f
  print "term-1,Term,A term." > f
  close(f)

  for (s = 1; s <= nStage; s++) {
    f = dir "/lessons/st-" s ".txt"
    printf "Stage %d begins with {fact:ev-%d|an event} and {fact:fig-%d|a figure}.{note:%d}\n\n", s, s + nStage, s + nStage, s % 100 + 1 > f
    printf "Then {fact:in-%d|an initiative}.{note:%d}\n", s + nStage, s % 100 + 1 > f
    close(f)
  }
}
