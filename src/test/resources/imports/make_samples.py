import json
def w(name, lines):
    with open(name,'w') as f:
        for l in lines:
            f.write((l if isinstance(l,str) else json.dumps(l, ensure_ascii=False))+"\n")
q=[
 {"quoteID":"2020-01-28-000082","quotation":"The harbour will reopen when the divers say it is safe.","speaker":"Marta Ruiz","qids":["Q98765401"],"date":"2020-01-28 08:04:05","numOccurrences":3,"probas":[["Marta Ruiz","0.8712"],["None","0.1288"]],"urls":["https://harbour-gazette.example/2020/01/28/reopening","https://coastal-news.example/story/4411"],"phase":"E"},
 {"quoteID":"2020-01-28-000113","quotation":"We have never seen a storm like this one.","speaker":"None","qids":[],"date":"2020-01-28 10:15:00","numOccurrences":1,"probas":[["None","0.6"],["Tomas Berg","0.4"]],"urls":["https://coastal-news.example/story/4412"],"phase":"E"},
 {"quoteID":"2020-01-29-000007","quotation":"Every ferry will run on the winter timetable until March.","speaker":"Tomas Berg","qids":["Q98765402","Q98765403"],"date":"2020-01-29 07:00:00","numOccurrences":2,"probas":[["Tomas Berg","0.93"],["None","0.07"]],"urls":["https://harbour-gazette.example/2020/01/29/timetable","https://harbour-gazette.example/2020/01/28/reopening"],"phase":"E"},
 {"quoteID":"2020-01-30-000051","quotation":"The divers finished their survey this morning.","speaker":"Marta Ruiz","qids":["Q98765401"],"date":"2020-01-30 12:30:00","numOccurrences":1,"probas":[["Marta Ruiz","0.77"]],"urls":["https://coastal-news.example/story/4420"],"phase":"E"},
]
w('quotebank-quotes.json', q)
bad=[q[0], '{"quoteID":"2020-02-01-000001","quotation":"An unfinished line', q[2], {"quoteID":"2020-02-01-000002","quotation":"A quote seen nowhere.","speaker":"None","qids":[],"date":"2020-02-01 00:00:00","numOccurrences":1,"probas":[],"urls":[],"phase":"E"}, q[3]]
w('quotebank-quotes-malformed.json', bad)
def art(aid, title, url, date, content, quotes):
    toks=content.split()
    qs=[]
    for quote, speaker, probas, qid in quotes:
        qt=quote.split()
        off=None
        for i in range(len(toks)):
            if [t.lower().strip('\u201c\u201d"') for t in toks[i:i+len(qt)]]==[t.lower() for t in qt]:
                off=i;break
        assert off is not None, quote
        qs.append({"quotation":quote,"quotationOffset":off,"leftOffset":max(0,off-6),"rightOffset":off+len(qt)+6,
                   "leftContext":" ".join(toks[max(0,off-6):off]),"rightContext":" ".join(toks[off+len(qt):off+len(qt)+6]),
                   "globalTopSpeaker":speaker,"globalProbas":probas,"localTopSpeaker":speaker,"localProbas":probas,"numSpeakers":len(probas),"quoteID":qid})
    return {"articleID":aid,"articleLength":len(toks),"date":date,"phase":"E","title":title,"url":url,"content":content,"quotations":qs}
a1=art("2020012800000001","Harbour to reopen","https://harbour-gazette.example/2020/01/28/reopening","2020-01-28 09:00:00",
 "Harbour master Marta Ruiz spoke on Tuesday.\n\n\u201cThe harbour will reopen when the divers say it is safe.\u201d Ferries stayed in port, and Tomas Berg added: \u201cEvery ferry will run on the winter timetable until March.\u201d",
 [("The harbour will reopen when the divers say it is safe.","Marta Ruiz",[["Marta Ruiz","0.81"],["None","0.19"]],"2020-01-28-000082"),
  ("Every ferry will run on the winter timetable until March.","Tomas Berg",[["Tomas Berg","0.9"]],"2020-01-29-000007")])
a2=art("2009010100000002",None,"https://old-wire.example/2009/01/01/port","2009-01-01 12:00:00",
 "the port authority said : \" we will dredge the channel before the summer . \" work starts in may .",
 [("we will dredge the channel before the summer .","None",[["None","0.7"]],None)])
del a2["title"]
w('quotebank-articles.json',[a1,a2])
a3=art("2020020200000003","Offsets that miss","https://harbour-gazette.example/2020/02/02/miss","2020-02-02 09:00:00",
 "The mayor said: \u201cThe quay will be rebuilt.\u201d Nobody disagreed.",[("The quay will be rebuilt.","Lena Ortiz",[["Lena Ortiz","0.8"]],None)])
a3["quotations"][0]["quotationOffset"]=0
w('quotebank-articles-bad-offsets.json',[a2,a3])
g=[{"date":"2020-03-04T10:00:00Z","url":"https://coastal-news.example/story/5100","lang":"en","title":"Ferry strike ends",
    "quotes":[{"pre":"Union leader Ines Kovac said on Wednesday: \u201c","quote":"The strike is over and the ferries will sail tomorrow.","post":"\u201d The company welcomed the agreement."},
              {"pre":"Posters at the terminal read \u201c","quote":"Safe crossings","post":"\u201d in large letters. "}]},
   {"date":"2020-03-05T08:30:00Z","url":"https://harbour-gazette.example/2020/03/05/timetable","lang":"en","title":"Timetable back to normal",
    "quotes":[{"pre":"\u201c","quote":"We expect every crossing to run on time this week,","post":"\u201d said Tomas Berg, the operations manager."}]}]
w('gdelt-quotations.json', g)
with open('quotes.csv','w') as f:
    f.write('text,speakerName,speakerWikidataId,sourceUrl,sourceTitle,context,quotedOn,type,language,confidence\n')
    f.write('"The bridge will be closed for two weeks, starting Monday.",Lena Ortiz,Q98765404,https://city-desk.example/bridge,Bridge closure,,2021-05-03,direct,en,0.9\n')
    f.write('"Repairs are ""overdue""\nand necessary.",Lena Ortiz,Q98765404,https://city-desk.example/bridge,Bridge closure,,2021-05-03,direct,en,\n')
    f.write('"A quote with an impossible date.",Lena Ortiz,,https://city-desk.example/bridge,Bridge closure,,2021-13-45,direct,en,\n')
    f.write('"Traffic will use the northern route.",,,https://city-desk.example/detour,Detour,,2021-05-04,indirect,en,\n')
