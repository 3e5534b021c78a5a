/**
 * A small legal thesaurus for plain-language questions: how people say what happened, in Russian, Kazakh and
 * English ("вынесли ноутбук", "ұрлап кетті", "stole my phone"), and the legal term the codes use for it ("кража"),
 * with the code to search and the case type it belongs to. The terms are searched in the legal-acts store, so the
 * articles come from the stored law text, not from this list; the list only translates everyday words into the
 * codes' vocabulary (the stored codes are in Russian).
 */

/** A legal concept: everyday cues, the codes' own words for it, the code to search and the case type. */
export interface LegalConcept {
  readonly id: string;
  readonly cues: RegExp;
  /** Russian legal terms searched in the store (every word must occur in a part, stems matched). */
  readonly query: string;
  readonly code: 'criminal' | 'civil' | 'civil-procedure';
  readonly caseType: 'kz-criminal' | 'kz-civil-contract';
}

// Every cue starts a word ("ұры" is a thief, "бұрын" is "before").
const c = (id: string, caseType: LegalConcept['caseType'], code: LegalConcept['code'], query: string, cues: RegExp): LegalConcept => ({
  id,
  caseType,
  code,
  query,
  cues: new RegExp(`(?<!\\p{L})(?:${cues.source})`, cues.flags),
});

