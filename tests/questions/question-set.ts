/**
 * Sixty plain-language questions (20 Russian, 20 Kazakh, 20 English), written for the test with varied phrasing,
 * each with the case type and the article a lawyer would point to.
 */

/** One labelled question. */
export interface LabelledQuestion {
  readonly question: string;
  readonly language: 'rus' | 'kaz' | 'eng';
  readonly caseType: 'kz-criminal' | 'kz-civil-contract';
  readonly code: 'criminal' | 'civil' | 'civil-procedure';
  readonly article: string;
}

const q = (language: LabelledQuestion['language'], caseType: 'crim' | 'civ', code: LabelledQuestion['code'], article: string, question: string): LabelledQuestion => ({
  question,
  language,
  caseType: caseType === 'crim' ? 'kz-criminal' : 'kz-civil-contract',
  code,
  article,
});

/** The question set. */
export const questionSet: readonly LabelledQuestion[] = [
  // Russian
  q('rus', 'crim', 'criminal', '188', 'Из квартиры вынесли ноутбук за 400 000 тенге, какой срок грозит вору?'),
  q('rus', 'crim', 'criminal', '188', 'Сосед украл у меня велосипед из подъезда, что ему будет, если он ранее не судим?'),
  q('rus', 'crim', 'criminal', '190', 'Меня обманули при покупке машины через интернет, перевел предоплату 1,5 млн тенге и продавец пропал. Это мошенничество?'),
  q('rus', 'crim', 'criminal', '191', 'На улице у девушки вырвали сумку и убежали, какое наказание за это?'),
  q('rus', 'crim', 'criminal', '192', 'Двое напали с ножом и забрали телефон, какая статья?'),
  q('rus', 'crim', 'criminal', '189', 'Бухгалтер присвоила деньги фирмы, 3 миллиона тенге, что ей грозит?'),
  q('rus', 'crim', 'criminal', '99', 'Муж в ссоре убил соседа, сколько лет могут дать?'),
  q('rus', 'crim', 'criminal', '106', 'В драке мне сломали челюсть, это тяжкий вред здоровью?'),
  q('rus', 'crim', 'criminal', '109', 'Бывший муж ударил меня несколько раз, синяки есть, куда обращаться и что ему будет за побои?'),
  q('rus', 'crim', 'criminal', '293', 'Пьяный парень устроил дебош в кафе, разбил посуду. Это хулиганство?'),
  q('rus', 'crim', 'criminal', '296', 'У сына нашли марихуану для себя, около 10 граммов, какое наказание?'),
  q('rus', 'crim', 'criminal', '345', 'Водитель сбил пешехода на переходе, человек в больнице. Что грозит водителю за ДТП?'),
  q('rus', 'crim', 'criminal', '366', 'Чиновник акимата потребовал взятку за разрешение на строительство, что ему будет?'),
  q('rus', 'crim', 'criminal', '194', 'Бывший партнер вымогает у меня деньги, угрожая опубликовать фото. Что делать?'),
  q('rus', 'civ', 'civil', '272', 'Арендатор не платит за квартиру уже три месяца, долг 450 000 тенге. Могу ли я взыскать через суд?'),
  q('rus', 'civ', 'civil', '272', 'Поставщик получил предоплату по договору поставки, но товар не поставил. Как вернуть деньги?'),
  q('rus', 'civ', 'civil', '178', 'Друг занял 2 миллиона тенге пять лет назад и не вернул, не прошел ли срок исковой давности?'),
  q('rus', 'civ', 'civil', '293', 'В договоре есть неустойка 0,5% в день за просрочку оплаты. Можно ли ее взыскать с покупателя?'),
  q('rus', 'civ', 'civil-procedure', '148', 'Как правильно написать исковое заявление о взыскании долга по договору займа?'),
  q('rus', 'civ', 'civil', '353', 'Покупатель задержал оплату на полгода, можно ли требовать проценты за пользование чужими деньгами?'),
  // Kazakh
  q('kaz', 'crim', 'criminal', '188', 'Пәтерімнен ноутбукты ұрлап кетті, ұрыға қандай жаза беріледі?'),
  q('kaz', 'crim', 'criminal', '188', 'Көршім менің велосипедімді ұрлады, бұрын сотталмаған, оған не болады?'),
  q('kaz', 'crim', 'criminal', '190', 'Интернетте алаяқтар мені алдап, 500 000 теңге аударып алды. Бұл қандай бап?'),
  q('kaz', 'crim', 'criminal', '191', 'Көшеде бір жігіт қолымнан телефонды жұлып алып қашып кетті, бұл тонау ма?'),
  q('kaz', 'crim', 'criminal', '192', 'Екі адам пышақ көрсетіп, ақшамды тартып алды. Қандай жаза қолданылады?'),
  q('kaz', 'crim', 'criminal', '189', 'Кассир дүкеннің ақшасын иемденіп алды, оған қандай жауапкершілік бар?'),
  q('kaz', 'crim', 'criminal', '99', 'Ол төбелесте адамды өлтіріп қойды, қанша жылға сотталуы мүмкін?'),
  q('kaz', 'crim', 'criminal', '106', 'Төбелесте менің қолымды сындырды, бұл денсаулыққа ауыр зиян ба?'),
  q('kaz', 'crim', 'criminal', '109', 'Күйеуім мені ұрып-соғады, оған қандай жаза бар?'),
  q('kaz', 'crim', 'criminal', '293', 'Мас жігіттер кафеде бұзақылық жасап, терезені сындырды. Не істеуге болады?'),
  q('kaz', 'crim', 'criminal', '296', 'Ұлымның қалтасынан есірткі табылды, өзі үшін алған, қандай жаза?'),
  q('kaz', 'crim', 'criminal', '345', 'Жүргізуші жаяу жүргіншіні қағып кетті, жол-көлік оқиғасы үшін қандай жаза бар?'),
  q('kaz', 'crim', 'criminal', '366', 'Әкімдік қызметкері құжат беру үшін пара сұрады, бұған қандай жаза бар?'),
  q('kaz', 'crim', 'criminal', '200', 'Көршім менің көлігімді сұрамай айдап кетті, бұл қылмыс па?'),
  q('kaz', 'civ', 'civil', '272', 'Жалға берген пәтерімнің ақысын үш ай бойы төлемей жүр, сотқа берсем не болады?'),
  q('kaz', 'civ', 'civil', '272', 'Досым қарызын қайтармай жүр, 800 000 теңге, оны сот арқылы өндіріп алуға бола ма?'),
  q('kaz', 'civ', 'civil', '178', 'Бес жыл бұрын берген қарызымды қайтармады, талап қою мерзімі өтіп кетпеді ме?'),
  q('kaz', 'civ', 'civil', '293', 'Шартта тұрақсыздық айыбы көрсетілген, төлем кешіккені үшін оны өндіруге бола ма?'),
  q('kaz', 'civ', 'civil-procedure', '148', 'Қарызды өндіру туралы талап қою арызын қалай жазамын?'),
  q('kaz', 'civ', 'civil', '350', 'Мердігер жұмысты орындамады, мен шеккен залалдарды өндіріп алуға бола ма?'),
  // English
  q('eng', 'crim', 'criminal', '188', 'Someone stole my laptop from my flat, worth 400,000 tenge. What sentence can the thief get?'),
  q('eng', 'crim', 'criminal', '188', 'My neighbour stole my bicycle from the stairwell; he has no previous convictions. What will happen to him?'),
  q('eng', 'crim', 'criminal', '190', 'I was scammed online: I paid KZT 700 000 for a car that never existed. Which article covers this fraud?'),
  q('eng', 'crim', 'criminal', '191', 'A man snatched my bag on the street and ran away. What is the punishment for this robbery?'),
  q('eng', 'crim', 'criminal', '192', 'Two men threatened me at knifepoint and took my phone. Which crime is that?'),
  q('eng', 'crim', 'criminal', '189', 'Our accountant embezzled company funds of 3 million tenge. What penalty does she face?'),
  q('eng', 'crim', 'criminal', '99', 'He killed a man in a fight. How many years could he get for murder?'),
  q('eng', 'crim', 'criminal', '106', 'In a fight someone broke my jaw. Is that grievous bodily harm?'),
  q('eng', 'crim', 'criminal', '109', 'My ex-husband punched me several times and left bruises. What can he be charged with?'),
  q('eng', 'crim', 'criminal', '293', 'Drunk men smashed windows in a cafe and shouted at people. Is this hooliganism?'),
  q('eng', 'crim', 'criminal', '296', 'The police found cannabis for personal use in my son\'s pocket. What punishment is possible?'),
  q('eng', 'crim', 'criminal', '345', 'A driver hit a pedestrian at a crossing and the victim was badly injured. What does the driver face after this traffic accident?'),
  q('eng', 'crim', 'criminal', '366', 'An official asked for a bribe to issue a building permit. What is the punishment for him?'),
  q('eng', 'crim', 'criminal', '194', 'My former partner is blackmailing me for money, threatening to publish photos. Is that a crime?'),
  q('eng', 'civ', 'civil', '272', 'My tenant has not paid the rent for three months and owes 450,000 tenge. Can I recover it in court?'),
  q('eng', 'civ', 'civil', '272', 'The supplier took an advance payment under our supply contract but did not deliver the goods. How do I get the money back?'),
  q('eng', 'civ', 'civil', '178', 'A friend borrowed 2 million tenge five years ago and never repaid it. Has the limitation period expired?'),
  q('eng', 'civ', 'civil', '293', 'Our contract has a late payment penalty of 0.5% per day. Can we claim it from the buyer?'),
  q('eng', 'civ', 'civil-procedure', '148', 'How do I write a statement of claim to recover a debt under a loan agreement?'),
  q('eng', 'civ', 'civil', '350', 'The contractor did not finish the work and I suffered lost profits. Can I claim compensation for my losses?'),
];