/** The concepts, most specific first (armed robbery before robbery before theft). */
export const legalConcepts: readonly LegalConcept[] = [
  c('armed-robbery', 'kz-criminal', 'criminal', 'разбой', /разбо\p{L}*|с\s+ножом|угрожая\s+(?:ножом|пистолетом|оружием)|пистолет\p{L}*|қарақшы\p{L}*|пышақ\p{L}*|қару\p{L}*\s+(?:көрсетіп|кезеп)|armed\s+robbery|knife(?:point)?|gun(?:point)?/iu),
  c('robbery', 'kz-criminal', 'criminal', 'грабеж', /грабе?ж\p{L}*|грабёж\p{L}*|ограби\p{L}*|вырвал\p{L}*|выхватил\p{L}*|сорвал\p{L}*|отобрал\p{L}*|открыто\s+похитил\p{L}*|тонау\p{L}*|тонады|тонап|жұлып|тартып\s+алды|robbery|robbed|snatch\p{L}*|mugg\p{L}*|grabbed/iu),
  c('car-taking', 'kz-criminal', 'criminal', 'неправомерное завладение автомобилем', /угна\p{L}*|угон\p{L}*|айдап\s+кет\p{L}*|айдап\s+әкет\p{L}*|joyrid\p{L}*|took\s+(?:my|the|a)\s+car|drove\s+off\s+(?:in|with)\s+(?:my|the|a)\s+car/iu),
  c('embezzlement', 'kz-criminal', 'criminal', 'присвоение растрата', /присвои\p{L}*|присвоени\p{L}*|растрат\p{L}*|иемденіп|иемденді|ысырап\p{L}*|embezzl\p{L}*|misappropriat\p{L}*/iu),
  c('fraud', 'kz-criminal', 'criminal', 'мошенничество', /мошенни\p{L}*|обман\p{L}*|развел\p{L}*|развели|аферист\p{L}*|алаяқ\p{L}*|алдап|алдады|fraud\p{L}*|scam\p{L}*|deceiv\p{L}*|conned|tricked|swindl\p{L}*/iu),
  c('theft', 'kz-criminal', 'criminal', 'кража', /краж\p{L}*|украл\p{L}*|укра\p{L}*|стащил\p{L}*|вынес(?:ли|ла|ло)?(?!\p{L})|похитил\p{L}*|обокрал\p{L}*|своровал\p{L}*|(?<!\p{L})вор(?:а|у|ом)?(?!\p{L})|ұрла\p{L}*|ұры\p{L}*|theft|stole\p{L}*|stolen|steal\p{L}*|burglar\p{L}*|thief|shoplift\p{L}*/iu),
  c('murder', 'kz-criminal', 'criminal', 'убийство', /убил\p{L}*|убий\p{L}*|застрелил\p{L}*|зарезал\p{L}*|өлтір\p{L}*|murder\p{L}*|killed|homicide/iu),
  c('grievous-harm', 'kz-criminal', 'criminal', 'умышленное причинение тяжкого вреда здоровью', /тяжк\p{L}*\s+вред\p{L}*|тяжел\p{L}*\s+травм\p{L}*|сломал\p{L}*|перелом\p{L}*|ауыр\s+зиян\p{L}*|сындыр\p{L}*|grievous\s+bodily\s+harm|broke\s+(?:his|her|my)|fractur\p{L}*|serious(?:ly)?\s+injur\p{L}*/iu),
  c('battery', 'kz-criminal', 'criminal', 'побои', /побо\p{L}*|ударил\p{L}*|избил\p{L}*|бил\p{L}*\s+(?:меня|его|её|ее)|ұрып\p{L}*|соққы\p{L}*|punch\p{L}*|hit\s+(?:me|him|her)|beat\s+(?:me|him|her)|slapp\p{L}*/iu),
  c('threat', 'kz-criminal', 'criminal', 'угроза убийством', /угрож\p{L}*\s+убить|угроз\p{L}*\s+убийств\p{L}*|обещал\p{L}*\s+убить|өлтіремін|threaten\p{L}*\s+to\s+kill|death\s+threat\p{L}*/iu),
  c('extortion', 'kz-criminal', 'criminal', 'вымогательство', /вымога\p{L}*|требова\p{L}*\s+деньги\s+под\s+угроз\p{L}*|қорқытып\s+ақша\p{L}*|бопсала\p{L}*|extort\p{L}*|blackmail\p{L}*/iu),
  c('hooliganism', 'kz-criminal', 'criminal', 'хулиганство', /хулига\p{L}*|дебош\p{L}*|бұзақы\p{L}*|hooligan\p{L}*|disorderly/iu),
  c('drug-sale', 'kz-criminal', 'criminal', 'сбыт наркотических средств', /(?:продава|прода[лт]|сбыва|сбыт)\p{L}*\s+(?:\p{L}+\s+)?(?:наркот\p{L}*|закладк\p{L}*)|закладчик\p{L}*|есірткі\p{L}*\s+сат\p{L}*|(?:sell|sold|deal)\p{L}*\s+(?:\p{L}+\s+)?drugs|drug\s+deal\p{L}*/iu),
  c('drugs', 'kz-criminal', 'criminal', 'наркотических средств без цели сбыта', /наркот\p{L}*|марихуан\p{L}*|гашиш\p{L}*|героин\p{L}*|есірткі\p{L}*|drug\p{L}*|narcotic\p{L}*|cannabis|marijuana|heroin/iu),
  c('traffic', 'kz-criminal', 'criminal', 'правил дорожного движения лицами управляющими транспортными средствами', /ДТП|сбил\p{L}*\s+(?:пешеход|человек|ребенк|ребёнк)\p{L}*|наезд\p{L}*|авари\p{L}*|за\s+рул[её]м|правил\p{L}*\s+дорожного|жол[-\s]көлік|көлік\s+(?:жүргізу|апат)\p{L}*|жаяу\s+жүргіншін\p{L}*|қағып\s+кет\p{L}*|car\s+(?:crash|accident)|traffic\s+accident|ran\s+over|hit\s+a\s+pedestrian|drunk\s+driv\p{L}*|while\s+driving/iu),
  c('bribe', 'kz-criminal', 'criminal', 'получение взятки', /взятк\p{L}*|взяточ\p{L}*|пара(?:ға|сын|ны|қор\p{L}*|\s+(?:сұра|ал|бер|талап)\p{L}*)|bribe\p{L}*/iu),
  // Civil: the General Part of the Civil Code and the Civil Procedure Code are the stored civil texts.
  c('limitation', 'kz-civil-contract', 'civil', 'сроки исковой давности', /давност\p{L}*|прошло\s+(?:больше|более|уже)?\s*(?:трех|тр[её]х|3)\s+лет|ескіру\p{L}*|талап\s+қою\s+мерзім\p{L}*|үш\s+жыл\s+өтті|limitation\s+period|time[-\s]barred|statute\s+of\s+limitations|more\s+than\s+three\s+years/iu),
  c('penalty', 'kz-civil-contract', 'civil', 'понятие неустойки', /неустойк\p{L}*|(?<!\p{L})пен[иья](?!\p{L})|тұрақсыздық\s+айыб\p{L}*|өсімпұл\p{L}*|penalt\p{L}*|late\s+(?:payment\s+)?fee\p{L}*/iu),
  c('interest', 'kz-civil-contract', 'civil', 'неправомерное пользование чужими деньгами', /процент\p{L}*\s+за\s+(?:пользование|просрочк)\p{L}*|чужими\s+деньгами|пайыз\p{L}*|interest\s+(?:on|for)\s+(?:the\s+)?(?:late|unpaid|debt|money)/iu),
  c('losses', 'kz-civil-contract', 'civil', 'возмещение убытков вызванных нарушением обязательства', /убыт\p{L}*|упущенн\p{L}*\s+выгод\p{L}*|залалдар\p{L}*|шығындар\p{L}*|lost\s+profit\p{L}*|consequential\s+loss\p{L}*/iu),
  c('claim-filing', 'kz-civil-contract', 'civil-procedure', 'форма и содержание иска', /подать\s+(?:исков\p{L}*|в\s+суд|иск)|исков\p{L}*\s+заявлени\p{L}*|как\s+(?:составить|написать)\s+иск|талап\s+қою\s+арыз\p{L}*|арыз\s+жаз\p{L}*|(?:file|write|draft)\s+(?:a\s+)?(?:claim|lawsuit|statement\s+of\s+claim)/iu),
  c('debt', 'kz-civil-contract', 'civil', 'надлежащее исполнение обязательства', /долг\p{L}*|задолженност\p{L}*|не\s+(?:возвращ|верн|оплат|плат|заплат|рассчит|выполн|исполн)\p{L}*|не\s+отда\p{L}*|аренд\p{L}*|поставщик\p{L}*|подрядчик\p{L}*|қарыз\p{L}*|берешек\p{L}*|төлемей|төлемеді|қайтармай|қайтармады|бермей|ақы\p{L}*|орындамай|орындамады|owe[sd]?(?!\p{L})|debt\p{L}*|unpaid|(?:did\s+not|didn't|does\s+not|doesn't|won't|refuses?\s+to|never)\s+(?:pay|repay|return|deliver|perform)\p{L}*|rent\p{L}*|tenant\p{L}*|contractor/iu),
];
